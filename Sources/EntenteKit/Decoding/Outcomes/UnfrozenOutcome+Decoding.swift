import EntenteCore

extension UnfrozenOutcome: OutcomeDecoding {
    public static let fieldNames = ["state", "bloc", "by"]

    public static let requiredFields = ["state", "bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> UnfrozenOutcome? {
        StateBlocBound.decode(fields, context: &context).map { UnfrozenOutcome(state: $0.state, bloc: $0.bloc, byStep: $0.byStep) }
    }
}
