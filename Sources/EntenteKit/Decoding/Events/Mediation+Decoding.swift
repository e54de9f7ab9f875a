import EntenteCore

extension Mediation: EventDecoding {
    public static let fieldNames = ["by", "between", "intensity"]

    public static let requiredFields = ["by", "between"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Mediation? {
        let by = fields["by"].flatMap { context.state($0, field: "by") }
        let intensity = fields["intensity"].map { context.number($0, field: "intensity", range: 0...10) } ?? 1
        var parties: [Int]?
        if let node = fields["between"] {
            parties = context.list(node, field: "between") { context, item in context.state(item, field: "between") }
            if let list = parties {
                if list.count != 2 || list[0] == list[1] {
                    context.error("'between' must name two different states such as [ARM, AZE]; found \(node.foundDescription)", at: node.location)
                    parties = nil
                } else if let by, list.contains(by) {
                    context.error("'between' names the mediator \(context.stateIndex.first { $0.value == by }?.key ?? ""); expected two states other than 'by'", at: node.location)
                    parties = nil
                }
            }
        }
        guard let by, let parties, let intensity else { return nil }
        return Mediation(by: by, first: parties[0], second: parties[1], intensity: intensity)
    }
}
