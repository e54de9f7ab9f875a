import EntenteCore

extension ScenarioDecoder {
    /// A bloc's `covers:`: `all`, `external`, or a list of state ids.
    func decodeScope(_ node: YAMLNode, context: inout DecodeContext) -> BlocScope? {
        if node.items != nil {
            guard let list = context.list(node, field: "covers", element: { context, item in context.state(item, field: "covers") }) else { return nil }
            if list.isEmpty {
                context.error("'covers' lists no state; expected all, external or a non-empty list of state ids", at: node.location)
                return nil
            }
            return .states(list)
        }
        switch node.isNull ? nil : node.scalarText {
        case "all": return .all
        case "external": return .external
        default:
            context.error("'covers' must be all, external or a list of state ids such as [AZE, TUR]; found \(node.foundDescription)", at: node.location)
            return nil
        }
    }
}
