/// The timeline compiled into per-step buckets: events of step t are `entries[start[t]..<start[t+1]]`, in file order.
public struct Schedule: Sendable {
    /// One occurrence: which event (for held-back effects and log ids) and what it does.
    public struct Entry: Sendable {
        /// Index of the scenario event this occurrence belongs to.
        public var eventIndex: Int
        /// The effect applied.
        public var effect: any EventEffect
    }

    /// All occurrences sorted by step, then file order (follow-ups after their event's step peers).
    public let entries: [Entry]
    /// Bucket offsets, `stepCount + 1` long.
    public let start: [Int]

    /// Compiles a scenario's events; occurrences past the calendar's end are dropped.
    public init(scenario: Scenario) {
        let stepCount = scenario.calendar.stepCount
        var timed: [(step: Int, order: Int, entry: Entry)] = []
        for (index, event) in scenario.events.enumerated() {
            timed.append((event.step, 2 * index, Entry(eventIndex: index, effect: event.effect)))
            for followUp in event.effect.followUps(eventIndex: index) {
                timed.append((followUp.step, 2 * index + 1, Entry(eventIndex: index, effect: followUp.effect)))
            }
        }
        timed = timed.filter { $0.step >= 0 && $0.step < stepCount }
        timed.sort { ($0.step, $0.order) < ($1.step, $1.order) }
        entries = timed.map(\.entry)
        var start = [Int](repeating: 0, count: stepCount + 1)
        for item in timed { start[item.step + 1] += 1 }
        for t in 0..<stepCount { start[t + 1] += start[t] }
        self.start = start
    }
}
