import Foundation

/// `entente merge`: checks that shard folders form one complete sweep and writes the runs.csv
/// (sorted by point, replicate) and points.csv a single process would have written.
public enum SweepMerger {
    /// What a merge produced.
    public struct Result: Sendable {
        /// Folder written.
        public var folder: String
        /// Shards merged.
        public var shards: Int
        /// Runs in the merged runs.csv.
        public var runs: Int
        /// Runs with status=error.
        public var failed: Int
    }

    struct ShardFolder {
        var path: String
        var manifest: SweepManifest
    }

    /// Merges `folders` (shard folders, or one folder holding `shard-K-of-N` subfolders) into `out`
    /// (default: the folder holding the shards). Refuses, writing nothing, unless every shard of one sweep is there once and complete,
    /// and unless the destination may be written (``checkDestination(_:shards:hash:force:)``).
    public static func merge(folders: [String], out: String? = nil, force: Bool = false) throws -> Result {
        if let out { _ = try OutputTarget(path: out) }  // `--out ''`, `.`, `..`, the home folder: refused before anything is read
        let (shardPaths, destination) = try shardPaths(folders: folders, out: out)
        let shards = try shardPaths.map { path -> ShardFolder in
            ShardFolder(path: path, manifest: try SweepManifest.read(folder: path))
        }
        let refusals = problems(of: shards)
        guard refusals.isEmpty else {
            throw EntenteError.usage("cannot merge:\n  " + refusals.joined(separator: "\n  ") + "\nnothing was written")
        }
        let reference = shards[0]
        let design = reference.manifest
        let rows = try indexRows(of: shards)
        guard rows.refs.count == design.points.count * design.replicates else {
            throw EntenteError.usage("cannot merge: the shards hold \(rows.refs.count) runs, expected \(design.points.count * design.replicates); nothing was written")
        }
        let folder = destination ?? URL(fileURLWithPath: shardPaths[0]).deletingLastPathComponent().path
        try checkDestination(folder, shards: shards.map(\.path), hash: reference.manifest.sweepHash, force: force)
        _ = try CreatedDirectories.create(OutputTarget.resolve(folder), shown: folder)
        let lock = try FolderLock(folder: folder)
        defer { lock.unlock() }
        let runsPath = folder + "/runs.csv"
        try writeRuns(rows, of: shards, to: runsPath)
        var aggregator = PointsAggregator(parameterPaths: design.parameters.map(\.path), points: design.points, replicates: design.replicates,
                                          columns: design.outcomeColumns.map(\.outcomeColumn))
        aggregator.variants = design.variants ?? []
        try AtomicFile.write(try aggregator.pointsCSV(runFiles: [runsPath]), to: folder + "/points.csv")
        var manifest = reference.manifest
        manifest.shard = .whole
        manifest.mergedFrom = shards.map { $0.path }
        manifest.runsDone = rows.refs.count
        manifest.runsTotal = rows.refs.count
        manifest.runsFailed = rows.failed
        manifest.status = "complete"
        try manifest.write(folder: folder)
        return Result(folder: folder, shards: shards.count, runs: rows.refs.count, failed: rows.failed)
    }

    static func isShardParent(_ folder: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasPrefix("shard-") }
    }
}
