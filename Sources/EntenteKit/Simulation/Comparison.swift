import Foundation

/// `entente compare`: the baseline and every declared variant, each replicate on the same
/// random stream key (common random numbers), with paired effects and confidence intervals.
public struct Comparison {
    /// What to compare.
    public struct Request: Sendable {
        /// Scenario file.
        public var path: String
        /// Output folder; default `Results/<stem>/compare/`.
        public var out: String?
        /// Replicates, overriding the file's.
        public var replicates: Int?
        /// Seed, overriding the file's.
        public var seed: UInt64?
        /// Overrides applied to the baseline and every variant.
        public var settings: [String] = []
        /// Replace an existing folder.
        public var force = false
        /// Worker threads.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// Command line for the manifest.
        public var commandLine = ""
        /// Run under parameter sets drawn from a calibration (`--posterior`), nil for the scenario's own.
        public var posterior: PosteriorOptions?
        /// `--record`: write every arm's time series (with a `variant` column), nil for none.
        public var record: RecordOptions?
        /// Write the time series gzip-compressed (`--compress`).
        public var compress = false
        /// Most bytes of time-series rows held in memory at once (as ``ScenarioRun/Request/seriesMemoryBudget``).
        public var seriesMemoryBudget = ScenarioRun.defaultSeriesMemoryBudget

        /// A request for `path`.
        public init(path: String) { self.path = path }
    }

    /// One row of effects.csv.
    public struct Effect: Sendable {
        public var variant: String
        public var outcome: String
        public var n: Int
        public var baselineMean: Double
        public var variantMean: Double
        public var difference: Double
        public var ci95Low: Double
        public var ci95High: Double
        public var variantLow: Double
        public var variantHigh: Double
    }

    /// What `compare` reports.
    public struct Result {
        /// Output folder.
        public var folder: String
        /// Number of variants (baseline excluded).
        public var variants: Int
        /// Replicates per variant.
        public var replicates: Int
        /// All effects.
        public var effects: [Effect]
    }

    /// The columns of effects.csv.
    public static let effectColumns = ["variant", "outcome", "n", "baseline_mean", "variant_mean", "difference",
                                       "ci95_low", "ci95_high", "variant_ci95_low", "variant_ci95_high"]

    /// Runs the comparison and writes its folder; `progress(done, total)` counts replicates over all arms
    /// (baseline and variants), called one at a time from the worker threads.
    public static func execute(_ request: Request, progress: (Int, Int) -> Void = { _, _ in }) throws -> Result {
        if let posterior = request.posterior { return try executePosterior(request, posterior: posterior) }
        let started = Date()
        let scenarios = try ScenarioLoader().loadArms(path: request.path, settings: request.settings)
        let base = scenarios[0]
        guard !base.variants.isEmpty else {
            throw EntenteError.usage("\(request.path) declares no variants; add a `variants:` list (docs/scenario-format.md)")
        }
        let replicates = request.replicates ?? base.replicates
        let seed = request.seed ?? base.seed
        let names = ["baseline"] + base.variants.map(\.name)
        let columns = Engine(scenario: base).outcomeColumns
        let stem = URL(fileURLWithPath: request.path).deletingPathExtension().lastPathComponent
        let out = request.out ?? "Results/\(stem)/compare"
        if let record = request.record { try record.checkDrivers(models: scenarios.map(\.model)) }
        let folder = try ResultsFolder(path: out, force: request.force, inputs: [request.path])  // refuse an existing folder before any run
        let results: [[[Double]]]
        do {
            if let record = request.record {
                if record.landscape { try LandscapeSnapshot.checkSize(states: base.states.count) }
                results = try runArmsRecording(scenarios, names: names, replicates: replicates, seed: seed, request: request,
                                               record: record, folder: folder, report: progress)
            } else {
                results = try runArms(scenarios, replicates: replicates, seed: seed, jobs: request.jobs, report: progress)
            }
        } catch {
            folder.discard()
            throw error
        }
        let outcomes = outcomesCSV(names: names, results: results, replicates: replicates, columns: columns, labels: base.calendar.labels)
        let paired = effects(names: names, results: results, columns: columns)
        let table = effectsCSV(paired)
        do {
            try folder.write("outcomes.csv", bytes: outcomes.bytes)
            try folder.write("effects.csv", bytes: table.bytes)
            let run = ScenarioRunManifest(command: request.commandLine, scenario: base, scenarioPath: request.path, variant: nil,
                                          settings: request.settings, seed: seed, replicates: replicates, started: started)
            var manifest = CompareManifest(run: run, variants: names)
            manifest.record = request.record.map(RunManifest.Record.init)
            manifest.compressed = request.compress ? true : nil
            try folder.write("manifest.json", bytes: manifest.encoded())
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
        return Result(folder: out, variants: names.count - 1, replicates: replicates, effects: paired)
    }

    /// The paired effect of a variant on one outcome: means, difference with a paired-t 95% interval,
    /// and the variant mean's own interval (Wilson for 0/1 outcomes).
    public static func effect(variant: String, outcome: String, baseline: [Double], values: [Double], binary: Bool) -> Effect {
        var differences: [Double] = []
        var pairedBaseline: [Double] = []
        var pairedVariant: [Double] = []
        for (b, v) in zip(baseline, values) where !b.isNaN && !v.isNaN {
            differences.append(v - b)
            pairedBaseline.append(b)
            pairedVariant.append(v)
        }
        let difference = Statistics.summarize(differences, binary: false)
        var interval = (difference.ci95Low, difference.ci95High)
        if difference.n > 1 && difference.sd == 0 { interval = (difference.mean, difference.mean) }
        let variantSummary = Statistics.summarize(pairedVariant, binary: binary)
        return Effect(variant: variant, outcome: outcome, n: differences.count,
                      baselineMean: Statistics.summarize(pairedBaseline, binary: binary).mean,
                      variantMean: variantSummary.mean, difference: difference.mean,
                      ci95Low: interval.0, ci95High: interval.1,
                      variantLow: variantSummary.ci95Low, variantHigh: variantSummary.ci95High)
    }
}
