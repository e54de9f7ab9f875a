/// `status {state, bloc, at?}`: the state's status in the bloc at the end of a step (default: the
/// last), as a code: 0 outside, 1 member, 2 frozen, 3 left (``MembershipStatus``'s raw values).
public struct StatusAtOutcome: OutcomeMeasure {
    public static let typeName = "status"
    /// The state.
    public var state: Int
    /// The bloc.
    public var bloc: Int
    /// Step read; nil for the last.
    public var atStep: Int?

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .number)] }
    public var initialValues: [Double] { [.nan] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if step == min(atStep ?? lastStep, lastStep) { values[offset] = Double(world.status(state, bloc).rawValue) }
    }

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, atStep: Int?) {
        self.state = state
        self.bloc = bloc
        self.atStep = atStep
    }
}
