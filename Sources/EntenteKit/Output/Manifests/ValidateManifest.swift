import Foundation

/// manifest.json of `entente validate`: replicates, window, settings, seed rule and every case file.
public struct ValidateManifest: ManifestFile, Sendable, Equatable {
    /// One case file as recorded.
    public struct Case: Codable, Sendable, Equatable {
        public var path: String
        public var name: String
        public var sha256: String
        public var seed: UInt64
        /// Observations in the file.
        public var observed: Int
        public var parameters: [String: Double]
        /// The case's rule set (`model:`).
        public var model: Int
    }

    /// The `posterior` object of `validate --posterior`: the calibration the draws came from and how they were used.
    public struct Posterior: Codable, Sendable, Equatable {
        /// The calibration folder as given.
        public var folder: String
        /// SHA-256 of its particles.csv.
        public var particlesSHA256: String
        public var calibrationStatus: String
        public var finalGeneration: Int
        /// Particles in the final generation.
        public var particles: Int
        /// The fitted parameters' names.
        public var parameters: [String]
        /// The rule set the calibration was fitted under (null when its manifest does not say).
        public var model: Int?
        /// Draws per case, M.
        public var draws: Int
        public var drawStream: String
        public var replicateRule: String

        enum CodingKeys: String, CodingKey {
            case folder, particlesSHA256 = "particles_sha256", calibrationStatus = "calibration_status"
            case finalGeneration = "final_generation", particles, parameters, model, draws, drawStream = "draw_stream"
            case replicateRule = "replicate_rule"
        }
    }

    public var header: ManifestHeader
    public var durationSeconds: Double
    public var replicates: Int
    public var windowMonths: Int
    public var settings: [String]
    /// `--seed`, null when each case uses its own.
    @NullWhenAbsent public var seed: UInt64?
    public var seedRule: String
    public var cases: [Case]
    /// Present only under `--posterior` (earlier manifests keep their bytes).
    public var posterior: Posterior?

    /// The manifest of a validation started at `started`, finished now.
    public init(command: String, started: Date, replicates: Int, windowMonths: Int, settings: [String], seed: UInt64?, cases: [Case],
                posterior: Posterior? = nil) {
        header = ManifestHeader(command: command, started: started)
        durationSeconds = ManifestHeader.duration(since: started)
        self.replicates = replicates
        self.windowMonths = windowMonths
        self.settings = settings
        self.seed = seed
        seedRule = seed.map { "--seed \($0) for every case" } ?? "each case's own `seed:`"
        self.cases = cases
        self.posterior = posterior
    }

    enum CodingKeys: String, CodingKey {
        case durationSeconds = "duration_seconds", replicates, windowMonths = "window_months", settings, seed
        case seedRule = "seed_rule", cases, posterior
    }

    public init(from decoder: any Decoder) throws {
        header = try ManifestHeader(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        durationSeconds = try container.decode(Double.self, forKey: .durationSeconds)
        replicates = try container.decode(Int.self, forKey: .replicates)
        windowMonths = try container.decode(Int.self, forKey: .windowMonths)
        settings = try container.decode([String].self, forKey: .settings)
        _seed = try container.decode(NullWhenAbsent<UInt64>.self, forKey: .seed)
        seedRule = try container.decode(String.self, forKey: .seedRule)
        cases = try container.decode([Case].self, forKey: .cases)
        posterior = try container.decodeIfPresent(Posterior.self, forKey: .posterior)
    }

    public func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(replicates, forKey: .replicates)
        try container.encode(windowMonths, forKey: .windowMonths)
        try container.encode(settings, forKey: .settings)
        try container.encode(_seed, forKey: .seed)
        try container.encode(seedRule, forKey: .seedRule)
        try container.encode(cases, forKey: .cases)
        try container.encodeIfPresent(posterior, forKey: .posterior)
    }
}
