/// Bounds on input size that turn resource exhaustion into a clear message.
public struct YAMLLimits: Sendable {
    /// Largest input file accepted, in bytes.
    public var maxBytes: Int = 16 * 1024 * 1024
    /// Deepest nesting of lists and mappings accepted.
    public var maxDepth: Int = 64
    /// Most nodes after aliases are expanded (guards against "billion laughs").
    public var maxNodes: Int = 2_000_000

    /// The defaults documented in docs/scenario-format.md.
    public static let standard = YAMLLimits()
}
