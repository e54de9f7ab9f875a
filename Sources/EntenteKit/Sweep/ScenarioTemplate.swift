/// A parsed scenario that can be instantiated at any parameter point without re-reading the file.
public struct ScenarioTemplate: Sendable {
    /// The scenario file.
    public let file: String
    /// The parsed tree (with a sweep's outcome list swapped in, when it gives one).
    public let root: YAMLNode
    /// Variant applied to every instance.
    public let variant: String?
    /// `--model N`: the rule set of every instance, overriding the file's `model:` (nil: the file's).
    public var model: Int?

    /// A template from a parsed tree.
    public init(file: String, root: YAMLNode, variant: String?) {
        self.file = file
        self.root = root
        self.variant = variant
    }

    /// The same template with `variant` applied to every instance instead (`--model` kept): a paired
    /// sweep's arm.
    public func with(variant: String?) -> ScenarioTemplate {
        var copy = ScenarioTemplate(file: file, root: root, variant: variant)
        copy.model = model
        return copy
    }

    /// The scenario with each path set to its value (values written in shortest round-trip form,
    /// so the decoded number is exactly the Double given).
    public func instantiate(_ settings: [(path: String, value: Double)]) throws -> Scenario {
        try ScenarioLoader().load(root: root, file: file, variant: variant,
                                  settings: settings.map { "\($0.path)=\(NumberText.plain($0.value))" } + (model.map { ["model=\($0)"] } ?? []))
    }

}
