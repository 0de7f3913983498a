import TemplateEngine

/// The `event:` map of a page's front matter: what the JSON-LD Event and the `.ics` file are made from.
struct EventInfo: Sendable {
    var name: String
    var startDate: ContentDate
    /// Last day of the event (inclusive); the start date when not given.
    var endDate: ContentDate
    /// IANA time zone, such as `Asia/Shanghai`.
    var timeZone: String
    var location: EventLocation
    var about: String?
    /// Content paths of the pages of the people who spoke (`speakers/tan-jialing.md`).
    var performers: [String]

    struct EventLocation: Sendable {
        var name: String
        var locality: String?
        var region: String?
        var country: String?
    }

    /// Reads `page`'s `event:` map; nil without one. Problems are reported at the field.
    static func parse(_ page: Page) -> (EventInfo?, [Diagnostic]) {
        guard let value = page.frontMatter.params["event"] else { return (nil, []) }
        let at = page.frontMatter.positions["event"] ?? SourcePosition(line: 1, column: 1)
        var diagnostics: [Diagnostic] = []
        func fail(_ message: String) {
            diagnostics.append(.error(page.displayPath, line: at.line, column: at.column, "event: \(message)"))
        }
        guard case .object = value else {
            fail("must be a mapping with name, start_date, time_zone and location")
            return (nil, diagnostics)
        }
        func date(_ key: String) -> ContentDate? {
            guard let text = value[key]?.scalarText else { return nil }
            switch ContentDate.parse(text) {
            case .success(let date): return date
            case .failure(let reason):
                fail("\(key) '\(text)' \(reason)")
                return nil
            }
        }
        let name = value["name"]?.scalarText ?? page.title
        guard let start = date("start_date") else {
            if value["start_date"] == nil { fail("start_date is required (YYYY-MM-DD)") }
            return (nil, diagnostics)
        }
        let end = date("end_date") ?? start
        if end < start { fail("end_date is before start_date") }
        let timeZone = value["time_zone"]?.scalarText ?? "UTC"
        if !timeZone.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/_+-".contains($0)) }) {
            fail("time_zone '\(timeZone)' must be an IANA name such as Asia/Shanghai")
        }
        var location = EventLocation(name: "")
        switch value["location"] {
        case .string(let text)?: location.name = text
        case .object(let map)?:
            location.name = map["name"]?.scalarText ?? ""
            location.locality = map["locality"]?.scalarText
            location.region = map["region"]?.scalarText
            location.country = map["country"]?.scalarText
        default: fail("location is required: a name or {name, locality, region, country}")
        }
        var performers: [String] = []
        if case .list(let items)? = value["performers"] {
            let folder = page.sourcePath.slashSeparated.dropLast().joined(separator: "/")
            for item in items {
                guard let link = item.scalarText, let resolved = SitePath.resolve(link, against: folder) else {
                    fail("performers must be paths of content files, such as speakers/tan-jialing.md")
                    continue
                }
                performers.append(resolved)
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (EventInfo(name: name, startDate: start, endDate: end, timeZone: timeZone, location: location,
                          about: value["about"]?.scalarText, performers: performers), [])
    }
}
