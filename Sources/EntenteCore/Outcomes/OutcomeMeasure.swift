/// One type of outcome: what a run reports about itself in outcomes.csv.
///
/// A new outcome type is one file here conforming to this protocol, one file in
/// EntenteKit/Decoding/Outcomes/ reading it (``OutcomeDecoding``), and one line in ``OutcomeRegistry``.
/// `observe` is called once per step per declared outcome.
public protocol OutcomeMeasure: Sendable {
    /// The `type:` value in scenario files.
    static var typeName: String { get }

    /// The columns this outcome writes, given its declared name.
    func columns(name: String) -> [OutcomeColumn]
    /// Initial slot values (one per column).
    var initialValues: [Double] { get }
    /// Updates the slots after `step` has been simulated; `lastStep` is the calendar's final step.
    func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int)
    /// The (from, to) trust pair it reads, if it reads one (`run --record trust=pairs` records it).
    var trustPair: (from: Int, to: Int)? { get }
    /// The one step at which `observe` can change anything, or nil when it must see every step. The
    /// engine calls `observe` only at that step (the result is the same; the step loop is cheaper).
    func observationStep(lastStep: Int) -> Int?
    /// A "first reached a status" watch the engine checks inline every step instead of calling
    /// `observe`: flag in the first column, the step in the second (`left`, `frozen`).
    var statusWatch: StatusWatch? { get }
    /// The state, bloc and `by:` bound of a dated 0/1 status outcome (``DatedStatusOutcome``), which
    /// `observed:` can name and `validate` scores; nil for other outcomes.
    var datedStatus: StatusOutcome.Measure? { get }
}

extension OutcomeMeasure {
    public var trustPair: (from: Int, to: Int)? { nil }
    public func observationStep(lastStep: Int) -> Int? { nil }
    public var statusWatch: StatusWatch? { nil }
    public var datedStatus: StatusOutcome.Measure? { nil }
}

/// What a status outcome watches: state, bloc, the status, and the last step counted.
public struct StatusWatch: Sendable, Hashable {
    /// The state.
    public var state: Int
    /// The bloc.
    public var bloc: Int
    /// The status looked for.
    public var target: MembershipStatus
    /// Last step counted; nil for the calendar's end.
    public var byStep: Int?

    /// A watch.
    public init(state: Int, bloc: Int, target: MembershipStatus, byStep: Int?) {
        self.state = state
        self.bloc = bloc
        self.target = target
        self.byStep = byStep
    }
}

/// A column of outcomes.csv.
public struct OutcomeColumn: Sendable, Hashable {
    /// What the values are, for formatting and statistics.
    public enum Kind: Sendable, Hashable {
        /// 0 or 1; means are probabilities (Wilson intervals).
        case flag
        /// A real number.
        case number
        /// A step number, written as a date; empty when it never happened.
        case date
    }

    /// Column header.
    public var name: String
    /// Value kind.
    public var kind: Kind

    /// Creates the value from its fields.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
