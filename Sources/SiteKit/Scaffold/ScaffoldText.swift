import Foundation

/// Small pieces of text `init` and `new` write: titles made from names, YAML-quoted values, dates.
enum ScaffoldText {
    /// The title a page gets from its file name: the slug's words, each starting with a capital
    /// (`li-ming.md` → `Li Ming`, `2024-05-01-call_for_papers.md` → `Call For Papers`).
    static func title(fromFileName name: String) -> String {
        let slug = Slug.fromFileName(Substring(name))
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        return words.map { word in word.prefix(1).uppercased() + word.dropFirst() }.joined(separator: " ")
    }

    /// The date a file name starts with (`2024-05-01-call.md`), when it names a real day.
    static func date(fromFileName name: String) -> ContentDate? {
        let slug = Slug.fromFileName(Substring(name))
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        guard slug != stem else { return nil }
        return try? ContentDate.parse(String(stem.prefix(10))).get()
    }

    /// `text` as a double-quoted YAML scalar, safe whatever it holds (`:`, `#`, quotes, a leading `-`).
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension ContentDate {
    /// The calendar day `date` falls on in `timeZone` (the author's day, for `new` and `init`).
    public init(_ date: Date, timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
