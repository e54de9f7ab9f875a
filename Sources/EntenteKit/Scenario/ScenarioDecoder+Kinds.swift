import EntenteCore

extension ScenarioDecoder {
    /// Reads `kinds: {NAME: {delta: D}}`: diplomatic kinds this scenario declares, each with its size at
    /// intensity 1. A built-in kind's name is refused (its size is the parameter `delta_NAME`).
    func decodeKinds(_ node: YAMLNode, context: inout DecodeContext) {
        guard let entries = node.entries else {
            context.error("'kinds' must be a mapping such as {rebuke: {delta: -0.15}}; found \(node.foundDescription)", at: node.location)
            return
        }
        for entry in entries {
            let keyNode = YAMLNode(.scalar(entry.key, quoted: false), at: entry.keyLocation)
            guard let name = context.identifier(keyNode, field: "kinds") else { continue }
            if let builtIn = Diplomacy.Kind(rawValue: name) {
                context.error("kind '\(name)' is built in; expected a new name, or set its size with the parameter \(builtIn.sizeParameter.info.name)",
                              at: entry.keyLocation)
                continue
            }
            guard let fields = FieldReader(entry.value, what: "kind '\(name)'", allowed: ["delta", "note"], required: ["delta"], context: &context),
                  let delta = fields["delta"].flatMap({ context.number($0, field: "delta", range: -2...2) }) else { continue }
            context.declaredKinds[name] = delta
        }
    }
}
