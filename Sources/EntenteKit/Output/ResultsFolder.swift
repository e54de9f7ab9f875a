import Foundation

/// Writes a results folder atomically: files go to a hidden `.NAME.partial-PID` sibling that is moved
/// into place at the end with a rename that never replaces (``NoReplaceRename``), so readers never see
/// half a result, an interrupted run leaves earlier results as they were, and two runs into the same
/// folder cannot silently replace one another.
public struct ResultsFolder {
    /// The final path (absolute, symbolic links resolved).
    public let destination: URL
    /// The temporary folder being written.
    public let staging: URL
    /// The path as given, for messages.
    public let shown: String
    /// Whether an existing Entente results folder may be replaced.
    public let force: Bool
    /// Folders created on the way to `destination`, removed again on failure.
    let created: CreatedDirectories
    /// Device and inode of the results folder `force` may replace: the one there when the command started.
    let replaceable: FolderIdentity?

    /// Prepares to write `path`, applying ``OutputTarget``'s policy before anything is simulated:
    /// refuses dangerous paths (64), a file, a folder of a user's files, and existing results unless `force` (73).
    public init(path: String, force: Bool, inputs: [String] = []) throws {
        let target = try OutputTarget(path: path, inputs: inputs)
        try target.requireWritable(force: force)
        destination = target.resolved
        shown = path
        self.force = force
        replaceable = force && target.contents == .results ? FolderIdentity(path: target.resolved.path) : nil
        let parent = destination.deletingLastPathComponent()
        created = try CreatedDirectories.create(parent.path, shown: path)
        staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        if Self.isEntenteStaging(staging.path) { try? FileManager.default.removeItem(at: staging) }  // a reused pid's
        Self.removeStaleStaging(beside: destination)
        guard mkdir(staging.path, 0o777) == 0 else {
            let code = errno
            created.removeAll()
            throw FileProblem.cannot("create a folder beside", path, errno: code)
        }
        InterruptCleanup.shared.add(created: created)
        InterruptCleanup.shared.add(folder: staging.path)
    }

    /// Opens a file in the staging folder for buffered writing; `compressed` gzips it (name it `.gz`).
    public func create(_ name: String, compressed: Bool = false) throws -> OutputFile {
        try OutputFile(path: staging.appendingPathComponent(name).path, compressed: compressed)
    }

    /// Writes a whole file into the staging folder.
    public func write(_ name: String, bytes: [UInt8]) throws {
        let file = try create(name)
        try file.write(bytes)
        try file.close()
    }

    /// Moves the staging folder into place without ever replacing what another process put there.
    ///
    /// An empty folder at the destination is removed first. With `force`, the Entente results that were
    /// there when the command started (same device and inode) are renamed aside to `.NAME.old-PID`, the
    /// new folder is moved in, and only then the old one is deleted.
    /// When something else appeared at the destination meanwhile (another run into the same `--out`),
    /// it is kept, these results are moved to `NAME.conflict-PID` beside it, and a 73 error names both.
    /// `beforeMove` runs just before the move: tests use it to create the destination at that moment.
    public func commit(beforeMove: () -> Void = {}) throws {
        beforeMove()
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let old = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())").path
        var movedAside = false
        let failure: EntenteError? = InterruptCleanup.shared.withoutInterruption {
            switch OutputTarget.contents(of: destination.path) {
            case .emptyFolder:
                rmdir(destination.path)  // fails if it filled meanwhile; the rename below then reports the conflict
            case .results where replaceable != nil && FolderIdentity(path: destination.path) == replaceable:
                guard NoReplaceRename.rename(destination.path, to: old) == 0 else { break }
                movedAside = true
                // Swapped for another folder between the two checks: put it back, and report a conflict below.
                if FolderIdentity(path: old) != replaceable || !OutputTarget.isResultsFolder(old) {
                    _ = NoReplaceRename.rename(old, to: destination.path)
                    movedAside = false
                } else {
                    InterruptCleanup.shared.add(folder: old)
                }
            default:
                break
            }
            let code = NoReplaceRename.rename(staging.path, to: destination.path)
            if code == 0 {
                InterruptCleanup.shared.remove([staging.path] + created.paths)
                return nil
            }
            if code == EEXIST || code == ENOTEMPTY {
                return conflict()
            }
            if movedAside, NoReplaceRename.rename(old, to: destination.path) == 0 {
                movedAside = false
                InterruptCleanup.shared.remove([old])
            }
            return FileProblem.cannot("move the results into", shown, errno: code)
        }
        if movedAside {
            try? fileManager.removeItem(atPath: old)
            InterruptCleanup.shared.remove([old])
        }
        if let failure { throw failure }
    }

    /// The destination was taken meanwhile: keeps these results in a visible `NAME.conflict-PID` sibling.
    private func conflict() -> EntenteError {
        let name = "\(destination.lastPathComponent).conflict-\(getpid())"
        let kept = destination.deletingLastPathComponent().appendingPathComponent(name).path
        var base = shown
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        let shownKept = URL(fileURLWithPath: base).lastPathComponent == destination.lastPathComponent
            ? base + ".conflict-\(getpid())" : kept
        guard NoReplaceRename.rename(staging.path, to: kept) == 0 else {
            discard()
            return .cannotCreate("\(shown) appeared while this command was writing (another entente writing to the same --out?); it was left as it is and these results were removed")
        }
        InterruptCleanup.shared.remove([staging.path] + created.paths)
        return .cannotCreate("\(shown) appeared while this command was writing (another entente writing to the same --out?); it was left as it is and these results were saved in \(shownKept)")
    }

    /// Removes the staging folder, and the folders created on the way to it, after a failure.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        created.removeAll()
        InterruptCleanup.shared.remove([staging.path] + created.paths)
    }

    /// The names Entente writes into a staging folder.
    static let stagingFileNames: Set<String> = Set(SeriesFile.always.map(\.name))
        .union(SeriesFile.all.map { $0.name + ".gz" })
        .union(["outcomes.csv", "effects.csv", "manifest.json", "landscape.csv", "balance.csv", "actors.csv", "bipartitions.csv",
                "drivers.csv", "attribution.csv", "shapley.csv", "validation.csv", "cases.csv",
                "particles.csv", "generations.csv", "posterior.csv", "steps.csv"])

    /// True when `path` is a staging folder Entente wrote: a real folder (not a symbolic link) owned by
    /// this user, holding only regular files with the names Entente writes there.
    static func isEntenteStaging(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(),
              let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return entries.allSatisfy { name in
            var entry = stat()
            return stagingFileNames.contains(name) && lstat(path + "/" + name, &entry) == 0 && entry.st_mode & S_IFMT == S_IFREG
        }
    }

    /// Removes the `.NAME.partial-PID` staging folders that runs killed before they could clean up
    /// (SIGKILL, OOM killer, power loss) left beside `destination`: those whose process no longer exists
    /// and that hold only what Entente writes there (``isEntenteStaging(_:)``). A live process's folder
    /// (another run writing the same destination) is left alone, and so are `.NAME.old-PID` folders,
    /// which may hold the only copy of earlier results.
    static func removeStaleStaging(beside destination: URL) {
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).partial-"
        for sibling in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where sibling.hasPrefix(prefix) {
            guard let pid = pid_t(sibling.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            let path = parent.appendingPathComponent(sibling).path
            if kill(pid, 0) != 0 && errno == ESRCH && isEntenteStaging(path) {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }
}
