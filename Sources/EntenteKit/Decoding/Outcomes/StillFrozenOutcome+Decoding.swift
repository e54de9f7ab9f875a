import EntenteCore

extension StillFrozenOutcome: OutcomeDecoding {
    public static let fieldNames = ["state", "bloc", "at"]

    public static let requiredFields = ["state", "bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> StillFrozenOutcome? {
        StateBlocBound.decodeAt(fields, context: &context).map { StillFrozenOutcome(state: $0.state, bloc: $0.bloc, atStep: $0.byStep) }
    }
}
