/// How well a model's replicates match one observed outcome (docs/validation.md gives every formula).
public struct OutcomeScore: Sendable, Hashable {
    /// The observation scored.
    public var observed: ObservedOutcome
    /// The outcome's type (`left` or `frozen`).
    public var type: String
    /// The state's id.
    public var state: String
    /// The bloc's id.
    public var bloc: String
    /// The window W in months.
    public var window: Int
    /// Replicates scored.
    public var replicates: Int
    /// Events: share of replicates whose first occurrence lies within ±W months of the observed date; NaN for non-events.
    public var pWindow: Double
    /// Share of replicates where the outcome happened at all within the calendar (or its `by:`).
    public var pAny: Double
    /// Events: median, 10th and 90th percentile of (simulated − observed) months among replicates where it happened; NaN otherwise.
    public var dateErrorMedian: Double
    /// 10th percentile of the date error.
    public var dateErrorP10: Double
    /// 90th percentile of the date error.
    public var dateErrorP90: Double
    /// Brier score: (1 − P)² for an event, P² for a non-event.
    public var brier: Double
    /// Log score: −ln(max(p_obs, 1/(2·replicates))), p_obs = P for an event, 1 − P for a non-event.
    public var logScore: Double
    /// Events: P ≥ 0.5; non-events: P ≤ 0.1.
    public var right: Bool

    /// The probability the verdict is taken on: `pWindow` for an event, `pAny` for a non-event.
    public var p: Double { observed.isEvent ? pWindow : pAny }

    /// `right` or `wrong`.
    public var verdict: String { right ? "right" : "wrong" }
}
