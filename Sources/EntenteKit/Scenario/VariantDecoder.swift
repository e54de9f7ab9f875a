/// Reads `variants:`: `{name, remove: {id|ids|tag|tags}, set: {path: value}, parameters: {name: value}}`.
enum VariantDecoder {
    static func decode(_ node: YAMLNode, context: inout DecodeContext) -> [VariantSpec] {
        guard let items = node.items else {
            context.error("'variants' must be a list of {name, remove, set}; found \(node.foundDescription)", at: node.location)
            return []
        }
        var variants: [VariantSpec] = []
        var names = Set<String>()
        for item in items {
            guard let fields = FieldReader(item, what: "a variant", allowed: ["name", "remove", "set", "parameters", "note"],
                                           required: ["name"], context: &context) else { continue }
            guard let name = fields["name"].flatMap({ context.identifier($0, field: "name") }) else { continue }
            if !names.insert(name).inserted || name == "baseline" {
                context.error("variant name '\(name)' is used twice or reserved; expected a unique name other than 'baseline'", at: fields["name"]?.location ?? item.location)
            }
            var ids: [String] = []
            var tags: [String] = []
            if let remove = fields["remove"],
               let removeFields = FieldReader(remove, what: "'remove' of variant '\(name)'", allowed: ["id", "ids", "tag", "tags"], context: &context) {
                for key in ["id", "ids"] {
                    guard let node = removeFields[key] else { continue }
                    let values = node.items == nil ? [node] : node.items!
                    for value in values {
                        guard let id = context.identifier(value, field: key) else { continue }
                        if context.eventIndex[id] == nil {
                            context.error("variant '\(name)' removes unknown event '\(id)'\(DidYouMean.hint(for: id, among: context.eventIndex.keys.sorted()))", at: value.location)
                        }
                        ids.append(id)
                    }
                }
                for key in ["tag", "tags"] {
                    guard let node = removeFields[key] else { continue }
                    let values = node.items == nil ? [node] : node.items!
                    for value in values {
                        guard let tag = context.identifier(value, field: key) else { continue }
                        if !context.eventTags.contains(tag) {
                            context.error("variant '\(name)' removes the tag '\(tag)', which no event carries; expected a tag listed under an event's `tags`\(DidYouMean.hint(for: tag, among: context.eventTags.sorted()))", at: value.location)
                        }
                        tags.append(tag)
                    }
                }
            }
            var settings: [(path: String, value: YAMLNode)] = []
            if let set = fields["set"] {
                if let entries = set.entries {
                    settings += entries.map { ($0.key, $0.value) }
                } else {
                    context.error("'set' of variant '\(name)' must be a mapping of path: value; found \(set.foundDescription)", at: set.location)
                }
            }
            if let parameters = fields["parameters"] {
                if let entries = parameters.entries {
                    settings += entries.map { ("parameters." + $0.key, $0.value) }
                } else {
                    context.error("'parameters' of variant '\(name)' must be a mapping; found \(parameters.foundDescription)", at: parameters.location)
                }
            }
            variants.append(VariantSpec(name: name, removeIDs: ids, removeTags: tags, settings: settings, location: item.location))
        }
        return variants
    }
}
