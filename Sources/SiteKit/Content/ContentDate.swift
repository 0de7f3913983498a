/// A calendar date written `YYYY-MM-DD` in front matter.
public struct ContentDate: Sendable, Comparable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Parses `YYYY-MM-DD`, rejecting impossible days such as 2023-02-30 with a reason.
    public static func parse(_ text: String) -> Result<ContentDate, DateError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return .failure(.malformed) }
        guard (1...12).contains(month) else { return .failure(.noSuchMonth(month)) }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return .failure(.noSuchDay(day: day, monthName: monthNames[month - 1], year: year, days: days))
        }
        return .success(ContentDate(year: year, month: month, day: day))
    }

    public enum DateError: Error, Equatable, CustomStringConvertible {
        case malformed
        case noSuchMonth(Int)
        case noSuchDay(day: Int, monthName: String, year: Int, days: Int)

        public var description: String {
            switch self {
            case .malformed: return "must be a date written YYYY-MM-DD"
            case .noSuchMonth(let month): return "is not a date: there is no month \(month)"
            case .noSuchDay(let day, let name, let year, let days):
                return "is not a date: \(name) \(year) has \(days) days, not \(day)"
            }
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2023-06-28`
    public var description: String {
        String(format4: year) + "-" + String(format2: month) + "-" + String(format2: day)
    }

    /// `28 June 2023`
    public var display: String { "\(day) \(ContentDate.monthNames[month - 1]) \(year)" }

    /// `20230628`, as iCalendar's DATE values want it.
    public var compact: String { String(format4: year) + String(format2: month) + String(format2: day) }

    /// The following calendar day.
    public var nextDay: ContentDate {
        if day < ContentDate.daysIn(month: month, year: year) { return ContentDate(year: year, month: month, day: day + 1) }
        if month < 12 { return ContentDate(year: year, month: month + 1, day: 1) }
        return ContentDate(year: year + 1, month: 1, day: 1)
    }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension String {
    init(format2 number: Int) { self = number < 10 ? "0\(number)" : "\(number)" }
    init(format4 number: Int) {
        self = String(number).leftPadded(to: 4)
    }
}
