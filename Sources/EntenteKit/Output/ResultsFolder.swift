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
    public init(path: String, force: Bool) throws {
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
        }
        let parent = destination.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw EntenteError.cannotCreate("cannot create \(parent.path): \(Self.reason(error))")
        }
        staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        try? fileManager.removeItem(at: staging)
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

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
