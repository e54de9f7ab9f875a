import EntenteCore

extension ArmsTransfer: EventDecoding {
    public static let fieldNames = ["from", "to", "value", "covert", "revealed"]

    public static let requiredFields = ["from", "to", "value"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> ArmsTransfer? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let to = fields["to"].flatMap { context.state($0, field: "to") }
        let value = fields["value"].flatMap { context.number($0, field: "value", range: 0...1e12) }
        let covert = fields["covert"].map { context.boolean($0, field: "covert") } ?? false
        var revealed: Int?? = .some(nil)
        if let node = fields["revealed"] {
            revealed = context.step(node, field: "revealed").map { .some($0) } ?? nil
            if covert == false, let node = fields["revealed"] {
                context.error("'revealed' is only meaningful with covert: true; found covert: false", at: node.location)
            }
        }
        if let from, let to, from == to, let node = fields["to"] {
            context.error("'from' and 'to' name the same state; expected a transfer between two states", at: node.location)
        }
        guard let from, let to, let value, let covert, let revealed else { return nil }
        return ArmsTransfer(from: from, to: to, value: value, covert: covert, revealedStep: revealed, recipientScale: context.salienceScales[to])
    }
}
