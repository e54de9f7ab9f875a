import Dispatch

/// Runs independent jobs on a fixed number of threads and returns results in index order.
///
/// Each worker takes a contiguous slice of indexes, so no mutable state is shared except
/// the per-index result slots, each written by exactly one worker.
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
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let lower = worker * count / workers
            let upper = (worker + 1) * count / workers
            for index in lower..<upper { shared[index] = body(index) }
        }
        return (0..<count).map { slots[$0]! }
    }

    /// Runs `body(worker)` on `count` threads and waits for all of them.
    public static func forEachWorker(count: Int, _ body: @Sendable (Int) -> Void) {
        if count == 1 { body(0); return }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
