/// `members {bloc, at?}`: how many states belong to a bloc on paper (active or frozen) at a date.
public struct MembersOutcome: OutcomeMeasure {
    public static let typeName = "members"

    /// The bloc.
    public var bloc: Int
    /// Step read; nil for the last.
    public var atStep: Int?

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .number)] }
    public var initialValues: [Double] { [.nan] }
    public func observationStep(lastStep: Int) -> Int? { min(atStep ?? lastStep, lastStep) }

    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if step == min(atStep ?? lastStep, lastStep) { values[offset] = Double(world.memberCount(bloc)) }
    }

    /// Creates the value from its fields.
    public init(bloc: Int, atStep: Int?) {
        self.bloc = bloc
        self.atStep = atStep
    }
}
