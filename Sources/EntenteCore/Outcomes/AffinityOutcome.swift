/// `affinity {state, bloc, at?}`: A_state,bloc at a date (default: the last step).
public struct AffinityOutcome: OutcomeMeasure {
    public static let typeName = "affinity"

    /// The state.
    public var state: Int
    /// The bloc.
    public var bloc: Int
    /// Step read; nil for the last.
    public var atStep: Int?

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .number)] }
    public var initialValues: [Double] { [.nan] }
    public func observationStep(lastStep: Int) -> Int? { min(atStep ?? lastStep, lastStep) }

    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if step == min(atStep ?? lastStep, lastStep) { values[offset] = world.affinity(state, bloc) }
    }

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, atStep: Int?) {
        self.state = state
        self.bloc = bloc
        self.atStep = atStep
    }
}
