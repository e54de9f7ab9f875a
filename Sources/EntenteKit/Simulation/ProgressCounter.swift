import Foundation

/// Counts finished jobs across worker threads and reports each new count under a lock, so a
/// progress callback that is not thread-safe (a terminal line) is called one count at a time, in order.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done: Int

    /// A counter starting at `done`.
    init(done: Int = 0) { self.done = done }

    /// Adds one and calls `report` with the new count while holding the lock.
    func increment(_ report: (Int) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        report(done)
    }
}
