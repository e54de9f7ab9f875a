/// Edits a scenario's YAML tree before decoding: `--set PATH=VALUE` overrides and variants.
///
/// Paths: a parameter name (`betrayal`) or `parameters.NAME`; `seed`; `replicates`; `model`;
/// `calendar.start|end|step`; `kinds.NAME.delta` (a kind declared under `kinds:`); `states.ID.FIELD`, `blocs.ID.FIELD`, `events.ID.FIELD`.
/// The typed decoder validates the values afterwards, so an override is checked exactly
/// like a value written in the file.
public struct ScenarioEditor {
    /// The tree being edited.
    public internal(set) var root: YAMLNode
    /// Locations of the values set, so the decoder can tell overrides apart.
    public private(set) var overrideLocations: Set<SourceLocation> = []

    /// Starts from a parsed file.
    public init(root: YAMLNode) { self.root = root }

    /// Why a path cannot be set.
    public struct PathError: Error, Sendable { public let message: String }

    /// Sets `path` to `value`; throws ``PathError`` for a path that names nothing.
    public mutating func set(path: String, value: YAMLNode) throws {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard root.entries != nil else { throw PathError(message: "the scenario is not a mapping") }
        overrideLocations.insert(value.location)
        switch parts.count {
        case 1 where ["seed", "replicates", "name", "model"].contains(parts[0]):
            root = Self.setting(root, key: parts[0], to: value)
        case 1:
            try setParameter(parts[0], value: value)
        case 2 where parts[0] == "parameters":
            try setParameter(parts[1], value: value)
        case 2 where parts[0] == "calendar":
            guard ["start", "end", "step"].contains(parts[1]) else {
                throw PathError(message: "unknown calendar field '\(parts[1])'; expected start, end or step")
            }
            let calendar = root["calendar"] ?? YAMLNode(.mapping([]), at: value.location)
            root = Self.setting(root, key: "calendar", to: Self.setting(calendar, key: parts[1], to: value))
        case _ where parts[0] == "observed":
            throw PathError(message: "'observed' records what really happened and cannot be changed by --set or a variant; edit the file instead")
        case 3 where parts[0] == "kinds":
            try setKindField(kind: parts[1], field: parts[2], value: value)
        case 3 where ["states", "blocs", "events"].contains(parts[0]):
            try setItemField(list: parts[0], id: parts[1], field: parts[2], value: value)
        default:
            let hint = DidYouMean.hint(for: path, among: Parameter.names)
            throw PathError(message: "unknown name or path '\(path)'\(hint); expected a parameter name (see docs/model.md), seed, replicates, calendar.FIELD, kinds.NAME.delta, or states|blocs|events.ID.FIELD")
        }
    }

    /// The one spelling of a path: a bare parameter name is `parameters.NAME`.
    public static func canonicalPath(_ path: String) -> String {
        !path.contains(".") && Parameter.named(path) != nil ? "parameters." + path : path
    }

    /// Removes events by id or tag (and their ids from reveals, dropping reveals left empty, and the lifts of removed measures).
    public mutating func removeEvents(ids: Set<String>, tags: Set<String>) {
        guard let events = root["events"]?.items else { return }
        var removed = Set<String>()
        var kept: [YAMLNode] = []
        for event in events {
            let id = event["id"]?.scalarText
            let eventTags = event["tags"]?.items?.compactMap(\.scalarText) ?? []
            if let id, ids.contains(id) { removed.insert(id); continue }
            if !tags.isDisjoint(with: eventTags) {
                if let id { removed.insert(id) }
                continue
            }
            kept.append(event)
        }
        kept = kept.filter { event in  // a lift of a removed measure goes with it
            event["type"]?.scalarText != Lift.typeName || !removed.contains(event["event"]?.scalarText ?? "")
        }
        kept = kept.compactMap { event in
            guard event["type"]?.scalarText == Reveal.typeName, let list = event["events"], let items = list.items else { return event }
            let remaining = items.filter { !removed.contains($0.scalarText ?? "") }
            if remaining.isEmpty { return nil }
            return Self.setting(event, key: "events", to: YAMLNode(.sequence(remaining), at: list.location))
        }
        root = Self.setting(root, key: "events", to: YAMLNode(.sequence(kept), at: root["events"]!.location))
    }

    /// Drops the `variants:` list (an edited instance has none: its removals might not resolve).
    public mutating func dropVariants() {
        if var entries = root.entries {
            entries.removeAll { $0.key == "variants" }
            root = YAMLNode(.mapping(entries), at: root.location)
        }
    }

    /// Applies a declared variant: removals first, then its settings.
    public mutating func apply(_ variant: VariantSpec) throws {
        // The variant list belongs to the base file; a variant's instance has none (its removals would not resolve).
        if var entries = root.entries {
            entries.removeAll { $0.key == "variants" }
            root = YAMLNode(.mapping(entries), at: root.location)
        }
        removeEvents(ids: Set(variant.removeIDs), tags: Set(variant.removeTags))
        for (path, value) in variant.settings {
            do { try set(path: path, value: value) } catch let error as PathError {
                throw EntenteError.data([Diagnostic("variant '\(variant.name)': \(error.message)", at: value.location)])
            }
        }
    }

    private mutating func setParameter(_ name: String, value: YAMLNode) throws {
        guard Parameter.named(name) != nil else {
            throw PathError(message: "unknown parameter '\(name)'\(DidYouMean.hint(for: name, among: Parameter.names)); see docs/model.md for the list")
        }
        let parameters = root["parameters"] ?? YAMLNode(.mapping([]), at: value.location)
        root = Self.setting(root, key: "parameters", to: Self.setting(parameters, key: name, to: value))
    }

    private mutating func setItemField(list: String, id: String, field: String, value: YAMLNode) throws {
        guard let listNode = root[list], var items = listNode.items else {
            throw PathError(message: "the scenario has no '\(list)' list to set '\(list).\(id).\(field)' in")
        }
        guard let index = items.firstIndex(where: { $0["id"]?.scalarText == id }) else {
            let ids = items.compactMap { $0["id"]?.scalarText }
            throw PathError(message: "no item with id '\(id)' under '\(list)'\(DidYouMean.hint(for: id, among: ids))")
        }
        guard field != "id" else { throw PathError(message: "ids cannot be changed by a setting") }
        items[index] = Self.setting(items[index], key: field, to: value)
        root = Self.setting(root, key: list, to: YAMLNode(.sequence(items), at: listNode.location))
    }

    static func setting(_ node: YAMLNode, key: String, to value: YAMLNode) -> YAMLNode {
        var entries = node.entries ?? []
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append(.init(key: key, keyLocation: value.location, value: value))
        }
        return YAMLNode(.mapping(entries), at: node.location)
    }
}
