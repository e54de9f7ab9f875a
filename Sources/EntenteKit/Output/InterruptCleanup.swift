import Foundation

/// The folders an interrupted process must remove before it exits: the hidden staging folder of a
/// ``ResultsFolder`` being written, the earlier results moved aside by `--force`, and the folders created
/// on the way to them. The command line's signal handler calls ``cleanUpForExit()``; moves into place take
/// the same lock, so a signal either comes before a move (its staging is removed) or after it (the results
/// are complete), never in the middle.
///
/// `@unchecked Sendable`: its state is read and written under `lock`.
public final class InterruptCleanup: @unchecked Sendable {
    /// The process's registry.
    public static let shared = InterruptCleanup()

    private let lock = NSRecursiveLock()  // a move holds it while it updates the registry
    private var folders: [String] = []
    private var emptyFolders: [String] = []

    init() {}

    /// Registers a folder (and everything in it) to remove on interruption.
    func add(folder: String) {
        lock.lock()
        folders.append(folder)
        lock.unlock()
    }

    /// Registers folders created on the way, removed on interruption only while they are empty.
    func add(created: CreatedDirectories) {
        lock.lock()
        emptyFolders.append(contentsOf: created.paths)
        lock.unlock()
    }

    /// Forgets paths that no longer need removing.
    func remove(_ paths: [String]) {
        lock.lock()
        folders.removeAll { paths.contains($0) }
        emptyFolders.removeAll { paths.contains($0) }
        lock.unlock()
    }

    /// Runs `body` so that no interruption cleanup happens during it.
    func withoutInterruption<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Removes every registered folder and returns those removed. For a process about to exit: the lock
    /// is kept, so no results can be moved into place afterwards.
    public func cleanUpForExit() -> [String] {
        lock.lock()
        var removed: [String] = []
        for folder in folders where FileManager.default.fileExists(atPath: folder) {
            // Workers may still be creating files in it: retry a few times.
            for _ in 0..<5 {
                if (try? FileManager.default.removeItem(atPath: folder)) != nil || !FileManager.default.fileExists(atPath: folder) { break }
            }
            if !FileManager.default.fileExists(atPath: folder) { removed.append(folder) }
        }
        for folder in emptyFolders.reversed() { rmdir(folder) }
        return removed
    }
}
