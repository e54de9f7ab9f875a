/// `time_frozen {state, bloc, by?}`: the number of steps, up to a date (default: the end), at whose
/// end the state is frozen in the bloc. Multiply by the calendar's step length for months.
public struct TimeFrozenOutcome: OutcomeMeasure {
    public static let typeName = "time_frozen"
    /// The state.
    public var state: Int
    /// The bloc.
    public var bloc: Int
    /// Last step counted; nil for the calendar's end.
    public var byStep: Int?

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .number)] }
    public var initialValues: [Double] { [0] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if step <= (byStep ?? Int.max) && world.status(state, bloc) == .frozen { values[offset] += 1 }
    }

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, byStep: Int?) {
        self.state = state
        self.bloc = bloc
        self.byStep = byStep
    }
}
