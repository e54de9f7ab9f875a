import Foundation

extension SweepMerger {
    /// Applies the output-folder policy to the folder `merge` writes runs.csv, points.csv and manifest.json
    /// into. Allowed: a new or empty folder; the merged result of this same sweep (merging again, or an
    /// unsharded sweep merged into itself); the folder holding the shards when it holds none of the three
    /// files. With `force`, any other Entente results folder. Refused: a shard being merged or a folder in
    /// one (64), a file, a folder of a user's files, and other results without `force` (73).
    static func checkDestination(_ folder: String, shards: [String], hash: String, force: Bool) throws {
        let resolved = OutputTarget.resolve(folder)
        for shard in shards {
            let source = OutputTarget.resolve(shard)
            if source == resolved || OutputTarget.path(source, isAncestorOf: resolved) {
                throw EntenteError.usage("--out \(folder) is the shard folder \(shard) being merged, or lies in it; merge into the folder holding the shards or a new one")
            }
        }
        let contents = OutputTarget.contents(of: resolved)
        switch contents {
        case .results:
            if let manifest = try? SweepManifest.read(folder: folder), manifest.sweepHash == hash, manifest.shard.count == 1 { return }
            if force { return }
            throw EntenteError.cannotCreate("\(folder) already holds other results (another sweep, a shard or a run); pass --force to replace its runs.csv, points.csv and manifest.json, or --out to write elsewhere")
        case .foreignFolder:
            let holdsShards = shards.contains { OutputTarget.resolve(URL(fileURLWithPath: $0).deletingLastPathComponent().path) == resolved }
            let clashes = ["runs.csv", "points.csv", "manifest.json"].filter { FileManager.default.fileExists(atPath: folder + "/" + $0) }
            if holdsShards && clashes.isEmpty { return }
            if let refusal = OutputTarget.refusal(contents, shown: folder, force: force) { throw refusal }
        default:
            if let refusal = OutputTarget.refusal(contents, shown: folder, force: force) { throw refusal }
        }
    }
}
