/// Edits a scenario's YAML tree before decoding: `--set PATH=VALUE` overrides and variants.
///
/// Paths (``ScenarioPath``): a parameter name (`betrayal`) or `parameters.NAME`; `seed`; `replicates`; `model`;
/// `calendar.start|end|step`; `kinds.NAME.delta` (a kind declared under `kinds:`); `states.ID.FIELD`, `blocs.ID.FIELD`, `events.ID.FIELD`.
/// The typed decoder validates the values afterwards, so an override is checked exactly
/// like a value written in the file.
public struct ScenarioEditor: Sendable {
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
        guard root.entries != nil else { throw PathError(message: "the scenario is not a mapping") }
        overrideLocations.insert(value.location)
        try set(ScenarioPath(path), value: value)
    }

    /// Sets a parsed path to `value`; throws ``PathError`` when the scenario has nothing there (an
    /// undeclared kind, no item with that id).
    public mutating func set(_ path: ScenarioPath, value: YAMLNode) throws {
        guard root.entries != nil else { throw PathError(message: "the scenario is not a mapping") }
        overrideLocations.insert(value.location)
        switch path {
        case .setting(let key):
            root = Self.setting(root, key: key, to: value)
        case .parameter(let parameter):
            let parameters = root["parameters"] ?? YAMLNode(.mapping([]), at: value.location)
            root = Self.setting(root, key: "parameters", to: Self.setting(parameters, key: parameter.info.name, to: value))
        case .calendar(let field):
            let calendar = root["calendar"] ?? YAMLNode(.mapping([]), at: value.location)
            root = Self.setting(root, key: "calendar", to: Self.setting(calendar, key: field, to: value))
        case .kindDelta(let kind):
            try setKindDelta(kind: kind, value: value)
        case .item(let list, let id, let field):
            try setItemField(list: list, id: id, field: field, value: value)
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
