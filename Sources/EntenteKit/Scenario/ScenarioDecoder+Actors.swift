import EntenteCore

extension ScenarioDecoder {
    /// A state's `kind:` (state or group) and, for a group, its required `salience_scale:`. Returns the
    /// scale for a group (1 when it is missing or wrong: the problem is recorded and the file refused, but
    /// later checks still know the state is a group), nil for a state or an unreadable kind.
    func decodeActorKind(_ fields: FieldReader, context: inout DecodeContext) -> Double? {
        guard fields["kind"]?.scalarText == ActorKind.group.rawValue else { return readActorKind(fields, context: &context) }
        return readActorKind(fields, context: &context) ?? 1
    }

    private func readActorKind(_ fields: FieldReader, context: inout DecodeContext) -> Double? {
        var kind = ActorKind.state
        if let node = fields["kind"] {
            guard let value = node.isNull ? nil : node.scalarText.flatMap(ActorKind.init(rawValue:)) else {
                context.error("'kind' must be state or group; found \(node.foundDescription)", at: node.location)
                return nil
            }
            kind = value
        }
        let scaleNode = fields["salience_scale"]
        switch (kind, scaleNode) {
        case (.state, let node?):
            context.error("'salience_scale' is only for kind: group (a state's arms are measured against its own capability); remove it or add kind: group",
                          at: node.location)
            return nil
        case (.state, nil):
            return nil
        case (.group, nil):
            context.error("a group (kind: group) needs 'salience_scale': the capability arms it receives are measured against (for example its adversary's or its patron's); found none",
                          at: fields.node.location)
            return nil
        case (.group, let node?):
            guard let scale = context.number(node, field: "salience_scale", range: 0...1e12) else { return nil }
            guard scale > 0 else {
                context.error("'salience_scale' must be greater than 0; found 0", at: node.location)
                return nil
            }
            return scale
        }
    }

    /// A group listed as a bloc member: groups never join blocs.
    func groupMemberProblems(_ entries: [MemberEntry], context: inout DecodeContext) {
        for entry in entries where context.isGroup(entry.state) {
            let id = context.stateIndex.first { $0.value == entry.state }?.key ?? ""
            context.error("'members' lists \(id), an armed group (kind: group); expected states only: groups never join blocs",
                          at: entry.location)
        }
    }
}
