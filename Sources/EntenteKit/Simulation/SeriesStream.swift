import Foundation

/// Writes the time series of `entente run` as replicates finish, in replicate order, within a memory budget.
///
/// Workers claim replicates in increasing order. A finished replicate's rows are appended to the five
/// series files when every earlier replicate has been written; until then it waits in a reorder
/// window. At most `window` replicates (2 × workers) are claimed and not yet written, and each holds
/// at most `budget / window` bytes of rows in memory (plus one step's rows) before it spills them to a
/// spool file beside the results: the rows held in memory stay under `budget` (plus one step's rows
/// per replicate in the window), however many cores run and however long the series. The files are
/// byte-identical for any number of workers.
///
/// `@unchecked Sendable`: every stored property is read and written under `condition`.
final class SeriesStream: @unchecked Sendable {
    private let condition = NSCondition()
    private let files: [OutputFile?]
    private let total: Int
    /// Replicates claimed and not yet written, at most.
    let window: Int
    /// Bytes one replicate may hold before spilling.
    let threshold: Int
    private var nextToClaim = 0
    private var nextToWrite = 0
    private var finished: [Int: SpillingRecorder] = [:]
    private var stored: EntenteError?
    private var results: [RunResult?]
    private let progress: (Int) -> Void

    /// A stream into `files` (the series files, headers written, one per ``SpillingRecorder/buffers`` entry;
    /// nil for a file not recorded) of `total` replicates.
    init(files: [OutputFile?], total: Int, workers: Int, budget: Int, progress: @escaping (Int) -> Void) {
        self.files = files
        self.total = total
        window = 2 * max(1, workers)
        threshold = max(1 << 12, budget / window)
        self.progress = progress
        results = Array(repeating: nil, count: total)
    }

    /// The next replicate to run, or nil when all are claimed or writing failed. Waits while the
    /// reorder window is full.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while stored == nil && nextToClaim < total && nextToClaim - nextToWrite >= window { condition.wait() }
        guard stored == nil, nextToClaim < total else { return nil }
        nextToClaim += 1
        return nextToClaim - 1
    }

    /// Hands in a finished replicate; writes it and every replicate after it that is ready.
    func finish(_ replicate: Int, _ recorder: SpillingRecorder, result: RunResult) {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        finished[replicate] = recorder
        results[replicate] = result
        while stored == nil, let ready = finished.removeValue(forKey: nextToWrite) {
            do {
                try write(ready)
            } catch let error as EntenteError {
                stored = error
            } catch {
                stored = .cannotCreate("\(error)")
            }
            nextToWrite += 1
            progress(nextToWrite)
        }
    }

    /// Each replicate's result, in order (after every worker has returned).
    var runResults: [RunResult?] {
        condition.lock()
        defer { condition.unlock() }
        return results
    }

    /// The first write error, if any.
    var error: EntenteError? {
        condition.lock()
        defer { condition.unlock() }
        return stored
    }

    /// Copies a replicate's spool files, then its rows in memory, into the series files.
    private func write(_ ready: SpillingRecorder) throws {
        if let error = ready.error { throw error }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        for (index, path) in SpillingRecorder.buffers.enumerated() where index < files.count {
            guard let file = files[index] else { continue }
            if let spool = ready.spools[index] {
                try spool.close()
                let spoolPath = spool.path
                defer { unlink(spoolPath) }
                let input = open(spoolPath, O_RDONLY | O_CLOEXEC)
                guard input >= 0 else { throw EntenteError.cannotCreate("cannot read \(spoolPath): \(String(cString: strerror(errno)))") }
                defer { close(input) }
                while true {
                    let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                    if count < 0 && errno == EINTR { continue }
                    guard count >= 0 else { throw EntenteError.cannotCreate("cannot read \(spoolPath): \(String(cString: strerror(errno)))") }
                    if count == 0 { break }
                    try file.write(Array(chunk[0..<count]))
                }
            }
            try file.write(ready.recorder[keyPath: path].bytes)
        }
    }
}
