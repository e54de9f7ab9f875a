import Foundation

extension ScenarioRun {
    /// The columns of summary.csv (written by `run --posterior` only).
    public static let posteriorSummaryColumns = ["outcome", "n", "draws", "mean", "ci95_low", "ci95_high", "draw_q05", "draw_q95"]

    /// `run --posterior`: the scenario (and variant) under M drawn parameter sets × R replicates.
    /// Writes outcomes.csv (draw, replicate, outcomes), summary.csv, draws.csv and manifest.json; no
    /// time series (M × R histories; rerun one draw with --set from draws.csv to record it).
    static func executePosterior(_ request: Request, posterior: PosteriorOptions) throws -> Summary {
        let started = Date()
        let source = try PosteriorSource.load(folder: posterior.folder, allowIncomplete: posterior.allowIncomplete)
        // The draws run under the rule set they were fitted under (a different --model is refused).
        var request = request
        request.settings = try source.applyingModel(to: request.settings)
        let scenario = try ScenarioLoader().load(path: request.path, variant: request.variant, settings: request.settings)
        let replicates = request.replicates ?? scenario.replicates
        let seed = request.seed ?? scenario.seed
        let variant = request.variant.flatMap { name in scenario.variants.first { $0.name == name } }
        let arm = PosteriorExperiment.Arm(name: request.variant ?? "baseline", scenario: scenario,
                                          kept: PosteriorExperiment.keptParameters(of: variant, fitted: source.parameters))
        let experiment = try PosteriorExperiment(source: source, arms: [arm], draws: posterior.draws, replicates: replicates,
                                                 seed: seed, settings: request.settings)
        let stem = URL(fileURLWithPath: request.path).deletingPathExtension().lastPathComponent
        let out = request.out ?? "Results/\(stem)" + (request.variant.map { "-\($0)" } ?? "") + "-posterior"
        let folder = try ResultsFolder(path: out, force: request.force, inputs: [request.path])
        do {
            let outcomes = try experiment.run(jobs: request.jobs)[0]
            let columns = Engine(scenario: scenario).outcomeColumns
            let labels = scenario.calendar.labels
            var table = CSVBuffer(header: ["draw", "replicate"] + columns.map(\.name))
            for (draw, runs) in outcomes.enumerated() {
                for (replicate, values) in runs.enumerated() {
                    table.field(draw)
                    table.field(replicate)
                    for (index, column) in columns.enumerated() {
                        OutcomeFormatting.write(values[index], kind: column.kind, labels: labels, into: &table)
                    }
                    table.endRow()
                }
            }
            let summarised = columns.indices.filter { columns[$0].kind != .date }
            let estimates = ParallelMap.run(count: summarised.count, jobs: request.jobs) { row in
                PosteriorEstimator.estimate(PosteriorExperiment.grouped(outcomes, column: summarised[row]),
                                            random: PosteriorEstimator.stream(seed: seed, row: row))
            }
            var summary = CSVBuffer(header: posteriorSummaryColumns)
            for (row, index) in summarised.enumerated() {
                let estimate = estimates[row]
                summary.field(columns[index].name); summary.field(estimate.n); summary.field(estimate.draws)
                summary.field(estimate.mean); summary.field(estimate.ci95Low); summary.field(estimate.ci95High)
                summary.field(estimate.drawQ05); summary.field(estimate.drawQ95)
                summary.endRow()
            }
            try folder.write("outcomes.csv", bytes: table.bytes)
            try folder.write("summary.csv", bytes: summary.bytes)
            try folder.write("draws.csv", bytes: experiment.drawsTable().bytes)
            let run = ScenarioRunManifest(command: request.commandLine, scenario: scenario, scenarioPath: request.path,
                                          variant: request.variant, settings: request.settings, seed: seed, replicates: replicates,
                                          started: started)
            let manifest = RunManifest(run: run, posterior: experiment.manifestEntry(), failedReplicates: 0)
            try folder.write("manifest.json", bytes: manifest.encoded())
            try folder.commit()
            let means = summarised.enumerated().map { row, index in (columns[index].name, estimates[row].mean) }
            var result = Summary(folder: out, replicates: replicates, means: means, failures: [])
            result.posterior = summarised.enumerated().map { row, index in (columns[index].name, estimates[row]) }
            return result
        } catch {
            folder.discard()
            throw error
        }
    }
}
