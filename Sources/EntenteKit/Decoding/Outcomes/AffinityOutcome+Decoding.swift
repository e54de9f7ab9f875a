import EntenteCore

extension AffinityOutcome: OutcomeDecoding {
    public static let fieldNames = ["state", "bloc", "at"]

    public static let requiredFields = ["state", "bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> AffinityOutcome? {
        let state = fields["state"].flatMap { context.state($0, field: "state") }
        let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
        guard let state, let bloc, let at = decodeAtStep(fields, context: &context) else { return nil }
        return AffinityOutcome(state: state, bloc: bloc, atStep: at)
    }
}
