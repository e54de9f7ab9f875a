import Foundation

/// The fields every manifest.json has, whatever command wrote it: tool, version, command line, random
/// number generator, seeding rule, GSL version and start time. Encoded flat into the manifest's object
/// (no `header` key), so a command's manifest is this plus its own fields (see ``ManifestFile``).
public struct ManifestHeader: Codable, Sendable, Equatable {
    /// How every run's random stream is seeded, as recorded in manifests.
    public static let seedingRule = "StreamSeed.key(seed, point, replicate): SplitMix64 chain; mt19937 state words from SplitMix64(key)"

    /// Always `entente`: with ``command`` what marks a folder as Entente's results (``OutputTarget/isResultsFolder(_:)``).
    public var tool: String
    /// Entente's version.
    public var version: String
    /// The command line that wrote the folder.
    public var command: String
    /// The GSL generator's name.
    public var rng: String
    /// ``seedingRule``.
    public var seeding: String
    /// The GSL library version linked.
    public var gslVersion: String
    /// Start time, ISO 8601 in UTC.
    public var started: String

    /// The header of a command started at `started` with the command line `command`.
    public init(command: String, started: Date) {
        tool = "entente"
        version = EntenteVersion.current
        self.command = command
        rng = RandomStream.generatorName
        seeding = Self.seedingRule
        gslVersion = GSLSetup.version
        self.started = ISO8601DateFormatter().string(from: started)
    }

    enum CodingKeys: String, CodingKey {
        case tool, version, command, rng, seeding, gslVersion = "gsl_version", started
    }

    /// Reads a header; only `tool` and `command` are required, so any folder Entente wrote is recognised.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tool = try container.decode(String.self, forKey: .tool)
        command = try container.decode(String.self, forKey: .command)
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? ""
        rng = try container.decodeIfPresent(String.self, forKey: .rng) ?? ""
        seeding = try container.decodeIfPresent(String.self, forKey: .seeding) ?? ""
        gslVersion = try container.decodeIfPresent(String.self, forKey: .gslVersion) ?? ""
        started = try container.decodeIfPresent(String.self, forKey: .started) ?? ""
    }

    /// Seconds since `started`, rounded to the millisecond, as `duration_seconds` records it.
    public static func duration(since started: Date) -> Double {
        (Date().timeIntervalSince(started) * 1000).rounded() / 1000
    }
}

/// An input file as manifests record it: the path as given and the SHA-256 of its bytes.
public struct ManifestInput: Codable, Sendable, Equatable {
    /// The path as the user gave it.
    public var path: String
    /// SHA-256 of the file's bytes, or empty when it cannot be read.
    public var sha256: String

    /// Hashes the file at `path` now.
    public init(path: String) {
        self.path = path
        sha256 = FileManager.default.contents(atPath: path).map { SHA256.hex($0) } ?? ""
    }

    /// An entry recording `path` with a hash already known (e.g. of the file under another name).
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
