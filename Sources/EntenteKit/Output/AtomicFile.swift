import Foundation

/// Writes a whole file under a temporary name and renames it into place.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically; with `durable`, the data is synced to disk before the rename.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = false) throws {
        let temporary = path + ".partial-\(getpid())"
        let file = try OutputFile(path: temporary)
        do {
            try file.write(bytes)
            if durable { try file.sync() }
            try file.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileProblem.cannot("write", path, errno: code)
        }
    }
}
