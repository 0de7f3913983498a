/// An iCalendar (RFC 5545) file for an event page: one all-day VEVENT with the event's time zone.
enum CalendarFile {
    /// Known fixed offsets for the VTIMEZONE block; zones with daylight saving are left to the
    /// client (X-WR-TIMEZONE) rather than described wrongly.
    static let fixedOffsets: [String: (offset: String, abbreviation: String)] = [
        "Asia/Shanghai": ("+0800", "CST"), "Asia/Chongqing": ("+0800", "CST"), "Asia/Hong_Kong": ("+0800", "HKT"),
        "Asia/Tokyo": ("+0900", "JST"), "Asia/Singapore": ("+0800", "SGT"), "UTC": ("+0000", "UTC"),
    ]

    static func make(event: EventInfo, page: Page, permalink: String, description: String, host: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//sitegen//\(escape(event.name))//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(event.name))",
            "X-WR-TIMEZONE:\(event.timeZone)",
        ]
        if let zone = fixedOffsets[event.timeZone] {
            lines += [
                "BEGIN:VTIMEZONE",
                "TZID:\(event.timeZone)",
                "X-LIC-LOCATION:\(event.timeZone)",
                "BEGIN:STANDARD",
                "TZOFFSETFROM:\(zone.offset)",
                "TZOFFSETTO:\(zone.offset)",
                "TZNAME:\(zone.abbreviation)",
                "DTSTART:19700101T000000",
                "END:STANDARD",
                "END:VTIMEZONE",
            ]
        }
        let location = [event.location.name, event.location.country].compactMap { $0 }.filter { !$0.isEmpty }
        lines += [
            "BEGIN:VEVENT",
            // Stable across builds: derived from the page, not from the clock.
            "UID:\(page.slug)-\(event.startDate.compact)@\(host)",
            "DTSTAMP:\(event.startDate.compact)T000000Z",
            "DTSTART;VALUE=DATE:\(event.startDate.compact)",
            "DTEND;VALUE=DATE:\(event.endDate.nextDay.compact)",
            "SUMMARY:\(escape(event.name))",
            "LOCATION:\(escape(location.joined(separator: ", ")))",
            "DESCRIPTION:\(escape(description))",
            "URL:\(permalink)",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping: backslash, semicolon, comma and newlines.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1),
    /// never splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var width = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > limit {
                out += "\r\n "
                width = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out
    }
}
