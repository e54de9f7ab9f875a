/// A YAML node with the position it came from, so every later check can say where.
///
/// Entente converts Yams' tree into this one once: it keeps positions on keys
/// as well as values, keeps mapping order, and lets `--set` overrides edit the
/// tree before the typed decoding runs.
public struct YAMLNode: Sendable {
    /// The shape of a node.
    public enum Kind: Sendable {
        /// A scalar as written; `quoted` is true for '...' and "..." scalars.
        case scalar(String, quoted: Bool)
        /// A sequence of nodes.
        case sequence([YAMLNode])
        /// A mapping in file order.
        case mapping([Entry])
    }

    /// One `key: value` pair of a mapping.
    public struct Entry: Sendable {
        /// The key, as text.
        public var key: String
        /// Where the key is written.
        public var keyLocation: SourceLocation
        /// The value.
        public var value: YAMLNode

        /// Creates the value from its fields.
        public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// The node's content.
    public var kind: Kind
    /// Where the node starts.
    public var location: SourceLocation
    /// The tag written on a scalar (`tag:yaml.org,2002:str` for `!!str 1`), nil when none was written.
    public var tag: String?

    /// Creates a node.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The scalar text, or nil for sequences and mappings.
    public var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// True for an unquoted empty, `~` or `null` scalar.
    public var isNull: Bool {
        if case .scalar(let text, let quoted) = kind, !quoted {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The mapping's entries, or nil.
    public var entries: [Entry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The sequence's items, or nil.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value under `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        entries?.first(where: { $0.key == key })?.value
    }

    /// How a message should name what was found here: `a list`, `a mapping`, `'text'`.
    public var foundDescription: String {
        switch kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let text, _):
            if isNull { return "nothing" }
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "'\(shown)'"
        }
    }
}
