import EntenteCore

extension Reveal: EventDecoding {
    public static let fieldNames = ["events"]

    public static let requiredFields = ["events"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Reveal? {
        guard let node = fields["events"] else { return nil }
        let indexes = context.list(node, field: "events") { context, item -> Int? in
            guard let id = context.identifier(item, field: "events") else { return nil }
            guard let index = context.eventIndex[id] else {
                context.error("'events' names unknown event '\(id)'; expected the id of a covert arms_transfer\(DidYouMean.hint(for: id, among: context.eventIndex.keys.sorted()))", at: item.location)
                return nil
            }
            if context.eventTypes[id] != ArmsTransfer.typeName {
                context.error("'events' names '\(id)', of type \(context.eventTypes[id] ?? "?"); expected a covert arms_transfer", at: item.location)
                return nil
            }
            return index
        }
        return indexes.map(Reveal.init(events:))
    }
}
