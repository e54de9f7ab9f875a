/// manifest.json of `entente run`: a scenario run's fields, what was recorded and how many replicates failed.
public struct RunManifest: ManifestFile, Sendable, Equatable {
    /// `--record` as applied; `drivers`, `landscape` and `steps` are written only when on, so older folders keep their bytes.
    public struct Record: Codable, Sendable, Equatable {
        public var every: Int
        public var trust: String
        public var drivers: Bool?
        public var landscape: Bool?
        public var steps: Bool?

        /// The entry for `options`.
        public init(_ options: RecordOptions) {
            every = options.every
            trust = options.trust.rawValue
            drivers = options.drivers ? true : nil
            landscape = options.landscape ? true : nil
            steps = options.steps ? true : nil
        }
    }

    public var run: ScenarioRunManifest
    /// `--record`; nil (not written) for `run --posterior`, which records outcomes only.
    public var record: Record?
    public var failedReplicates: Int
    /// `--posterior`: where the parameter draws came from (written only then).
    public var posterior: PosteriorEntry?
    /// `--compress`: true when the series files are gzip-compressed (written only then).
    public var compressed: Bool?

    public var header: ManifestHeader {
        get { run.header }
        set { run.header = newValue }
    }

    /// The manifest of a run recorded with `record`.
    public init(run: ScenarioRunManifest, record: RecordOptions, failedReplicates: Int, compressed: Bool = false) {
        self.run = run
        self.record = Record(record)
        self.failedReplicates = failedReplicates
        self.compressed = compressed ? true : nil
    }

    /// The manifest of `run --posterior`: no `record`, the posterior's entry instead.
    public init(run: ScenarioRunManifest, posterior: PosteriorEntry, failedReplicates: Int) {
        self.run = run
        self.posterior = posterior
        self.failedReplicates = failedReplicates
    }

    enum CodingKeys: String, CodingKey { case record, failedReplicates = "failed_replicates", posterior, compressed }

    public init(from decoder: any Decoder) throws {
        run = try ScenarioRunManifest(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        record = try container.decodeIfPresent(Record.self, forKey: .record)
        failedReplicates = try container.decode(Int.self, forKey: .failedReplicates)
        posterior = try container.decodeIfPresent(PosteriorEntry.self, forKey: .posterior)
        compressed = try container.decodeIfPresent(Bool.self, forKey: .compressed)
    }

    public func encode(to encoder: any Encoder) throws {
        try run.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(record, forKey: .record)
        try container.encode(failedReplicates, forKey: .failedReplicates)
        try container.encodeIfPresent(posterior, forKey: .posterior)
        try container.encodeIfPresent(compressed, forKey: .compressed)
    }
}
