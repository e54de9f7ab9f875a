import Foundation

/// An exclusive lock on a results folder, held for the lifetime of a process that writes there
/// (`sweep`, `sweep --resume`, `merge` into the folder).
///
/// The lock is a `flock(LOCK_EX)` on `.entente.lock` in the folder, and the holder writes its pid
/// into that file so a second process can name it. The kernel releases a `flock` when its process
/// dies, whatever way it dies, so a lock file left by a killed process never blocks anyone: only
/// a live process holds the lock. The lock is released when the instance is released (or by
/// ``unlock()``); the file itself stays (removing it would race with a process about to lock it).
public final class FolderLock {
    /// Name of the lock file inside a results folder.
    public static let fileName = ".entente.lock"

    /// The folder locked.
    public let folder: String
    private var descriptor: Int32

    /// Locks `folder` (which must exist), or throws exit 73 naming the pid that holds it.
    public init(folder: String) throws {
        self.folder = folder
        let path = folder + "/" + Self.fileName
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EntenteError.cannotCreate("cannot lock \(folder): cannot create \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let reason = errno
            let holder = Self.holder(path: path)
            Foundation.close(descriptor)
            descriptor = -1
            if reason == EWOULDBLOCK {
                let who = holder.map { "process \($0)" } ?? "another process"
                throw EntenteError.cannotCreate("\(folder) is in use by \(who) (it holds \(path)); wait for it to finish, or stop it, then try again")
            }
            throw EntenteError.cannotCreate("cannot lock \(folder): \(String(cString: strerror(reason)))")
        }
        // Ours now: record who holds it.
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// True when some live process holds the lock of `folder` (false when there is no lock file).
    public static func isHeld(folder: String) -> Bool {
        let descriptor = open(folder + "/" + fileName, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { Foundation.close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            _ = flock(descriptor, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    /// The pid written in a lock file, if any.
    static func holder(path: String) -> Int32? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Releases the lock now.
    public func unlock() {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        Foundation.close(descriptor)
        descriptor = -1
    }

    deinit { unlock() }
}
