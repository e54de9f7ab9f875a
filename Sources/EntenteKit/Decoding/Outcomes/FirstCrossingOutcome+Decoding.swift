import EntenteCore

extension FirstCrossingOutcome: OutcomeDecoding {
    public static let fieldNames = ["from", "to", "state", "bloc", "level", "direction", "by"]

    public static let requiredFields = ["level", "direction"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> FirstCrossingOutcome? {
        let quantity = decodeQuantity(fields, context: &context)
        let isTrust: Bool = { if case .trust = quantity { return true } else { return false } }()
        let level = fields["level"].flatMap { context.number($0, field: "level", range: isTrust ? -1...1 : 0...1) }
        var upward: Bool?
        if let node = fields["direction"] {
            switch node.scalarText {
            case "up" where !node.isNull: upward = true
            case "down" where !node.isNull: upward = false
            default: context.error("'direction' must be up or down; found \(node.foundDescription)", at: node.location)
            }
        }
        var by: Int?? = .some(nil)
        if let node = fields["by"] { by = context.boundStep(node, field: "by", inclusive: true).map { .some($0) } ?? nil }
        guard let quantity, let level, let upward, let by else { return nil }
        return FirstCrossingOutcome(quantity: quantity, level: level, upward: upward, byStep: by)
    }

    /// `from` and `to` (trust) or `state` and `bloc` (affinity), one pair and not both.
    private static func decodeQuantity(_ fields: FieldReader, context: inout DecodeContext) -> Quantity? {
        let trust = fields.has("from") || fields.has("to")
        let affinity = fields.has("state") || fields.has("bloc")
        if trust == affinity {
            context.error("\(fields.what) must name either a trust (from and to) or an affinity (state and bloc); found \(trust ? "both" : "neither")",
                          at: fields.node.location)
            return nil
        }
        if trust {
            let from = fields["from"].flatMap { context.state($0, field: "from") }
            let to = fields["to"].flatMap { context.state($0, field: "to") }
            if fields["from"] == nil || fields["to"] == nil {
                context.error("\(fields.what) is missing the key '\(fields.has("from") ? "to" : "from")'; a trust needs both from and to", at: fields.node.location)
                return nil
            }
            guard let from, let to else { return nil }
            if from == to, let node = fields["to"] {
                context.error("'from' and 'to' name the same state; a state's trust in itself is not modelled", at: node.location)
                return nil
            }
            return .trust(from: from, to: to)
        }
        let state = fields["state"].flatMap { context.state($0, field: "state") }
        let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
        if fields["state"] == nil || fields["bloc"] == nil {
            context.error("\(fields.what) is missing the key '\(fields.has("state") ? "bloc" : "state")'; an affinity needs both state and bloc", at: fields.node.location)
            return nil
        }
        guard let state, let bloc else { return nil }
        return .affinity(state: state, bloc: bloc)
    }
}
