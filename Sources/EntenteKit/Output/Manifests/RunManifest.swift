/// manifest.json of `entente run`: a scenario run's fields, what was recorded and how many replicates failed.
public struct RunManifest: ManifestFile, Sendable, Equatable {
    /// `--record` as applied; `drivers` is written only when on, so older folders keep their bytes.
    public struct Record: Codable, Sendable, Equatable {
        public var every: Int
        public var trust: String
        public var drivers: Bool?
    }

    public var run: ScenarioRunManifest
    public var record: Record
    public var failedReplicates: Int

    public var header: ManifestHeader {
        get { run.header }
        set { run.header = newValue }
    }

    /// The manifest of a run recorded with `record`.
    public init(run: ScenarioRunManifest, record: RecordOptions, failedReplicates: Int) {
        self.run = run
        self.record = Record(every: record.every, trust: record.trust.rawValue, drivers: record.drivers ? true : nil)
        self.failedReplicates = failedReplicates
    }

    enum CodingKeys: String, CodingKey { case record, failedReplicates = "failed_replicates" }

    public init(from decoder: any Decoder) throws {
        run = try ScenarioRunManifest(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        record = try container.decode(Record.self, forKey: .record)
        failedReplicates = try container.decode(Int.self, forKey: .failedReplicates)
    }

    public func encode(to encoder: any Encoder) throws {
        try run.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record, forKey: .record)
        try container.encode(failedReplicates, forKey: .failedReplicates)
    }
}
