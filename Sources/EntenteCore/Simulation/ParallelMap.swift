import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent jobs on a fixed number of threads and returns results in index order.
///
/// Workers take the next unclaimed index one at a time (a shared counter under a mutex), so a job
/// that takes longer than the others — a calibration particle slot that needs many proposals, a run
/// whose parameters make it slow — does not leave the other threads idle behind a fixed share. No
/// mutable state is shared except the counter and the per-index result slots, each written by
/// exactly one worker; which thread ran an index never changes its result.
public enum ParallelMap {
    /// `body(i)` for i in 0..<count on `jobs` threads; results in order.
    public static func run<T>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(jobs, count))
        if workers == 1 { return (0..<count).map(body) }
        let slots = UnsafeMutablePointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
        defer { slots.deinitialize(count: count); slots.deallocate() }
        nonisolated(unsafe) let shared = slots
        let dispenser = IndexDispenser(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = dispenser.next() { shared[index] = body(index) }
        }
        return (0..<count).map { slots[$0]! }
    }

    /// Runs `body(worker)` on `count` threads and waits for all of them.
    public static func forEachWorker(count: Int, _ body: @Sendable (Int) -> Void) {
        if count == 1 { body(0); return }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// Hands out 0, 1, …, count − 1 once each to whichever thread asks next.
final class IndexDispenser: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var nextIndex = 0
    private let count: Int

    /// A dispenser of `count` indexes.
    init(count: Int) {
        self.count = count
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The next unclaimed index, or nil when all are claimed.
    func next() -> Int? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}
