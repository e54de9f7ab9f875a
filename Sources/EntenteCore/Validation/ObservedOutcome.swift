/// What really happened to one declared outcome, from a scenario's `observed:` mapping.
///
/// Only dated 0/1 outcomes (`left`, `frozen`) can be observed: an event with the date it
/// happened, or `never` (it did not happen within the scenario's calendar). `entente validate`
/// scores the model's replicates against it; `run`, `compare` and `sweep` ignore it.
public struct ObservedOutcome: Sendable, Hashable {
    /// The outcome's declared name (its column in outcomes.csv).
    public var outcome: String
    /// The date it happened; nil for `never`.
    public var happened: CalendarDate?
    /// Where the observation comes from (required, non-empty).
    public var source: String
    /// Optional free text.
    public var note: String?
    /// Where the entry's key is written.
    public var location: SourceLocation

    /// Creates an observation.
    public init(outcome: String, happened: CalendarDate?, source: String, note: String? = nil, location: SourceLocation) {
        self.outcome = outcome
        self.happened = happened
        self.source = source
        self.note = note
        self.location = location
    }

    /// True for an event (a date), false for a non-event (`never`).
    public var isEvent: Bool { happened != nil }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as written (its precision kept), or `never`.
    public var observedText: String {
        guard let date = happened else { return "never" }
        switch date.precision {
        case .year: return pad(date.year, 4)
        case .month: return pad(date.year, 4) + "-" + pad(date.month, 2)
        case .day: return date.description
        }
    }
}
