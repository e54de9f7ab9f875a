/// manifest.json of `entente compare`: a scenario run's fields and the variants compared.
public struct CompareManifest: ManifestFile, Sendable, Equatable {
    public var run: ScenarioRunManifest
    /// The variant names, in the order of effects.csv.
    public var variants: [String]

    public var header: ManifestHeader {
        get { run.header }
        set { run.header = newValue }
    }

    /// The manifest of a comparison of `variants`.
    public init(run: ScenarioRunManifest, variants: [String]) {
        self.run = run
        self.variants = variants
    }

    enum CodingKeys: String, CodingKey { case variants }

    public init(from decoder: any Decoder) throws {
        run = try ScenarioRunManifest(from: decoder)
        variants = try decoder.container(keyedBy: CodingKeys.self).decode([String].self, forKey: .variants)
    }

    public func encode(to encoder: any Encoder) throws {
        try run.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(variants, forKey: .variants)
    }
}
