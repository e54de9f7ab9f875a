/// A date as written in a scenario: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, keeping its precision.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of the date was written.
    public enum Precision: Int, Sendable { case year, month, day }

    /// Proleptic Gregorian year.
    public var year: Int
    /// 1...12 (1 when only the year was written).
    public var month: Int
    /// 1...31 (1 when the day was not written).
    public var day: Int
    /// What the text gave.
    public var precision: Precision

    /// Creates a date; the caller guarantees it is valid.
    public init(year: Int, month: Int = 1, day: Int = 1, precision: Precision = .day) {
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when the text is not such a date or names no real day.
    public init?(parsing text: String) {
        guard let fields = Self.fields(of: text), Self.problem(year: fields.year, month: fields.month, day: fields.day) == nil else { return nil }
        self.init(year: fields.year, month: fields.month ?? 1, day: fields.day ?? 1,
                  precision: fields.day != nil ? .day : fields.month != nil ? .month : .year)
    }

    /// The numbers of a text of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (month and day nil when not written),
    /// whether or not they name a real day; nil when the text has another form.
    public static func fields(of text: String) -> (year: Int, month: Int?, day: Int?)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]) else { return nil }
        return (year, parts.count > 1 ? Int(parts[1]) : nil, parts.count > 2 ? Int(parts[2]) : nil)
    }

    /// Why `year-month-day` names no real day, in words (`month 13 does not exist`, `2000-02 has 29 days, not 30`);
    /// nil when it is a real month and day.
    public static func problem(year: Int, month: Int?, day: Int?) -> String? {
        guard let month else { return nil }
        guard (1...12).contains(month) else { return "there is no month \(pad(month, 2)) (months go from 01 to 12)" }
        guard let day else { return nil }
        let days = daysInMonth(year: year, month: month)
        if day == 0 { return "there is no day 00 (days start at 01)" }
        guard day <= days else {
            let leap = month == 2 && days == 28 && day == 29 ? " (\(year) is not a leap year)" : ""
            return "\(pad(year, 4))-\(pad(month, 2)) has \(days) days, not \(day)\(leap)"
        }
        return nil
    }

    /// The first day of the period the date names (itself for a full date).
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: day) }

    /// The last day of the period the date names: Dec 31 for a year, the month's end for a month.
    public var lastDay: CalendarDate {
        switch precision {
        case .year: return CalendarDate(year: year, month: 12, day: 31)
        case .month: return CalendarDate(year: year, month: month, day: Self.daysInMonth(year: year, month: month))
        case .day: return self
        }
    }

    /// Days since 1970-01-01 (negative before), for day and week arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number (inverse of ``dayNumber``).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Months since year 0, for month, quarter and year arithmetic.
    public var monthNumber: Int { year * 12 + (month - 1) }

    /// True for Gregorian leap years.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in a month, February in leap years included.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
