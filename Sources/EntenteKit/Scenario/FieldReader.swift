/// Reads the fields of one YAML mapping, checking for unknown and missing keys.
public struct FieldReader: Sendable {
    /// The mapping being read.
    public let node: YAMLNode
    /// How messages name this mapping, e.g. "event 'polonez'".
    public let what: String

    /// Opens `node` as a mapping whose keys must be among `allowed` and include `required`.
    /// Records diagnostics and returns nil when `node` is not a mapping.
    public init?(_ node: YAMLNode, what: String, allowed: [String], required: [String] = [], context: inout DecodeContext) {
        guard let entries = node.entries else {
            context.error("\(what) must be a mapping of key: value; found \(node.foundDescription)", at: node.location)
            return nil
        }
        self.node = node
        self.what = what
        var seen = Set<String>()
        for entry in entries {
            if !seen.insert(entry.key).inserted {
                context.error("\(what) has the key '\(entry.key)' twice; expected each key once", at: entry.keyLocation)
            }
            if !allowed.contains(entry.key) {
                context.error("unknown key '\(entry.key)' in \(what)\(DidYouMean.hint(for: entry.key, among: allowed)); expected one of: \(allowed.joined(separator: ", "))",
                              at: entry.keyLocation)
            }
        }
        for key in required where !seen.contains(key) {
            context.error("\(what) is missing the required key '\(key)'", at: node.location)
        }
    }

    /// The value under `key`, if present (a written `~` is returned too, so typed readers can reject it).
    public subscript(key: String) -> YAMLNode? { node[key] }

    /// True when `key` is present with a value.
    public func has(_ key: String) -> Bool { self[key] != nil }
}
