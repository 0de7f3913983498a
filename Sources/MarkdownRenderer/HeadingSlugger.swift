/// Makes heading ids: a slug of the heading text, made unique within one document.
///
/// The slug is the lowercased text (Unicode-aware) keeping letters, marks and numbers of any
/// script, with every run of other characters turned into one `-` and none at either end;
/// an empty slug becomes `section`. A repeated slug gets `-1`, `-2`, ... in document order,
/// skipping any suffix another heading already took.
public struct HeadingSlugger {
    private var taken: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    /// Returns the id for the next heading with this text and reserves it.
    mutating func uniqueID(for text: String) -> String {
        let base = Self.slug(text)
        var id = base
        if taken.contains(base) {
            var suffix = nextSuffix[base, default: 1]
            while taken.contains("\(base)-\(suffix)") { suffix += 1 }
            id = "\(base)-\(suffix)"
            nextSuffix[base] = suffix + 1
        }
        taken.insert(id)
        return id
    }

    /// The slug of `text`, before making it unique.
    public static func slug(_ text: String) -> String {
        var slug = SlugBytes()
        slug.bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): slug.keep(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.keep(byte + 32)
                default: slug.separatorPending = true
                }
            } else if keeps(scalar) {
                // Full lowercase mapping, scalar by scalar, as String.lowercased() does ("İ" -> "i̇").
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lowered) { slug.keep($0) }
                }
            } else {
                slug.separatorPending = true
            }
        }
        return slug.bytes.isEmpty ? "section" : String(decoding: slug.bytes, as: UTF8.self)
    }

    /// The UTF-8 of a slug being built: a pending separator is written only before a kept byte.
    private struct SlugBytes {
        var bytes: [UInt8] = []
        var separatorPending = false

        mutating func keep(_ byte: UInt8) {
            if separatorPending && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            separatorPending = false
            bytes.append(byte)
        }
    }

    /// Whether a non-ASCII scalar is a letter, mark or number.
    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
