import Foundation

/// Which folders `merge` reads, and whether they form one sweep.
extension SweepMerger {
    /// The shard folders `folders` name (a parent of `shard-K-of-N` folders stands for its children) and
    /// the destination: `out`, else the parent or an unsharded sweep's own folder (nil: the shards' parent).
    static func shardPaths(folders: [String], out: String?) throws -> (paths: [String], destination: String?) {
        let fileManager = FileManager.default
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
        return (shardPaths, destination)
    }

    /// Why `shards` are not every shard of one sweep, each complete and there once (empty: they are).
    static func problems(of shards: [ShardFolder]) -> [String] {
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
        return problems
    }
}
