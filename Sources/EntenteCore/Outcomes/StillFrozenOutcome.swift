/// `still_frozen {state, bloc, at?}`: 1 if the state is frozen in the bloc at the end of a step
/// (default: the last step), else 0.
public struct StillFrozenOutcome: OutcomeMeasure {
    public static let typeName = "still_frozen"
    /// The state.
    public var state: Int
    /// The bloc.
    public var bloc: Int
    /// Step read; nil for the last.
    public var atStep: Int?

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .flag)] }
    public var initialValues: [Double] { [0] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if step == min(atStep ?? lastStep, lastStep) { values[offset] = world.status(state, bloc) == .frozen ? 1 : 0 }
    }

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, atStep: Int?) {
        self.state = state
        self.bloc = bloc
        self.atStep = atStep
    }
}
