import EntenteCore

extension Diplomacy: EventDecoding {
    public static let fieldNames = ["from", "to", "kind", "intensity", "delta"]

    public static let requiredFields = ["from", "to", "kind"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Diplomacy? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let to = fields["to"].flatMap { context.state($0, field: "to") }
        var kind: Kind?
        if let node = fields["kind"] {
            kind = node.scalarText.flatMap(Kind.init(rawValue:))
            if kind == nil {
                let names = Kind.allCases.map(\.rawValue)
                context.error("'kind' must be one of \(names.joined(separator: ", ")); found \(node.foundDescription)\(DidYouMean.hint(for: node.scalarText ?? "", among: names))", at: node.location)
            }
        }
        let intensity = fields["intensity"].map { context.number($0, field: "intensity", range: 0...10) } ?? 1
        var delta: Double?? = .some(nil)
        if let node = fields["delta"] { delta = context.number(node, field: "delta", range: -2...2).map { .some($0) } ?? nil }
        if let from, let to, from == to, let node = fields["to"] {
            context.error("'from' and 'to' name the same state; expected two states", at: node.location)
        }
        guard let from, let to, let kind, let intensity, let delta else { return nil }
        return Diplomacy(from: from, to: to, kind: kind, intensity: intensity, delta: delta)
    }
}
