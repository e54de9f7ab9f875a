/// manifest.json of `entente attribute`: a scenario run's fields and how the events were attributed.
public struct AttributeManifest: ManifestFile, Sendable, Equatable {
    /// The `attribute` object.
    public struct Settings: Codable, Sendable, Equatable {
        /// `event` or `tag`.
        public var by: String
        /// The players (event ids or tags).
        public var players: [String]
        /// Removal sets run.
        public var arms: Int
        /// `exact`, `permutation` or `none`.
        public var shapley: String
        /// Orders sampled (0 unless `shapley` is `permutation`).
        public var permutations: Int
    }

    public var run: ScenarioRunManifest
    public var attribute: Settings

    public var header: ManifestHeader {
        get { run.header }
        set { run.header = newValue }
    }

    /// The manifest of an attribution.
    public init(run: ScenarioRunManifest, attribute: Settings) {
        self.run = run
        self.attribute = attribute
    }

    enum CodingKeys: String, CodingKey { case attribute }

    public init(from decoder: any Decoder) throws {
        run = try ScenarioRunManifest(from: decoder)
        attribute = try decoder.container(keyedBy: CodingKeys.self).decode(Settings.self, forKey: .attribute)
    }

    public func encode(to encoder: any Encoder) throws {
        try run.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(attribute, forKey: .attribute)
    }
}
