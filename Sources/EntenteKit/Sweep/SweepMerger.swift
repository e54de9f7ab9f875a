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
        let fileManager = FileManager.default
        if let out { _ = try OutputTarget(path: out) }  // `--out ''`, `.`, `..`, the home folder: refused before anything is read
        var shardPaths = folders
        var destination = out
        if folders.count == 1, !isShardParent(folders[0]),
           let manifest = try? SweepManifest.read(folder: folders[0]), manifest.shard.count == 1 {
            destination = destination ?? folders[0]  // an unsharded sweep merges into itself
        }
        if folders.count == 1, !fileManager.fileExists(atPath: folders[0] + "/manifest.json") || isShardParent(folders[0]) {
            let children = ((try? fileManager.contentsOfDirectory(atPath: folders[0])) ?? [])
                .filter { $0.hasPrefix("shard-") && fileManager.fileExists(atPath: folders[0] + "/" + $0 + "/manifest.json") }
                .sorted()
            guard !children.isEmpty else {
                throw EntenteError.usage("\(folders[0]) holds no shard-K-of-N folders; expected the --out folder of `entente sweep --shard K/N`, or a list of shard folders")
            }
            shardPaths = children.map { folders[0] + "/" + $0 }
            destination = destination ?? folders[0]
        }
        let shards = try shardPaths.map { path -> ShardFolder in
            ShardFolder(path: path, manifest: try SweepManifest.read(folder: path))
        }
        let reference = shards[0]
        var problems: [String] = []
        let foreign = shards.filter { $0.manifest.sweepHash != reference.manifest.sweepHash }
        for shard in foreign {
            problems.append("\(shard.path) comes from another sweep (sweep_sha256 \(shard.manifest.sweepHash.prefix(12))… ≠ \(reference.manifest.sweepHash.prefix(12))…)")
        }
        let count = reference.manifest.shard.count
        for shard in shards where shard.manifest.shard.count != count {
            problems.append("\(shard.path) is shard \(shard.manifest.shard), but \(reference.path) is one of \(count)")
        }
        var byIndex: [Int: [String]] = [:]
        for shard in shards { byIndex[shard.manifest.shard.index, default: []].append(shard.path) }
        for (index, paths) in byIndex.sorted(by: { $0.key < $1.key }) where paths.count > 1 {
            problems.append("shard \(index)/\(count) appears \(paths.count) times: \(paths.joined(separator: ", "))")
        }
        let missing = (0..<count).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            problems.append("missing shard\(missing.count > 1 ? "s" : "") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) (expected folders \(missing.map { Shard(index: $0, count: count).folderName }.joined(separator: ", ")))")
        }
        for shard in shards where shard.manifest.status != "complete" {
            var status = "status \(shard.manifest.status)"
            if shard.manifest.status == "running" {
                let holder = FolderLock.holder(path: shard.path + "/" + FolderLock.fileName)
                status = FolderLock.isHeld(folder: shard.path)
                    ? "still being written by \(holder.map { "process \($0)" } ?? "another process")"
                    : "status running, but no process is writing it: interrupted"
            }
            problems.append("\(shard.path) is not complete (\(shard.manifest.runsDone) of \(shard.manifest.runsTotal) runs; \(status)); resume it with `entente sweep SWEEP --out OUT --shard \(shard.manifest.shard) --resume`")
        }
        guard problems.isEmpty else {
            throw EntenteError.usage("cannot merge:\n  " + problems.joined(separator: "\n  ") + "\nnothing was written")
        }
        let design = reference.manifest
        let points = design.points
        let replicates = design.replicates
        let columns = design.outcomeColumns.map(\.outcomeColumn)
        let paths = design.parameters.map(\.path)

        // Check every row, index it by (point, replicate), then copy rows in that order.
        struct RowRef { var key: Int; var file: Int; var offset: Int; var length: Int }
        var refs: [RowRef] = []
        var header: [UInt8] = []
        var failed = 0
        let expectedHeader = ["point", "replicate", "seed"] + paths + columns.map(\.name) + ["status", "error"]
        var validator = RunsFileValidator(points: points, replicates: replicates, seed: design.seed, columns: columns, labels: nil)
        for (fileIndex, shard) in shards.enumerated() {
            let runsPath = shard.path + "/runs.csv"
            var reader = try CSVLineReader(path: runsPath)
            guard reader.next() == expectedHeader else {
                throw EntenteError.data([Diagnostic("expected the header \(expectedHeader.joined(separator: ",")) of this sweep's runs.csv; nothing was written",
                                                    at: SourceLocation(file: runsPath, line: 1, column: 1))])
            }
            if fileIndex == 0 {
                header = Array((fileManager.contents(atPath: runsPath) ?? Data()).prefix(reader.consumedBytes))
            }
            do {
                try validator.read(&reader, file: runsPath) { row, start, end in
                    refs.append(RowRef(key: row.key, file: fileIndex, offset: start, length: end - start))
                    if row.failed { failed += 1 }
                }
            } catch EntenteError.data(let diagnostics) {
                throw EntenteError.data(diagnostics.map { Diagnostic($0.message + "; nothing was written", at: $0.location) })
            }
            if reader.hasCutLine {
                throw EntenteError.data([Diagnostic("the last line is cut short (no newline at its end): the shard's process was killed while writing; resume the shard with `entente sweep SWEEP --out OUT --shard \(shard.manifest.shard) --resume`; nothing was written",
                                                    at: SourceLocation(file: runsPath, line: reader.nextLine, column: 1))])
            }
        }
        refs.sort { $0.key < $1.key }
        guard refs.count == points.count * replicates else {
            throw EntenteError.usage("cannot merge: the shards hold \(refs.count) runs, expected \(points.count * replicates); nothing was written")
        }
        let folder = destination ?? URL(fileURLWithPath: shardPaths[0]).deletingLastPathComponent().path
        try checkDestination(folder, shards: shards.map(\.path), hash: reference.manifest.sweepHash, force: force)
        _ = try CreatedDirectories.create(OutputTarget.resolve(folder), shown: folder)
        let lock = try FolderLock(folder: folder)
        defer { lock.unlock() }
        let handles = shards.map { FileHandle(forReadingAtPath: $0.path + "/runs.csv") }
        let runsPath = folder + "/runs.csv"
        let temporary = runsPath + ".partial-\(getpid())"
        let output = try OutputFile(path: temporary)
        do {
            var chunk = header
            for ref in refs {
                guard let handle = handles[ref.file] else { continue }
                try handle.seek(toOffset: UInt64(ref.offset))
                chunk += handle.readData(ofLength: ref.length)
                if chunk.count > 1 << 20 { try output.write(chunk); chunk.removeAll(keepingCapacity: true) }
            }
            try output.write(chunk)
            try output.close()
        } catch {
            try? fileManager.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, runsPath) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileProblem.cannot("write", runsPath, errno: code)
        }
        var aggregator = PointsAggregator(parameterPaths: paths, points: points, replicates: replicates, columns: columns)
        aggregator.variants = design.variants ?? []
        try AtomicFile.write(try aggregator.pointsCSV(runFiles: [runsPath]), to: folder + "/points.csv")
        var manifest = reference.manifest
        manifest.shard = .whole
        manifest.mergedFrom = shards.map { $0.path }
        manifest.runsDone = refs.count
        manifest.runsTotal = refs.count
        manifest.runsFailed = failed
        manifest.status = "complete"
        try manifest.write(folder: folder)
        return Result(folder: folder, shards: shards.count, runs: refs.count, failed: failed)
    }

    static func isShardParent(_ folder: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasPrefix("shard-") }
    }
}
