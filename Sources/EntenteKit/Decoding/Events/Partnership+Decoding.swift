import EntenteCore

extension Partnership: EventDecoding {
    public static let fieldNames = ["from", "to", "bloc", "intensity"]

    public static let requiredFields = ["from", "to", "intensity"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Partnership? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let to = fields["to"].flatMap { context.state($0, field: "to") }
        let intensity = fields["intensity"].flatMap { context.number($0, field: "intensity", range: 0...10) }
        var bloc: Int?? = .some(nil)
        if let node = fields["bloc"] { bloc = context.bloc(node, field: "bloc").map { .some($0) } ?? nil }
        if let from, let to, from == to, let node = fields["to"] {
            context.error("'from' and 'to' name the same state; expected two states", at: node.location)
        }
        guard let from, let to, let intensity, let bloc else { return nil }
        return Partnership(from: from, to: to, bloc: bloc, intensity: intensity)
    }
}
