import Foundation

/// Writes a results folder atomically: files go to a hidden temporary sibling that is
/// renamed into place at the end, so readers never see half a result and an interrupted
/// run leaves the previous results as they were.
public struct ResultsFolder {
    /// The final path.
    public let destination: URL
    /// The temporary folder being written.
    public let staging: URL

    /// Prepares to write `path`; refuses an existing non-empty folder unless `force`.
    public init(path: String, force: Bool, inputs: [String] = []) throws {
        destination = URL(fileURLWithPath: path).standardizedFileURL
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw EntenteError.cannotCreate("\(path) exists and is not a folder; choose another --out")
            }
            let contents = (try? fileManager.contentsOfDirectory(atPath: destination.path)) ?? []
            if !contents.isEmpty && !force {
                throw EntenteError.cannotCreate("\(path) already holds results; pass --force to replace them or --out to write elsewhere")
            }
            for input in inputs where !contents.isEmpty && Self.folder(destination, contains: input) {
                throw EntenteError.cannotCreate("\(path) holds the input file \(input), which --force would delete; choose another --out")
            }
        }
        let parent = destination.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw EntenteError.cannotCreate("cannot create \(parent.path): \(Self.reason(error))")
        }
        staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        try? fileManager.removeItem(at: staging)
        Self.removeStaleStaging(beside: destination)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw EntenteError.cannotCreate("cannot write in \(parent.path): \(Self.reason(error))")
        }
    }

    /// Opens a file in the staging folder for buffered writing.
    public func create(_ name: String) throws -> OutputFile {
        try OutputFile(path: staging.appendingPathComponent(name).path)
    }

    /// Writes a whole file into the staging folder.
    public func write(_ name: String, bytes: [UInt8]) throws {
        let file = try create(name)
        try file.write(bytes)
        try file.close()
    }

    /// Moves the staging folder into place, replacing what was there.
    public func commit() throws {
        let fileManager = FileManager.default
        let old = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
        do {
            if fileManager.fileExists(atPath: destination.path) {
                try? fileManager.removeItem(at: old)
                try fileManager.moveItem(at: destination, to: old)
            }
            try fileManager.moveItem(at: staging, to: destination)
            try? fileManager.removeItem(at: old)
        } catch {
            throw EntenteError.cannotCreate("cannot move results into \(destination.path): \(Self.reason(error))")
        }
    }

    /// Removes the staging folder after a failure.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Removes the `.NAME.partial-PID` staging folders that runs killed before they could clean up
    /// (SIGKILL, OOM killer, power loss) left beside `destination`: those whose process no longer exists.
    /// A live process's folder (another run writing the same destination) is left alone, and so are
    /// `.NAME.old-PID` folders, which may hold the only copy of earlier results.
    static func removeStaleStaging(beside destination: URL) {
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).partial-"
        for sibling in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where sibling.hasPrefix(prefix) {
            guard let pid = pid_t(sibling.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(sibling))
            }
        }
    }

    /// True when `path` lies inside `folder` (symbolic links resolved).
    public static func folder(_ folder: URL, contains path: String) -> Bool {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return file.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
