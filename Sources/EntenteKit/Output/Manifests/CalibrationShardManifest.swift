import Foundation

/// The JSON file beside each calibration shard's CSV (`OUT-shards/generation-T/shard-K-of-N.json`,
/// docs/cluster.md#calibration-on-a-cluster): which calibration and generation the shard belongs to
/// and how long it took. The merge step reads it to refuse a shard of another calibration or
/// generation, and adds up the shards' `seconds` for generations.csv.
///
/// Written like every manifest (``ManifestJSON/encode(_:)``: sorted keys, pretty-printed, final newline).
public struct CalibrationShardManifest: Codable, Sendable, Equatable {
    /// Always `entente`.
    public var tool: String
    /// Always `calibrate --shard`.
    public var command: String
    /// The calibration's fingerprint (the manifest's `fingerprint`, what `--resume` checks).
    public var fingerprint: String
    /// The generation the shard computed.
    public var generation: Int
    /// The shard, `K/N`.
    public var shard: String
    /// Wall-clock seconds the shard process took.
    public var seconds: Double

    /// The sidecar of shard `shard` of generation `generation` of the calibration with `fingerprint`.
    public init(fingerprint: String, generation: Int, shard: Shard, seconds: Double) {
        tool = "entente"
        command = "calibrate --shard"
        self.fingerprint = fingerprint
        self.generation = generation
        self.shard = shard.description
        self.seconds = seconds
    }

    /// The file's bytes.
    public func encoded() throws -> [UInt8] {
        try ManifestJSON.encode(self)
    }
}
