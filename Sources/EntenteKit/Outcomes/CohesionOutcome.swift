/// `cohesion {bloc, at?}`: mean trust among a bloc's active members at a date.
public struct CohesionOutcome: OutcomeMeasure {
    public static let typeName = "cohesion"
    public static let fieldNames = ["bloc", "at"]
    public static let requiredFields = ["bloc"]

    /// The bloc.
    public var bloc: Int
    /// Step read; nil for the last.
    public var atStep: Int?

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> CohesionOutcome? {
        let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
        guard let bloc, let at = decodeAtStep(fields, context: &context) else { return nil }
        return CohesionOutcome(bloc: bloc, atStep: at)
    }

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .number)] }
    public var initialValues: [Double] { [.nan] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if step == min(atStep ?? lastStep, lastStep) { values[offset] = world.cohesion(bloc) }
    }
}
