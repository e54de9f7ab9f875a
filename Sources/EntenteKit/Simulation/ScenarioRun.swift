import Foundation

/// `entente run`: R replicates of one scenario, time series and outcomes written atomically to a folder.
public struct ScenarioRun {
    /// What to run.
    public struct Request: Sendable {
        /// Scenario file.
        public var path: String
        /// Variant to apply, if any.
        public var variant: String?
        /// `--set NAME=VALUE` overrides.
        public var settings: [String] = []
        /// Replicates, overriding the file's.
        public var replicates: Int?
        /// Seed, overriding the file's.
        public var seed: UInt64?
        /// Output folder; default `Results/<stem>/`.
        public var out: String?
        /// Recording options.
        public var record = RecordOptions()
        /// Write the time-series files gzip-compressed (`trust.csv.gz` …; `--compress`).
        public var compress = false
        /// Replace an existing folder.
        public var force = false
        /// Worker threads.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// Most bytes of time-series rows held in memory at once (docs/reliability.md#memory-budget);
        /// rows beyond it wait in spool files beside the results.
        public var seriesMemoryBudget = ScenarioRun.defaultSeriesMemoryBudget
        /// The command line, for the manifest.
        public var commandLine = ""
        /// Run under parameter sets drawn from a calibration (`--posterior`), nil for the scenario's own.
        public var posterior: PosteriorOptions?

        /// A request for `path`.
        public init(path: String) { self.path = path }
    }

    /// The default ``Request/seriesMemoryBudget``: 256 MiB.
    public static let defaultSeriesMemoryBudget = 256 << 20

    /// What a finished run reports.
    public struct Summary {
        /// Where the results went.
        public var folder: String
        /// Replicates run.
        public var replicates: Int
        /// Outcome columns and their means over replicates (flags and numbers only).
        public var means: [(name: String, mean: Double)]
        /// The same outcomes' full summaries (n, mean, 95% interval, sd, percentiles), in the same order.
        public var statistics: [(name: String, summary: EntenteCore.Summary)] = []
        /// With `--posterior`: each outcome's estimate over draws and replicates, in the same order as `means`.
        public var posterior: [(name: String, estimate: PosteriorEstimate)] = []
        /// Replicates that failed, with their messages.
        public var failures: [(replicate: Int, message: String)]
    }

    /// Runs the request; `progress(done, total)` is called from the writing thread.
    public static func execute(_ request: Request, progress: (Int, Int) -> Void = { _, _ in }) throws -> Summary {
        if let posterior = request.posterior { return try executePosterior(request, posterior: posterior) }
        let started = Date()
        let scenario = try ScenarioLoader().load(path: request.path, variant: request.variant, settings: request.settings)
        if request.record.landscape { try LandscapeSnapshot.checkSize(states: scenario.states.count) }
        let replicates = request.replicates ?? scenario.replicates
        let seed = request.seed ?? scenario.seed
        let stem = URL(fileURLWithPath: request.path).deletingPathExtension().lastPathComponent
        let out = request.out ?? "Results/\(stem)" + (request.variant.map { "-\($0)" } ?? "")
        let folder = try ResultsFolder(path: out, force: request.force, inputs: [request.path])
        do {
            let summary = try write(scenario: scenario, replicates: replicates, seed: seed, request: request,
                                    folder: folder, started: started, progress: progress)
            try folder.commit()
            return Summary(folder: out, replicates: replicates, means: summary.statistics.map { ($0.0, $0.1.mean) },
                           statistics: summary.statistics, failures: summary.failures)
        } catch {
            folder.discard()
            throw error
        }
    }

    private static func write(scenario: Scenario, replicates: Int, seed: UInt64, request: Request, folder: ResultsFolder,
                              started: Date, progress: (Int, Int) -> Void) throws -> (statistics: [(String, EntenteCore.Summary)], failures: [(Int, String)]) {
        let engine = Engine(scenario: scenario)
        let labels = scenario.calendar.labels
        let record = request.record
        let files = try SeriesFiles.create(in: folder, record: record, compress: request.compress, variantColumn: false, model: scenario.model)
        let columns = engine.outcomeColumns
        var outcomes = CSVBuffer(header: ["replicate"] + columns.map(\.name))
        var values: [[Double]] = Array(repeating: [], count: columns.count)
        var failures: [(Int, String)] = []
        let workers = max(1, min(request.jobs, replicates))
        let budget = max(1, request.seriesMemoryBudget)
        // Check that the budget can be had at all before any buffer grows towards it: under a memory
        // limit (ulimit -v, a cgroup without overcommit) this fails cleanly instead of trapping later.
        guard let probe = malloc(budget) else {
            throw EntenteError.software("cannot allocate the \(budget >> 20) MiB that time series may take in memory (the memory budget of `entente run`, docs/reliability.md#memory-budget); raise the memory limit, or lower the budget with --series-memory MiB")
        }
        free(probe)
        let steps = record.steps ? try StepSummary(scenario: scenario, options: record, replicates: replicates, budget: budget) : nil
        let spoolPrefix = folder.staging.appendingPathComponent(".spool").path
        try withoutActuallyEscaping(progress) { progress in
            nonisolated(unsafe) let report = progress  // called under the stream's lock only, one call at a time
            let stream = SeriesStream(files: files, total: replicates, workers: workers, budget: budget, steps: steps) { report($0, replicates) }
            let threshold = stream.threshold
            ParallelMap.forEachWorker(count: workers) { _ in
                while let replicate = stream.claim() {
                    let recorder = SeriesRecorder(replicate: replicate, scenario: scenario, labels: labels, options: record)
                    var spilling = SpillingRecorder(recorder: recorder, threshold: threshold, spoolPrefix: spoolPrefix + "-\(replicate)")
                    let result = engine.run(replicate: replicate, seed: seed, observer: &spilling)
                    stream.finish(replicate, spilling, result: result)
                }
            }
            if let error = stream.error { throw error }
            for (replicate, result) in stream.runResults.enumerated() {
                guard let result else { continue }
                if let error = result.error { failures.append((replicate, error)) }
                outcomes.field(replicate)
                for (index, column) in columns.enumerated() {
                    let value = result.outcomes[index]
                    OutcomeFormatting.write(value, kind: column.kind, labels: labels, into: &outcomes)
                    values[index].append(value)
                }
                outcomes.endRow()
            }
        }
        for file in files { try file?.close() }
        try folder.write("outcomes.csv", bytes: outcomes.bytes)
        if let steps { try folder.write("steps.csv", bytes: steps.csv(labels: labels)) }
        let run = ScenarioRunManifest(command: request.commandLine, scenario: scenario, scenarioPath: request.path,
                                      variant: request.variant, settings: request.settings, seed: seed, replicates: replicates,
                                      started: started)
        let manifest = RunManifest(run: run, record: request.record, failedReplicates: failures.count,
                                   compressed: request.compress)
        try folder.write("manifest.json", bytes: manifest.encoded())
        let statistics = columns.enumerated().filter { $0.element.kind != .date }.map { index, column in
            (column.name, Statistics.summarize(values[index], binary: column.kind == .flag))
        }
        return (statistics, failures)
    }
}
