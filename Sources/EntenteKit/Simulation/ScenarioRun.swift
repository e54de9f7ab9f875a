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
        /// Replace an existing folder.
        public var force = false
        /// Worker threads.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// The command line, for the manifest.
        public var commandLine = ""

        /// A request for `path`.
        public init(path: String) { self.path = path }
    }

    /// What a finished run reports.
    public struct Summary {
        /// Where the results went.
        public var folder: String
        /// Replicates run.
        public var replicates: Int
        /// Outcome columns and their means over replicates (flags and numbers only).
        public var means: [(name: String, mean: Double)]
        /// Replicates that failed, with their messages.
        public var failures: [(replicate: Int, message: String)]
    }

    /// Runs the request; `progress(done, total)` is called from the writing thread.
    public static func execute(_ request: Request, progress: (Int, Int) -> Void = { _, _ in }) throws -> Summary {
        let started = Date()
        let scenario = try ScenarioLoader().load(path: request.path, variant: request.variant, settings: request.settings)
        let replicates = request.replicates ?? scenario.replicates
        let seed = request.seed ?? scenario.seed
        let stem = URL(fileURLWithPath: request.path).deletingPathExtension().lastPathComponent
        let out = request.out ?? "Results/\(stem)" + (request.variant.map { "-\($0)" } ?? "")
        let folder = try ResultsFolder(path: out, force: request.force, inputs: [request.path])
        do {
            let summary = try write(scenario: scenario, replicates: replicates, seed: seed, request: request,
                                    folder: folder, started: started, progress: progress)
            try folder.commit()
            return Summary(folder: out, replicates: replicates, means: summary.means, failures: summary.failures)
        } catch {
            folder.discard()
            throw error
        }
    }

    private static func write(scenario: Scenario, replicates: Int, seed: UInt64, request: Request, folder: ResultsFolder,
                              started: Date, progress: (Int, Int) -> Void) throws -> (means: [(String, Double)], failures: [(Int, String)]) {
        let engine = Engine(scenario: scenario)
        let labels = scenario.calendar.labels
        let record = request.record
        var files: [OutputFile] = []
        for (name, columns) in SeriesRecorder.headers {
            let file = try folder.create(name)
            var header = CSVBuffer(header: columns)
            try file.flush(&header)
            files.append(file)
        }
        let columns = engine.outcomeColumns
        var outcomes = CSVBuffer(header: ["replicate"] + columns.map(\.name))
        var values: [[Double]] = Array(repeating: [], count: columns.count)
        var failures: [(Int, String)] = []
        let jobs = max(1, request.jobs)
        let batch = max(1, jobs * 4)
        var next = 0
        while next < replicates {
            let range = next..<min(replicates, next + batch)
            let results = ParallelMap.run(count: range.count, jobs: jobs) { offset -> (SeriesRecorder, RunResult) in
                var recorder = SeriesRecorder(replicate: range.lowerBound + offset, scenario: scenario, labels: labels, options: record)
                let result = engine.run(replicate: range.lowerBound + offset, seed: seed, observer: &recorder)
                return (recorder, result)
            }
            for (offset, (recorder, result)) in results.enumerated() {
                var recorder = recorder
                try files[0].flush(&recorder.trust)
                try files[1].flush(&recorder.affinity)
                try files[2].flush(&recorder.states)
                try files[3].flush(&recorder.blocs)
                try files[4].flush(&recorder.events)
                let replicate = range.lowerBound + offset
                if let error = result.error { failures.append((replicate, error)) }
                outcomes.field(replicate)
                for (index, column) in columns.enumerated() {
                    let value = result.outcomes[index]
                    OutcomeFormatting.write(value, kind: column.kind, labels: labels, into: &outcomes)
                    values[index].append(value)
                }
                outcomes.endRow()
            }
            next = range.upperBound
            progress(next, replicates)
        }
        for file in files { try file.close() }
        try folder.write("outcomes.csv", bytes: outcomes.bytes)
        var manifest = Manifest(command: request.commandLine, scenario: scenario, scenarioPath: request.path,
                                variant: request.variant, settings: request.settings, seed: seed, replicates: replicates,
                                started: started, duration: Date().timeIntervalSince(started))
        manifest.fields["record"] = ["every": request.record.every, "trust": request.record.trust.rawValue]
        manifest.fields["failed_replicates"] = failures.count
        try folder.write("manifest.json", bytes: manifest.encoded())
        let means = columns.enumerated().filter { $0.element.kind != .date }.map { index, column in
            (column.name, Statistics.summarize(values[index], binary: column.kind == .flag).mean)
        }
        return (means, failures)
    }
}
