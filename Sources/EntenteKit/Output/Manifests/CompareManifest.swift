/// manifest.json of `entente compare`: a scenario run's fields and the variants compared.
public struct CompareManifest: ManifestFile, Sendable, Equatable {
    public var run: ScenarioRunManifest
    /// The variant names, in the order of effects.csv.
    public var variants: [String]
    /// `--posterior`: where the parameter draws came from (written only then).
    public var posterior: PosteriorEntry?
    /// `--record`: the series each arm wrote (written only then).
    public var record: RunManifest.Record?
    /// `--compress`: true when the series files are gzip-compressed (written only then).
    public var compressed: Bool?

    public var header: ManifestHeader {
        get { run.header }
        set { run.header = newValue }
    }

    /// The manifest of a comparison of `variants`.
    public init(run: ScenarioRunManifest, variants: [String], posterior: PosteriorEntry? = nil) {
        self.run = run
        self.variants = variants
        self.posterior = posterior
    }

    enum CodingKeys: String, CodingKey { case variants, posterior, record, compressed }

    public init(from decoder: any Decoder) throws {
        run = try ScenarioRunManifest(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        variants = try container.decode([String].self, forKey: .variants)
        posterior = try container.decodeIfPresent(PosteriorEntry.self, forKey: .posterior)
        record = try container.decodeIfPresent(RunManifest.Record.self, forKey: .record)
        compressed = try container.decodeIfPresent(Bool.self, forKey: .compressed)
    }

    public func encode(to encoder: any Encoder) throws {
        try run.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(variants, forKey: .variants)
        try container.encodeIfPresent(posterior, forKey: .posterior)
        try container.encodeIfPresent(record, forKey: .record)
        try container.encodeIfPresent(compressed, forKey: .compressed)
    }
}
