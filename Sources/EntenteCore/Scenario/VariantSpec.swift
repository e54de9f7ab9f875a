/// A named counterfactual edit of a scenario: events removed, fields and parameters set.
public struct VariantSpec: Sendable {
    /// Name used by `--variant` and in compare outputs.
    public var name: String
    /// Event ids to remove.
    public var removeIDs: [String]
    /// Event tags to remove.
    public var removeTags: [String]
    /// Path = value edits, as `--set` takes them.
    public var settings: [(path: String, value: YAMLNode)]
    /// Where it is declared.
    public var location: SourceLocation

    /// Creates the value from its fields.
    public init(name: String, removeIDs: [String], removeTags: [String], settings: [(path: String, value: YAMLNode)], location: SourceLocation) {
        self.name = name
        self.removeIDs = removeIDs
        self.removeTags = removeTags
        self.settings = settings
        self.location = location
    }
}
