import EntenteCore

extension RejoinedOutcome: OutcomeDecoding {
    public static let fieldNames = ["state", "bloc", "by"]

    public static let requiredFields = ["state", "bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> RejoinedOutcome? {
        StateBlocBound.decode(fields, context: &context).map { RejoinedOutcome(state: $0.state, bloc: $0.bloc, byStep: $0.byStep) }
    }
}
