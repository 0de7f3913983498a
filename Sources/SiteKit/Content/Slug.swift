/// Slugs name a page's folder in the output; they must stay inside their section's folder.
enum Slug {
    /// The slug a file gets when front matter sets none: its name without `.md` and without a
    /// leading `YYYY-MM-DD-` date.
    static func fromFileName(_ name: Substring) -> String {
        var stem = name
        if stem.hasSuffix(".md") { stem = stem.dropLast(3) }
        let bytes = Array(stem.utf8)
        if bytes.count > 11, bytes[10] == UInt8(ascii: "-"), bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ (48...57).contains(bytes[$0]) }) {
            return String(decoding: bytes[11...], as: UTF8.self)
        }
        return String(stem)
    }

    /// Why `slug` cannot name a folder, or nil when it is fine.
    static func problem(_ slug: String) -> String? {
        if slug.isEmpty { return "slug is empty" }
        // Byte tests: Foundation's substring search costs thousands of instructions a call.
        let utf8 = slug.utf8
        if slug == "." || slug == ".." || slug.hasPrefix("../") || contains(utf8, "/..") { return "slug '\(slug)' leaves its folder" }
        if utf8.contains(UInt8(ascii: "/")) || utf8.contains(UInt8(ascii: "\\")) { return "slug '\(slug)' must not contain '/' or '\\'" }
        if utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return "slug must not contain control characters or NUL"
        }
        if utf8.contains(where: { $0 >= 0x80 }), let hidden = slug.unicodeScalars.first(where: isInvisible) {
            let code = "U+" + String(hidden.value, radix: 16, uppercase: true).leftPadded(to: 4)
            return "slug must not contain invisible or bidirectional-control characters (\(code)): its folder would look like another"
        }
        if slug.hasPrefix(".") { return "slug '\(slug)' must not start with '.' (hidden folders are not published)" }
        if slug.utf8.count > 200 { return "slug is longer than 200 bytes" }
        return nil
    }

    /// Characters that show as nothing or reorder what follows: format characters (zero-width
    /// space and joiners, the bidi overrides and isolates, the byte order mark), other
    /// default-ignorable code points, and the line and paragraph separators.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isBidiControl || properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format
            || properties.generalCategory == .lineSeparator || properties.generalCategory == .paragraphSeparator
            || properties.generalCategory == .spaceSeparator && scalar.value != 0x20
    }

    private static func contains(_ text: String.UTF8View, _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        let bytes = Array(text)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

