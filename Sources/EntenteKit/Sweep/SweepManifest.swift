import Foundation

/// manifest.json of a sweep folder (or shard folder): what it is, so `--resume` and `merge` can check it.
public struct SweepManifest {
    /// SHA-256 of the sweep file's bytes, a zero byte, the scenario file's bytes and, for `design: file`,
    /// a zero byte and the design CSV's bytes: the sweep's identity.
    public var sweepHash: String
    /// The shard this folder holds.
    public var shard: Shard
    /// `running`, `interrupted` or `complete`.
    public var status: String
    /// Runs recorded so far.
    public var runsDone: Int
    /// Runs in this folder's share of the sweep.
    public var runsTotal: Int

    /// Identity of a sweep from its files.
    public static func hash(spec: SweepSpec) -> String {
        let sweep = FileManager.default.contents(atPath: spec.file) ?? Data()
        let scenario = FileManager.default.contents(atPath: spec.scenarioPath) ?? Data()
        var bytes = [UInt8](sweep) + [0] + [UInt8](scenario)
        // A changed design file changes the points: `--resume` and `merge` must refuse it like a changed sweep file.
        if let design = spec.designOptions.filePath {
            bytes += [0] + [UInt8](FileManager.default.contents(atPath: design) ?? Data())
        }
        return SHA256.hex(bytes)
    }

    /// Reads the fields `--resume` and `merge` need from a folder's manifest.json.
    public static func read(folder: String) throws -> SweepManifest {
        let path = folder + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let hash = object["sweep_sha256"] as? String,
              let shard = object["shard"] as? [String: Any],
              let index = shard["index"] as? Int, let count = shard["count"] as? Int else {
            throw EntenteError.data([Diagnostic("\(path) is missing or not a sweep manifest; expected a folder written by `entente sweep`", at: nil)])
        }
        return SweepManifest(sweepHash: hash, shard: Shard(index: index, count: count),
                             status: object["status"] as? String ?? "", runsDone: object["runs_done"] as? Int ?? 0,
                             runsTotal: object["runs_total"] as? Int ?? 0)
    }

    /// The full manifest object.
    static func object(plan: SweepPlan, hash: String, shard: Shard, status: String, done: Int, total: Int, failed: Int,
                       command: String, started: Date, gslVersion: String) -> [String: Any] {
        let spec = plan.spec
        func sha(_ path: String) -> String { FileManager.default.contents(atPath: path).map { SHA256.hex($0) } ?? "" }
        let parameters: [[String: Any]] = spec.parameters.map { parameter in
            var entry: [String: Any] = ["path": parameter.path]
            switch parameter.domain {
            case .values(let values): entry["values"] = values
            case .range(let from, let to, let steps, let scale):
                entry["from"] = from
                entry["to"] = to
                entry["scale"] = scale.rawValue
                if let steps { entry["steps"] = steps }
            }
            return entry
        }
        var object: [String: Any] = [
            "tool": "entente", "version": EntenteVersion.current, "command": command,
            "sweep": ["path": spec.file, "sha256": sha(spec.file)],
            "scenario": ["path": spec.scenarioPath, "sha256": sha(spec.scenarioPath)],
            "sweep_sha256": hash,
            "variant": spec.variant ?? NSNull(),
            "seed": spec.seed, "replicates": spec.replicates,
            "design": spec.design.rawValue, "samples": spec.samples, "record": spec.record.rawValue,
            "parameters": parameters,
            "points": plan.points,
            "rng": RandomStream.generatorName,
            "seeding": "StreamSeed.key(seed, point, replicate): SplitMix64 chain; mt19937 state words from SplitMix64(key)",
            "gsl_version": gslVersion,
            "shard": ["index": shard.index, "count": shard.count],
            "status": status, "runs_done": done, "runs_total": total, "runs_failed": failed,
            "started": ISO8601DateFormatter().string(from: started),
            "updated": ISO8601DateFormatter().string(from: Date()),
        ]
        // Only paired sweeps name their variants; other manifests are unchanged.
        if !spec.variants.isEmpty { object["variants"] = spec.variants }
        if let design = spec.designOptions.filePath {
            object["design_file"] = ["path": SweepDecoder.displayPath(design), "sha256": sha(design)]
        }
        // Only the sensitivity designs have options (`entente analyze` reads them); other manifests are unchanged.
        if spec.design == .saltelli || spec.design == .morris {
            object["design_options"] = ["second_order": spec.designOptions.secondOrder, "skip": spec.designOptions.skip,
                                        "levels": spec.designOptions.levels, "candidates": spec.designOptions.candidates ?? NSNull()] as [String: Any]
        }
        return object
    }

    /// Writes the manifest atomically (temporary file, then rename).
    static func write(_ object: [String: Any], folder: String) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try AtomicFile.write([UInt8](data) + [10], to: folder + "/manifest.json")
    }
}
