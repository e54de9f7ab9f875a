/// The scores of one case (one scenario file): every observed outcome, and the case's verdict.
public struct CaseScore: Sendable, Hashable {
    /// The scenario file as named.
    public var file: String
    /// The scenario's `name:`.
    public var name: String
    /// The seed its replicates ran with.
    public var seed: UInt64
    /// One score per observed outcome, in the file's `observed:` order.
    public var outcomes: [OutcomeScore]

    /// Creates a case score.
    public init(file: String, name: String, seed: UInt64, outcomes: [OutcomeScore]) {
        self.file = file
        self.name = name
        self.seed = seed
        self.outcomes = outcomes
    }

    /// Right when every observed outcome is right.
    public var right: Bool { outcomes.allSatisfy(\.right) }
    /// Observed outcomes that are right.
    public var outcomesRight: Int { outcomes.filter(\.right).count }
    /// Mean Brier score over its outcomes.
    public var brier: Double { CaseScore.mean(outcomes.map(\.brier)) }
    /// Mean log score over its outcomes.
    public var logScore: Double { CaseScore.mean(outcomes.map(\.logScore)) }

    /// Arithmetic mean; NaN for no values.
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
