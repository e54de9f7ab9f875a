/// One observation a calibration fits, and the distance of one simulated replicate from it
/// (docs/calibration.md#distance).
///
/// Every distance lies in [0, 1] except numeric ones, so observations of different kinds can be
/// averaged: 0 is "what happened", 1 is "as far as it gets".
public struct CalibrationTarget: Sendable, Hashable {
    /// What was observed.
    public enum Kind: Sendable, Hashable {
        /// A dated event observed in month `observedMonth` (`year·12 + month`), scored with a window of `window` months.
        case event(observedMonth: Int, window: Int)
        /// An exit, freeze, … that did not happen within the horizon.
        case nonEvent
        /// A number observed as `value`; the distance is |simulated − value| / `scale`.
        case number(value: Double, scale: Double)
    }

    /// The distance of a replicate in which a dated event happened outside its window (and the ceiling
    /// of one inside it): a mistimed event is half as far from history as no event at all.
    public static let mistimedDistance = 0.5

    /// Index of the scenario (in the calibration's `scenarios:` order).
    public var scenario: Int
    /// The outcome column read from each replicate: `NAME_date` for dated outcomes, the number's column otherwise.
    public var column: Int
    /// What was observed.
    public var kind: Kind
    /// Weight in the particle's distance (> 0).
    public var weight: Double
    /// `FILE:outcome`, for manifests and messages.
    public var label: String
    /// Month index (`year·12 + month`) of the first day of each step of the scenario's calendar.
    public var monthOfStep: [Int]

    /// A target.
    public init(scenario: Int, column: Int, kind: Kind, weight: Double, label: String, monthOfStep: [Int]) {
        self.scenario = scenario
        self.column = column
        self.kind = kind
        self.weight = weight
        self.label = label
        self.monthOfStep = monthOfStep
    }

    /// The distance of one replicate whose outcome column holds `value` (a step, or NaN when the event
    /// never happened within the horizon; the number itself for numeric targets). A failed replicate
    /// (`failed`) is as far as it gets: 1, or +∞ for a number.
    ///
    /// - event at month d, window W, simulated in month d′: (1/2)·min(1, |d′ − d|/W) — 0 on the date,
    ///   rising to 1/2 at the edge of the window and staying there beyond (W = 0: 0 on the month, 1/2
    ///   otherwise); no event: 1.
    /// - non-event: 1 when it happened, 0 when it did not.
    /// - number: |x − observed| / scale; an empty value counts as +∞.
    public func distance(_ value: Double, failed: Bool = false) -> Double {
        switch kind {
        case .event(let observedMonth, let window):
            guard !failed, !value.isNaN else { return 1 }
            let step = min(max(Int(value), 0), monthOfStep.count - 1)
            let error = Double(abs(monthOfStep[step] - observedMonth))
            let scaled = window > 0 ? min(1, error / Double(window)) : (error == 0 ? 0 : 1)
            return Self.mistimedDistance * scaled
        case .nonEvent:
            return failed || !value.isNaN ? 1 : 0
        case .number(let observed, let scale):
            guard !failed, !value.isNaN else { return .infinity }
            return abs(value - observed) / scale
        }
    }
}
