import Foundation

/// manifest.json of `entente landscape`: where the propensities came from and how the landscape was searched.
public struct LandscapeManifest: ManifestFile, Sendable, Equatable {
    /// The `landscape` object.
    public struct Search: Codable, Sendable, Equatable {
        public var exhaustive: Bool
        public var basinExact: Bool
        public var starts: Int
        public var minima: Int
        public var randomStream: String
        public var tolerance: Double

        enum CodingKeys: String, CodingKey {
            case exhaustive, basinExact = "basin_exact", starts, minima, randomStream = "random_stream", tolerance
        }
    }

    public var header: ManifestHeader
    public var durationSeconds: Double
    public var scenario: ManifestInput
    /// `propensity` or `trust`.
    public var source: String
    /// `start` or the date the system was taken at.
    public var at: String
    /// The replicates averaged (empty at the start).
    public var replicatesAveraged: [Int]
    /// `--run`, null when simulated or at the start.
    @NullWhenAbsent public var runFolder: String?
    public var seed: UInt64
    public var landscape: Search

    /// The manifest of a landscape started at `started`, finished now.
    public init(command: String, started: Date, scenario: ManifestInput, source: String, at: String, replicatesAveraged: [Int],
                runFolder: String?, seed: UInt64, landscape: Search) {
        header = ManifestHeader(command: command, started: started)
        durationSeconds = ManifestHeader.duration(since: started)
        self.scenario = scenario
        self.source = source
        self.at = at
        self.replicatesAveraged = replicatesAveraged
        self.runFolder = runFolder
        self.seed = seed
        self.landscape = landscape
    }

    enum CodingKeys: String, CodingKey {
        case durationSeconds = "duration_seconds", scenario, source, at, replicatesAveraged = "replicates_averaged"
        case runFolder = "run_folder", seed, landscape
    }

    public init(from decoder: any Decoder) throws {
        header = try ManifestHeader(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        durationSeconds = try container.decode(Double.self, forKey: .durationSeconds)
        scenario = try container.decode(ManifestInput.self, forKey: .scenario)
        source = try container.decode(String.self, forKey: .source)
        at = try container.decode(String.self, forKey: .at)
        replicatesAveraged = try container.decode([Int].self, forKey: .replicatesAveraged)
        _runFolder = try container.decode(NullWhenAbsent<String>.self, forKey: .runFolder)
        seed = try container.decode(UInt64.self, forKey: .seed)
        landscape = try container.decode(Search.self, forKey: .landscape)
    }

    public func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(source, forKey: .source)
        try container.encode(at, forKey: .at)
        try container.encode(replicatesAveraged, forKey: .replicatesAveraged)
        try container.encode(_runFolder, forKey: .runFolder)
        try container.encode(seed, forKey: .seed)
        try container.encode(landscape, forKey: .landscape)
    }
}
