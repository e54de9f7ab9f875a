/// The simulated time axis: a start, an end and a step unit, mapping dates to step numbers and back.
///
/// Step 0 is the period containing `start` (month, quarter and year steps begin on the first of
/// `start`'s month); the last step is the period containing
/// the last day `end` names (so `end: 2025-12` with monthly steps includes December 2025).
public struct SimulationCalendar: Sendable, Hashable {
    /// The length of one step.
    public enum Unit: String, Sendable, CaseIterable {
        case day, week, month, quarter, year
    }

    /// The first day of step 0.
    public let start: CalendarDate
    /// The last day simulated.
    public let end: CalendarDate
    /// The step unit.
    public let unit: Unit
    /// Number of steps; always at least 1.
    public let stepCount: Int

    /// Creates a calendar; nil when `end` falls before `start`'s first step.
    public init?(start: CalendarDate, end: CalendarDate, unit: Unit) {
        // Month-based steps begin on the first of a month, whatever day was written.
        let first = unit == .day || unit == .week ? start.firstDay : CalendarDate(year: start.year, month: start.month, day: 1)
        let last = end.lastDay
        guard last >= first else { return nil }
        self.init(start: first, end: last, unit: unit, stepCount: Self.offset(of: last, from: first, unit: unit) + 1)
    }

    private init(start: CalendarDate, end: CalendarDate, unit: Unit, stepCount: Int) {
        self.start = start
        self.end = end
        self.unit = unit
        self.stepCount = stepCount
    }

    /// The step containing the first day of `date`; nil when it lies outside the calendar.
    public func step(containing date: CalendarDate) -> Int? {
        let day = date.firstDay
        guard day >= start, day <= end else { return nil }
        return Self.offset(of: day, from: start, unit: unit)
    }

    /// The step for a date, clamped to the calendar (dates before start give −1, after end give `stepCount`).
    /// Used for `by:` and `at:` bounds that may name a date past the end.
    public func stepOrBeyond(_ date: CalendarDate) -> Int {
        let day = date.firstDay
        if day < start { return -1 }
        if day > end { return stepCount }
        return Self.offset(of: day, from: start, unit: unit)
    }

    /// The first day of a step.
    public func firstDay(ofStep step: Int) -> CalendarDate {
        switch unit {
        case .day: return CalendarDate(dayNumber: start.dayNumber + step)
        case .week: return CalendarDate(dayNumber: start.dayNumber + 7 * step)
        case .month, .quarter, .year:
            let months = start.monthNumber + step * (unit == .month ? 1 : unit == .quarter ? 3 : 12)
            let year = months >= 0 ? months / 12 : (months - 11) / 12
            let month = months - year * 12 + 1
            return CalendarDate(year: year, month: month, day: 1)
        }
    }

    /// The label written in CSV for a step: `YYYY-MM-DD` for day and week steps,
    /// `YYYY-MM` for month and quarter steps, `YYYY` for year steps.
    public func label(ofStep step: Int) -> String {
        let date = firstDay(ofStep: step)
        switch unit {
        case .day, .week: return date.description
        case .month, .quarter: return pad(date.year, 4) + "-" + pad(date.month, 2)
        case .year:
            // Years that do not start in January are labelled with their first month, so they stay unambiguous.
            return start.month == 1 ? pad(date.year, 4) : pad(date.year, 4) + "-" + pad(date.month, 2)
        }
    }

    /// All step labels, computed once per run.
    public var labels: [String] { (0..<stepCount).map(label(ofStep:)) }

    static func offset(of day: CalendarDate, from start: CalendarDate, unit: Unit) -> Int {
        switch unit {
        case .day: return day.dayNumber - start.dayNumber
        case .week: return (day.dayNumber - start.dayNumber) / 7
        case .month, .quarter, .year:
            let months = day.monthNumber - start.monthNumber
            let length = unit == .month ? 1 : unit == .quarter ? 3 : 12
            return months / length
        }
    }
}
