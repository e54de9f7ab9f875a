import EntenteCore

extension MembersOutcome: OutcomeDecoding {
    public static let fieldNames = ["bloc", "at"]

    public static let requiredFields = ["bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> MembersOutcome? {
        let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
        guard let bloc, let at = decodeAtStep(fields, context: &context) else { return nil }
        return MembersOutcome(bloc: bloc, atStep: at)
    }
}
