import Foundation

/// A flag set from a signal handler and read by sweep workers between runs.
///
/// `@unchecked Sendable`: its only state is guarded by the lock.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var signalNumber: Int32 = 0

    /// Creates an unset flag.
    public init() {}

    /// Asks workers to stop starting runs; remembers which signal asked.
    public func cancel(signal: Int32) {
        lock.lock()
        if signalNumber == 0 { signalNumber = signal }
        lock.unlock()
    }

    /// The signal that cancelled, or 0.
    public var signal: Int32 {
        lock.lock()
        defer { lock.unlock() }
        return signalNumber
    }

    /// True once cancelled.
    public var isCancelled: Bool { signal != 0 }
}
