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
}

extension OutcomeMeasure {
    public var trustPair: (from: Int, to: Int)? { nil }
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
