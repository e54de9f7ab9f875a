/// `trust {from, to, at?}`: T_from,to at a date (default: the last step).
public struct TrustOutcome: OutcomeMeasure {
    public static let typeName = "trust"

    /// Whose trust.
    public var from: Int
    /// In whom.
    public var to: Int
    /// Step read; nil for the last.
    public var atStep: Int?

    public var trustPair: (from: Int, to: Int)? { (from, to) }

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .number)] }
    public var initialValues: [Double] { [.nan] }
    public func observationStep(lastStep: Int) -> Int? { min(atStep ?? lastStep, lastStep) }

    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if step == min(atStep ?? lastStep, lastStep) { values[offset] = world.trust(from, to) }
    }

    /// Creates the value from its fields.
    public init(from: Int, to: Int, atStep: Int?) {
        self.from = from
        self.to = to
        self.atStep = atStep
    }
}
