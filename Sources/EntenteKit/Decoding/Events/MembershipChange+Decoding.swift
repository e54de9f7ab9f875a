import EntenteCore

extension MembershipChange: EventDecoding {
    public static let fieldNames = ["state", "bloc", "action"]

    public static let requiredFields = ["state", "bloc", "action"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> MembershipChange? {
        let state = fields["state"].flatMap { context.state($0, field: "state") }
        let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
        var action: Action?
        if let node = fields["action"] {
            action = node.scalarText.flatMap(Action.init(rawValue:))
            if action == nil {
                context.error("'action' must be one of join, freeze, unfreeze, leave; found \(node.foundDescription)", at: node.location)
            }
        }
        if let state, context.isGroup(state), let node = fields["state"] {
            context.error("'state' names \(node.scalarText ?? ""), an armed group (kind: group); expected a state: groups never join, freeze or leave blocs", at: node.location)
            return nil
        }
        guard let state, let bloc, let action else { return nil }
        return MembershipChange(state: state, bloc: bloc, action: action)
    }
}
