import EntenteCore

extension TrustOutcome: OutcomeDecoding {
    public static let fieldNames = ["from", "to", "at"]

    public static let requiredFields = ["from", "to"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> TrustOutcome? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let to = fields["to"].flatMap { context.state($0, field: "to") }
        if let from, let to, from == to, let node = fields["to"] {
            context.error("'from' and 'to' name the same state; a state's trust in itself is not modelled", at: node.location)
            return nil
        }
        guard let from, let to, let at = decodeAtStep(fields, context: &context) else { return nil }
        return TrustOutcome(from: from, to: to, atStep: at)
    }
}
