import Foundation

/// `entente sweep`: every run of a design × replicates (or of one shard of it) on a pool of workers,
/// each row appended to runs.csv as it finishes, points.csv built at the end.
public struct SweepRunner {
    /// What to run.
    public struct Request: Sendable {
        /// Sweep file.
        public var path: String
        /// Output folder; default `Results/<sweep stem>/`. A shard writes into `<out>/shard-K-of-N/`.
        public var out: String?
        /// Worker threads.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// Continue an interrupted sweep in its folder.
        public var resume = false
        /// Replace an existing folder.
        public var force = false
        /// With `resume`: run again the runs recorded with status=error, replacing their rows.
        public var retryFailed = false
        /// Testing hook: runs for which it returns true are recorded as failed
        /// (`failure injected for testing`) without being run. Nil in normal use.
        public var failRun: (@Sendable (_ point: Int, _ replicate: Int) -> Bool)?
        /// Which shard to run.
        public var shard = Shard.whole
        /// Command line for the manifest.
        public var commandLine = ""
        /// `--model N`: the rule set of every run, overriding the scenario's `model:`.
        public var model: Int?

        /// A request for `path`.
        public init(path: String) { self.path = path }
    }

    /// How a sweep ended.
    public struct Outcome: Sendable {
        /// The folder written.
        public var folder: String
        /// Runs in this folder's share of the sweep.
        public var total: Int
        /// Runs recorded (including earlier sessions when resumed).
        public var done: Int
        /// Runs recorded with status=error.
        public var failed: Int
        /// Runs this invocation executed.
        public var executed: Int
        /// Points in the design.
        public var points: Int
        /// The signal that interrupted it, or 0 when it completed.
        public var interruptedBy: Int32
    }

    /// The error recorded for a run failed through ``Request/failRun``.
    public static let injectedFailure = "failure injected for testing"

    /// Validates a sweep file and reports its size without running it.
    public static func check(root: YAMLNode, path: String) throws -> (SweepSpec, SweepPlan) {
        let (spec, _) = try SweepDecoder().load(root: root, path: path)
        return (spec, SweepPlan(spec: spec))
    }

    /// Runs the sweep; `progress(done, total)` is called after each batch of runs is written.
    public static func execute(_ request: Request, cancellation: CancellationFlag = CancellationFlag(),
                               progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws -> Outcome {
        let started = Date()
        var (spec, template) = try SweepDecoder().load(path: request.path)
        template.model = request.model
        let plan = SweepPlan(spec: spec)
        let baseScenario = try template.instantiate(plan.points.isEmpty ? [] : plan.settings(point: 0))
        // A paired sweep's rows hold the baseline's outcomes, then each variant's (`VARIANT:OUTCOME`).
        let columns = SweepPairing.columns(Engine(scenario: baseScenario).outcomeColumns, variants: spec.variants)
        let stem = URL(fileURLWithPath: request.path).deletingPathExtension().lastPathComponent
        let base = request.out ?? "Results/\(stem)"
        let folder = request.shard.count > 1 ? base + "/" + request.shard.folderName : base
        // A --model override is part of the sweep's identity, so --resume refuses to mix rule sets.
        let hash = request.model.map { SHA256.hex(Array((SweepManifest.hash(spec: spec) + " model=\($0)").utf8)) } ?? SweepManifest.hash(spec: spec)
        let total = plan.runCount(in: request.shard)

        let runsPath = folder + "/runs.csv"
        var done = Set<Int>()
        var failedBefore = 0
        let lock = try prepareFolder(folder, base: base, request: request, hash: hash, inputs: [request.path, spec.scenarioPath])
        defer { lock.unlock() }
        let header = ["point", "replicate", "seed"] + spec.parameters.map(\.path) + columns.map(\.name) + ["status", "error"]
        let labels = baseScenario.calendar.labels
        let runsRoot = folder + "/runs"
        if request.resume && FileManager.default.fileExists(atPath: runsPath) {
            var validator = RunsFileValidator(points: plan.points, replicates: spec.replicates, seed: spec.seed, columns: columns, labels: labels)
            let series = spec.record == .full ? runsRoot : nil
            (done, failedBefore) = try recoverRuns(path: runsPath, header: header, validator: &validator,
                                                   retryFailed: request.retryFailed, seriesRoot: series)
        } else {
            let file = try OutputFile(path: runsPath)
            var buffer = CSVBuffer(header: header)
            try file.flush(&buffer)
            try file.close()
        }
        let runsFile = try OutputFile(path: runsPath, append: true)
        let written = SweepManifest(plan: plan, hash: hash, shard: request.shard, columns: columns,
                                    model: baseScenario.model, command: request.commandLine, started: started)
        func manifest(status: String, done: Int, failed: Int) throws {
            try written.with(status: status, done: done, total: total, failed: failed).write(folder: folder)
        }
        try manifest(status: "running", done: done.count, failed: failedBefore)
        let state = SharedProgress(done: done.count, failed: failedBefore, file: runsFile)
        do {
            return try runUnits(request: request, plan: plan, template: template, columns: columns, labels: labels,
                                folder: folder, done: done, total: total, state: state, cancellation: cancellation,
                                progress: progress, manifest: manifest)
        } catch {
            // Disk full, a removed folder, points.csv unwritable: say so in the manifest while it can still be written.
            try? state.close()
            let (finalDone, finalFailed) = state.totals
            try? manifest(status: "interrupted", done: finalDone, failed: finalFailed)
            throw error
        }
    }

    /// Runs the units not done yet, then writes points.csv and the final manifest.
    private static func runUnits(request: Request, plan: SweepPlan, template: ScenarioTemplate, columns: [OutcomeColumn],
                                 labels: [String], folder: String, done: Set<Int>, total: Int, state: SharedProgress,
                                 cancellation: CancellationFlag, progress: @escaping @Sendable (Int, Int) -> Void,
                                 manifest: (String, Int, Int) throws -> Void) throws -> Outcome {
        let spec = plan.spec
        let runsPath = folder + "/runs.csv"
        let units = workUnits(plan: plan, shard: request.shard, done: done)
        progress(done.count, total)  // the starting point, so rates count only this session's runs
        let failRun = request.failRun
        let writeError = ErrorBox()
        let record = spec.record
        let runsRoot = folder + "/runs"
        if record == .full {
            do {
                try FileManager.default.createDirectory(atPath: runsRoot, withIntermediateDirectories: true)
            } catch {
                throw FileProblem.cannot("create", runsRoot, error: error)
            }
        }

        let engines = PointEngines(template: template, paths: spec.parameters.map(\.path))
        let pairing = SweepPairing(template: template, variants: spec.variants, paths: spec.parameters.map(\.path))
        ParallelMap.forEachWorker(count: max(1, request.jobs)) { _ in
            var cachedPoint = -1
            var engine: Engine?
            var variantEngines: [Engine] = []
            var pointError: String?
            while !cancellation.isCancelled && writeError.error == nil, let unit = state.nextUnit(units) {
                if unit.point != cachedPoint {
                    cachedPoint = unit.point
                    do {
                        engine = try engines.engine(plan.settings(point: unit.point))
                        variantEngines = try pairing.engines(plan.settings(point: unit.point))
                        pointError = nil
                    } catch {
                        engine = nil
                        pointError = "\(error)"
                    }
                }
                var rows = CSVBuffer(capacity: 4096)
                var failedHere = 0
                var seriesWritten = true
                for replicate in unit.replicates where seriesWritten {
                    var result: RunResult
                    if let engine, failRun?(unit.point, replicate) != true {
                        if record == .full {
                            var recorder = SeriesRecorder(replicate: replicate, scenario: engine.scenario, labels: labels, options: RecordOptions(trust: .pairs))
                            result = engine.run(replicate: replicate, point: unit.point, seed: spec.seed, observer: &recorder)
                            do {
                                try writeSeries(recorder, folder: runsRoot + "/\(unit.point)-\(replicate)")
                            } catch {
                                // The unit's rows are not recorded: resume runs it again.
                                writeError.set(error)
                                seriesWritten = false
                            }
                        } else {
                            result = engine.runOutcomes(replicate: replicate, point: unit.point, seed: spec.seed)
                            if !variantEngines.isEmpty {
                                result = pairing.run(variantEngines, after: result, replicate: replicate, point: unit.point, seed: spec.seed)
                            }
                        }
                    } else {
                        result = RunResult(outcomes: [], error: pointError ?? injectedFailure)
                    }
                    rows.field(unit.point)
                    rows.field(replicate)
                    rows.field(String(plan.streamKey(point: unit.point, replicate: replicate)))
                    for value in plan.points[unit.point] { rows.field(value) }
                    if let error = result.error {
                        failedHere += 1
                        for _ in columns { rows.emptyField() }
                        rows.field("error")
                        rows.field(error)
                    } else {
                        for (index, column) in columns.enumerated() {
                            OutcomeFormatting.write(result.outcomes[index], kind: column.kind, labels: labels, into: &rows)
                        }
                        rows.field("ok")
                        rows.emptyField()
                    }
                    rows.endRow()
                }
                guard seriesWritten else { break }
                do {
                    let count = try state.finish(count: unit.replicates.count, failed: failedHere, rows: rows.bytes)
                    progress(count, total)
                } catch {
                    writeError.set(error)
                }
            }
        }
        if let error = writeError.error { throw error }
        try state.close()
        let (finalDone, finalFailed) = state.totals
        let signal = cancellation.signal
        if signal != 0 || finalDone < total {
            try manifest("interrupted", finalDone, finalFailed)
            return Outcome(folder: folder, total: total, done: finalDone, failed: finalFailed, executed: finalDone - done.count,
                           points: plan.points.count, interruptedBy: signal)
        }
        if request.shard.count == 1 {
            var aggregator = PointsAggregator(parameterPaths: spec.parameters.map(\.path), points: plan.points,
                                              replicates: spec.replicates, columns: columns)
            aggregator.variants = spec.variants
            let points = try aggregator.pointsCSV(runFiles: [runsPath])
            try AtomicFile.write(points, to: folder + "/points.csv")
        }
        try manifest("complete", finalDone, finalFailed)
        return Outcome(folder: folder, total: total, done: finalDone, failed: finalFailed, executed: finalDone - done.count,
                       points: plan.points.count, interruptedBy: 0)
    }

    /// A block of replicates of one point: the unit a worker takes.
    struct WorkUnit: Sendable {
        var point: Int
        var replicates: [Int]
    }

    /// Units in point order, only the shard's runs not already done, at most 16 runs each.
    static func workUnits(plan: SweepPlan, shard: Shard, done: Set<Int>) -> [WorkUnit] {
        var units: [WorkUnit] = []
        let replicates = plan.spec.replicates
        let pointCount = plan.points.count
        for point in 0..<pointCount {
            var block: [Int] = []
            for replicate in 0..<replicates where shard.contains(point: point, replicate: replicate, pointCount: pointCount)
                && !done.contains(point * replicates + replicate) {
                block.append(replicate)
                if block.count == 16 {
                    units.append(WorkUnit(point: point, replicates: block))
                    block.removeAll()
                }
            }
            if !block.isEmpty { units.append(WorkUnit(point: point, replicates: block)) }
        }
        return units
    }

    /// Applies the output-folder policy (``OutputTarget``) to the sweep's folder, then creates it, empties
    /// it (`--force` on an Entente results folder) or checks that `--resume` continues the same sweep,
    /// and locks it for this process (exit 73 when another process holds it). The lock is taken before
    /// anything in the folder is read, replaced or removed.
    static func prepareFolder(_ folder: String, base: String, request: Request, hash: String, inputs: [String] = []) throws -> FolderLock {
        if base != folder { _ = try OutputTarget(path: base, inputs: inputs) }  // `--out ''` with a shard, say
        let target = try OutputTarget(path: folder, inputs: inputs)
        if request.resume && (target.contents == .results || target.contents == .foreignFolder) {
            let lock = try FolderLock(folder: folder)
            // A `running` manifest whose process is gone (we hold the lock) is an interrupted sweep.
            let manifest = try SweepManifest.read(folder: folder)
            guard manifest.sweepHash == hash else {
                throw EntenteError.usage("\(folder) holds a sweep of different files (the sweep, scenario or design file changed since it started); rerun with --force to start over, or --out to write elsewhere")
            }
            guard manifest.shard == request.shard else {
                throw EntenteError.usage("\(folder) holds shard \(manifest.shard), not \(request.shard)")
            }
            return lock
        }
        try target.requireWritable(force: request.force, alternatives: "pass --resume to continue that sweep, --force to replace it, or --out to write elsewhere")
        _ = try CreatedDirectories.create(target.resolved.path, shown: folder)
        let lock = try FolderLock(folder: folder)
        if target.contents == .results {  // --force on a folder Entente wrote
            let fileManager = FileManager.default
            for item in (try? fileManager.contentsOfDirectory(atPath: folder)) ?? [] where item != FolderLock.fileName {
                try? fileManager.removeItem(atPath: folder + "/" + item)
            }
        }
        return lock
    }

    /// Reads a runs.csv left by an earlier session, checking every row (exit 65 on a malformed one):
    /// the runs done and how many failed. The file is cut after its last complete row; repeated rows
    /// of a run (all but the first) are removed, and so are the rows of runs to do again: failed runs
    /// with `retryFailed`, and, for `record: full` (`seriesRoot` given), runs whose series files are
    /// missing or cut.
    static func recoverRuns(path: String, header: [String], validator: inout RunsFileValidator,
                            retryFailed: Bool, seriesRoot: String?) throws -> (Set<Int>, Int) {
        var reader = try CSVLineReader(path: path)
        guard let firstRow = reader.next(), firstRow == header else {
            throw EntenteError.usage("\(path) does not have the columns this sweep writes; rerun with --force to start over")
        }
        let replicates = validator.replicates
        var done = Set<Int>()
        var failed = 0
        var kept: [Range<Int>] = [0..<reader.consumedBytes]
        var dropped = 0
        validator.acceptRepeats = true  // rows written twice (by a version without the folder lock) are dropped
        try validator.read(&reader, file: path) { row, start, end in
            if row.repeated {
                dropped += 1
                return
            }
            var redo = retryFailed && row.failed
            if !redo, !row.failed, let seriesRoot {
                let runFolder = seriesRoot + "/\(row.key / replicates)-\(row.key % replicates)"
                if !seriesComplete(folder: runFolder) {
                    redo = true
                    try? FileManager.default.removeItem(atPath: runFolder)
                }
            }
            if redo {
                dropped += 1
                return
            }
            done.insert(row.key)
            if row.failed { failed += 1 }
            if let last = kept.last, last.upperBound == start { kept[kept.count - 1] = last.lowerBound..<end } else { kept.append(start..<end) }
        }
        if dropped == 0 {
            guard truncate(path, off_t(reader.consumedBytes)) == 0 else {
                throw FileProblem.cannot("repair", path, errno: errno)
            }
        } else {
            try rewrite(path, keeping: kept)
        }
        return (done, failed)
    }

    /// Replaces `path` by the byte ranges `kept` of itself (atomically: a temporary file, synced, then renamed).
    static func rewrite(_ path: String, keeping kept: [Range<Int>]) throws {
        guard let input = FileHandle(forReadingAtPath: path) else { throw EntenteError.noInput("cannot read \(path)") }
        defer { try? input.close() }
        let temporary = path + ".partial-\(getpid())"
        let output = try OutputFile(path: temporary)
        do {
            for range in kept {
                try input.seek(toOffset: UInt64(range.lowerBound))
                var remaining = range.count
                while remaining > 0 {
                    let data = input.readData(ofLength: min(remaining, 1 << 20))
                    if data.isEmpty { break }
                    try output.write([UInt8](data))
                    remaining -= data.count
                }
            }
            try output.sync()
            try output.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw EntenteError.cannotCreate("cannot repair \(path): \(reason)")
        }
    }

    /// True when a run's five series files are all there, each starting with its header and ending with a newline.
    static func seriesComplete(folder: String) -> Bool {
        for (name, columns) in SeriesRecorder.headers {
            let header = Array((columns.joined(separator: ",") + "\n").utf8)
            guard let handle = FileHandle(forReadingAtPath: folder + "/" + name) else { return false }
            defer { try? handle.close() }
            guard [UInt8](handle.readData(ofLength: header.count)) == header,
                  let size = try? handle.seekToEnd(), size >= UInt64(header.count) else { return false }
            try? handle.seek(toOffset: size - 1)
            guard handle.readData(ofLength: 1).first == 10 else { return false }
        }
        return true
    }

    /// Writes a run's five series files, each synced to disk before it is renamed into place, then
    /// syncs the run's folder: once this returns, the run's row may be recorded.
    static func writeSeries(_ recorder: SeriesRecorder, folder: String) throws {
        // Only the run's own folder is created: if the results folder was removed, stop instead of recreating part of it.
        var isDirectory: ObjCBool = false
        if !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            } catch {
                throw EntenteError.cannotCreate("cannot create \(folder): \(FileProblem.cause(of: error)) (was the results folder removed while the sweep was running?)")
            }
        }
        let buffers = [recorder.trust, recorder.affinity, recorder.states, recorder.blocs, recorder.events]
        for ((name, columns), body) in zip(SeriesRecorder.headers, buffers) {
            try AtomicFile.write(CSVBuffer(header: columns).bytes + body.bytes, to: folder + "/" + name, durable: true)
        }
        try OutputFile.syncFolder(folder)
    }
}

/// The work queue, counters and runs.csv shared by sweep workers, all behind one lock.
///
/// `@unchecked Sendable`: every stored property is read and written under `lock`.
final class SharedProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done: Int
    private var failed: Int
    private let file: OutputFile

    init(done: Int, failed: Int, file: OutputFile) {
        self.done = done
        self.failed = failed
        self.file = file
    }

    func close() throws {
        lock.lock()
        defer { lock.unlock() }
        try file.close()
    }

    func nextUnit(_ units: [SweepRunner.WorkUnit]) -> SweepRunner.WorkUnit? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < units.count else { return nil }
        nextIndex += 1
        return units[nextIndex - 1]
    }

    /// Appends finished rows to runs.csv (whole, under the lock) and counts them; returns the runs done so far.
    func finish(count: Int, failed failedCount: Int, rows: [UInt8]) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        try file.write(rows)
        if file.isDeleted {
            throw EntenteError.cannotCreate("\(file.path) was deleted while the sweep was running (was its folder removed or moved?); the sweep stopped, and the runs it recorded are lost")
        }
        done += count
        failed += failedCount
        return done
    }

    var totals: (Int, Int) {
        lock.lock()
        defer { lock.unlock() }
        return (done, failed)
    }
}

/// The first error a worker hit while writing.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    func set(_ error: Error) {
        lock.lock()
        if stored == nil { stored = error }
        lock.unlock()
    }

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
