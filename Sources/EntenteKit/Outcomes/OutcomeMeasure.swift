/// One type of outcome: what a run reports about itself in outcomes.csv.
///
/// A new outcome type is one file conforming to this protocol plus one line in
/// ``OutcomeRegistry``. `observe` is called once per step per declared outcome.
public protocol OutcomeMeasure: Sendable {
    /// The `type:` value in scenario files.
    static var typeName: String { get }
    /// Keys accepted besides `name` and `type`.
    static var fieldNames: [String] { get }
    /// Keys required.
    static var requiredFields: [String] { get }
    /// Reads the fields; records diagnostics and returns nil when they are wrong.
    static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Self?

    /// The columns this outcome writes, given its declared name.
    func columns(name: String) -> [OutcomeColumn]
    /// Initial slot values (one per column).
    var initialValues: [Double] { get }
    /// Updates the slots after `step` has been simulated; `lastStep` is the calendar's final step.
    func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int)
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
}
