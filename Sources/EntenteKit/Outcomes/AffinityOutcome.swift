/// `affinity {state, bloc, at?}`: A_state,bloc at a date (default: the last step).
public struct AffinityOutcome: OutcomeMeasure {
    public static let typeName = "affinity"
    public static let fieldNames = ["state", "bloc", "at"]
    public static let requiredFields = ["state", "bloc"]

    /// The state.
    public var state: Int
    /// The bloc.
    public var bloc: Int
    /// Step read; nil for the last.
    public var atStep: Int?

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> AffinityOutcome? {
        let state = fields["state"].flatMap { context.state($0, field: "state") }
        let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
        guard let state, let bloc, let at = decodeAtStep(fields, context: &context) else { return nil }
        return AffinityOutcome(state: state, bloc: bloc, atStep: at)
    }

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .number)] }
    public var initialValues: [Double] { [.nan] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if step == min(atStep ?? lastStep, lastStep) { values[offset] = world.affinity(state, bloc) }
    }
}
