import EntenteCore

extension StatusAtOutcome: OutcomeDecoding {
    public static let fieldNames = ["state", "bloc", "at"]

    public static let requiredFields = ["state", "bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> StatusAtOutcome? {
        StateBlocBound.decodeAt(fields, context: &context).map { StatusAtOutcome(state: $0.state, bloc: $0.bloc, atStep: $0.byStep) }
    }
}
