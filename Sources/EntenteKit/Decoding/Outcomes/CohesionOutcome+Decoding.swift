import EntenteCore

extension CohesionOutcome: OutcomeDecoding {
    public static let fieldNames = ["bloc", "at"]

    public static let requiredFields = ["bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> CohesionOutcome? {
        let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
        guard let bloc, let at = decodeAtStep(fields, context: &context) else { return nil }
        return CohesionOutcome(bloc: bloc, atStep: at)
    }
}
