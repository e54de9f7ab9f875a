/// When a bloc's treaty lets a member's exit take effect (`notice:`, `exit_from:`, `term:`/`renewals:`).
///
/// A member may decide to leave at any step (the model's leave rule or a scripted `membership` leave);
/// the exit takes effect at the step ``effectiveStep(decidedAt:calendar:)`` gives. Until then the member
/// stays `frozen`, under notice. A bloc without terms lets exits take effect at once, as before.
public struct TreatyTerms: Sendable, Hashable {
    /// A length of time written as `N years`, `N months`, `N weeks` or `N days`.
    public struct Duration: Sendable, Hashable {
        /// Calendar months (years count 12).
        public var months: Int
        /// Days (weeks count 7).
        public var days: Int

        /// Creates the value from its fields.
        public init(months: Int = 0, days: Int = 0) {
            self.months = months
            self.days = days
        }

        /// `date` moved forward by this duration: months first (the day clamped to the month's length), then days.
        public func after(_ date: CalendarDate) -> CalendarDate {
            var result = date.firstDay
            if months != 0 {
                let total = result.monthNumber + months
                let year = total >= 0 ? total / 12 : (total - 11) / 12
                let month = total - year * 12 + 1
                result = CalendarDate(year: year, month: month, day: min(result.day, CalendarDate.daysInMonth(year: year, month: month)))
            }
            if days != 0 { result = CalendarDate(dayNumber: result.dayNumber + days) }
            return result
        }
    }

    /// Time between the decision (notice given) and the earliest date the exit can take effect.
    public var notice: Duration = Duration()
    /// Notice can be given only from this date (NATO's Article 13: after twenty years in force).
    public var exitFrom: CalendarDate?
    /// Renewal dates, ascending: when given, an exit takes effect only at a renewal date (the first on or
    /// after the notice has run); with none left, not within the run.
    public var renewals: [CalendarDate] = []

    /// Creates terms.
    public init(notice: Duration = Duration(), exitFrom: CalendarDate? = nil, renewals: [CalendarDate] = []) {
        self.notice = notice
        self.exitFrom = exitFrom
        self.renewals = renewals
    }

    /// The step an exit decided at step `t` takes effect: with d0 = max(first day of t, exit_from) and
    /// d1 = d0 + notice, the step containing d1 (without renewals) or the first renewal date ≥ d1; never
    /// before t; the calendar's step count when that is after the end.
    public func effectiveStep(decidedAt t: Int, calendar: SimulationCalendar) -> Int {
        var start = calendar.firstDay(ofStep: t)
        if let exitFrom, exitFrom.firstDay > start { start = exitFrom.firstDay }
        let due = notice.after(start)
        let date: CalendarDate
        if renewals.isEmpty {
            date = due
        } else if let renewal = renewals.first(where: { $0.firstDay >= due }) {
            date = renewal.firstDay
        } else {
            return calendar.stepCount
        }
        return max(t, calendar.stepOrBeyond(date))
    }
}
