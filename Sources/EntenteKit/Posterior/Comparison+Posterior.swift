import Foundation

extension Comparison {
    /// The columns effects.csv has after ``effectColumns`` under `compare --posterior`.
    public static let posteriorEffectColumns = ["draws", "difference_draw_q05", "difference_draw_q95", "variant_draw_q05", "variant_draw_q95"]

    /// `compare --posterior`: baseline and variants under the same M drawn parameter sets, paired
    /// within each draw by common random numbers. Writes outcomes.csv (variant, draw, replicate,
    /// outcomes), effects.csv (the usual columns, then ``posteriorEffectColumns``), draws.csv, manifest.json.
    static func executePosterior(_ request: Request, posterior: PosteriorOptions) throws -> Result {
        let started = Date()
        let source = try PosteriorSource.load(folder: posterior.folder, allowIncomplete: posterior.allowIncomplete)
        // The draws run under the rule set they were fitted under (a different --model is refused).
        var request = request
        request.settings = try source.applyingModel(to: request.settings)
        let scenarios = try ScenarioLoader().loadArms(path: request.path, settings: request.settings)
        let base = scenarios[0]
        guard !base.variants.isEmpty else {
            throw EntenteError.usage("\(request.path) declares no variants; add a `variants:` list (docs/scenario-format.md)")
        }
        let replicates = request.replicates ?? base.replicates
        let seed = request.seed ?? base.seed
        var arms = [PosteriorExperiment.Arm(name: "baseline", scenario: base, kept: [])]
        for (variant, scenario) in zip(base.variants, scenarios.dropFirst()) {
            arms.append(PosteriorExperiment.Arm(name: variant.name, scenario: scenario,
                                                kept: PosteriorExperiment.keptParameters(of: variant, fitted: source.parameters)))
        }
        let experiment = try PosteriorExperiment(source: source, arms: arms, draws: posterior.draws, replicates: replicates,
                                                 seed: seed, settings: request.settings)
        let stem = URL(fileURLWithPath: request.path).deletingPathExtension().lastPathComponent
        let out = request.out ?? "Results/\(stem)/compare-posterior"
        let folder = try ResultsFolder(path: out, force: request.force, inputs: [request.path])
        do {
            let results = try experiment.run(jobs: request.jobs)
            let columns = Engine(scenario: base).outcomeColumns
            let labels = base.calendar.labels
            var outcomes = CSVBuffer(header: ["variant", "draw", "replicate"] + columns.map(\.name))
            for (a, arm) in arms.enumerated() {
                for draw in 0..<posterior.draws {
                    for replicate in 0..<replicates {
                        outcomes.field(arm.name); outcomes.field(draw); outcomes.field(replicate)
                        for (index, column) in columns.enumerated() {
                            OutcomeFormatting.write(results[a][draw][replicate][index], kind: column.kind, labels: labels, into: &outcomes)
                        }
                        outcomes.endRow()
                    }
                }
            }
            let keys: [(arm: Int, column: Int)] = (1..<arms.count).flatMap { a in
                columns.indices.filter { columns[$0].kind != .date }.map { (arm: a, column: $0) }
            }
            // Row e of effects.csv: the difference resampled on stream 2e, the variant mean on 2e + 1.
            let rows = ParallelMap.run(count: keys.count, jobs: request.jobs) { row -> (PosteriorEffect) in
                let key = keys[row]
                return PosteriorEffect(baseline: PosteriorExperiment.grouped(results[0], column: key.column),
                                       variant: PosteriorExperiment.grouped(results[key.arm], column: key.column),
                                       seed: seed, row: row)
            }
            var effects: [Effect] = []
            var table = CSVBuffer(header: effectColumns + posteriorEffectColumns)
            for (row, key) in keys.enumerated() {
                let estimate = rows[row]
                let effect = Effect(variant: arms[key.arm].name, outcome: columns[key.column].name, n: estimate.difference.n,
                                    baselineMean: estimate.baselineMean, variantMean: estimate.variant.mean,
                                    difference: estimate.difference.mean, ci95Low: estimate.difference.ci95Low,
                                    ci95High: estimate.difference.ci95High, variantLow: estimate.variant.ci95Low,
                                    variantHigh: estimate.variant.ci95High)
                effects.append(effect)
                table.field(effect.variant); table.field(effect.outcome); table.field(effect.n)
                table.field(effect.baselineMean); table.field(effect.variantMean); table.field(effect.difference)
                table.field(effect.ci95Low); table.field(effect.ci95High); table.field(effect.variantLow); table.field(effect.variantHigh)
                table.field(estimate.difference.draws)
                table.field(estimate.difference.drawQ05); table.field(estimate.difference.drawQ95)
                table.field(estimate.variant.drawQ05); table.field(estimate.variant.drawQ95)
                table.endRow()
            }
            try folder.write("outcomes.csv", bytes: outcomes.bytes)
            try folder.write("effects.csv", bytes: table.bytes)
            try folder.write("draws.csv", bytes: experiment.drawsTable().bytes)
            let run = ScenarioRunManifest(command: request.commandLine, scenario: base, scenarioPath: request.path, variant: nil,
                                          settings: request.settings, seed: seed, replicates: replicates, started: started)
            let manifest = CompareManifest(run: run, variants: arms.map(\.name), posterior: experiment.manifestEntry())
            try folder.write("manifest.json", bytes: manifest.encoded())
            try folder.commit()
            return Result(folder: out, variants: arms.count - 1, replicates: replicates, effects: effects)
        } catch {
            folder.discard()
            throw error
        }
    }
}

/// One effect under a posterior: the paired values of baseline and variant, grouped by draw.
struct PosteriorEffect: Sendable {
    /// The difference variant − baseline.
    var difference: PosteriorEstimate
    /// The variant's mean.
    var variant: PosteriorEstimate
    /// The baseline's mean over the same paired runs.
    var baselineMean: Double

    /// Pairs run (draw, replicate) of both arms when both have a value, and estimates on the streams of row `row`.
    init(baseline: [[Double]], variant: [[Double]], seed: UInt64, row: Int) {
        var differences: [[Double]] = [], pairedBaseline: [[Double]] = [], pairedVariant: [[Double]] = []
        for (b, v) in zip(baseline, variant) {
            var d: [Double] = [], pb: [Double] = [], pv: [Double] = []
            for (x, y) in zip(b, v) where !x.isNaN && !y.isNaN { d.append(y - x); pb.append(x); pv.append(y) }
            differences.append(d); pairedBaseline.append(pb); pairedVariant.append(pv)
        }
        difference = PosteriorEstimator.estimate(differences, random: PosteriorEstimator.stream(seed: seed, row: 2 * row))
        self.variant = PosteriorEstimator.estimate(pairedVariant, random: PosteriorEstimator.stream(seed: seed, row: 2 * row + 1))
        baselineMean = PosteriorEstimator.estimate(pairedBaseline, random: PosteriorEstimator.stream(seed: seed, row: 0), resamples: 0).mean
    }
}
