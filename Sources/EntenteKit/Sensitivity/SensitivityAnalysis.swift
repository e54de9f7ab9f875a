import Foundation

/// `entente analyze RESULTS_DIR`: Sobol indices (saltelli design) or Morris statistics (morris design)
/// of every numeric outcome of a complete sweep folder, written to `sensitivity.csv`.
///
/// The model output at a point is the mean of the outcome over the point's successful replicates
/// (a flag's mean is a probability). A paired sweep (`variants:`) adds, per variant and outcome, the
/// effect `VARIANT:OUTCOME:difference` (its output at a point is the mean paired difference) with the
/// shares of points whose paired 95 % interval lies above or below zero. Bootstrap intervals draw from the stream
/// `RandomStream(seed: sweep seed, point: −2, replicate: outcome number)` (outcome number = position
/// among the numeric outcome columns, from 0), so they never share draws with a run or a design.
public enum SensitivityAnalysis {
    /// Bootstrap resamples per index.
    public static let resamples = 1000
    /// The header of sensitivity.csv.
    public static let header = ["outcome", "parameter", "parameter2", "index", "value", "ci95_low", "ci95_high"]

    /// True when `folder`'s manifest names a saltelli or morris design of one shard (or a merged sweep):
    /// `entente sweep` and `entente merge` then analyse it when they finish.
    public static func applies(to folder: String) -> Bool {
        guard let manifest = SweepManifest.decoded(folder: folder) else { return false }
        return manifest.shard.count == 1 && (manifest.design == DesignName.saltelli.rawValue || manifest.design == DesignName.morris.rawValue)
    }

    /// Analyses `folder` and writes `folder/sensitivity.csv` atomically; returns its path and the number of rows.
    @discardableResult
    public static func analyze(folder: String) throws -> (path: String, rows: Int) {
        let manifestPath = folder + "/manifest.json"
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw EntenteError.noInput("\(manifestPath) not found; expected the output folder of `entente sweep`")
        }
        guard let manifest = SweepManifest.decoded(folder: folder) else {
            throw EntenteError.data([Diagnostic("\(manifestPath) is not a sweep manifest with design, points, replicates, seed, parameters and outcome_columns; expected a folder written by `entente sweep`", at: nil)])
        }
        guard manifest.design == DesignName.saltelli.rawValue || manifest.design == DesignName.morris.rawValue else {
            throw EntenteError.data([Diagnostic("\(folder) holds a \(manifest.design) design; sensitivity indices need `design: saltelli` or `design: morris`", at: nil)])
        }
        guard manifest.shard.count == 1 else {
            throw EntenteError.data([Diagnostic("\(folder) is one shard of \(manifest.shard.count); merge the shards with `entente merge` and analyse the merged folder", at: nil)])
        }
        guard manifest.status == "complete" else {
            throw EntenteError.data([Diagnostic("\(folder) is \(manifest.status), not complete; finish it with `entente sweep SWEEP --out \(folder) --resume` first", at: nil)])
        }
        let table = try RunsTable.read(path: folder + "/runs.csv", manifest: manifest)
        let bytes = try csv(manifest: manifest, table: table)
        let path = folder + "/sensitivity.csv"
        try AtomicFile.write(bytes.bytes, to: path)
        return (path, bytes.rows)
    }

    /// The bytes of sensitivity.csv.
    static func csv(manifest: SweepManifest, table: RunsTable) throws -> (bytes: [UInt8], rows: Int) {
        var output = CSVBuffer(header: header)
        var rows = 0
        func row(_ outcome: String, _ parameter: String, _ parameter2: String, _ index: String, _ value: Double, _ halfWidth: Double?) {
            output.field(outcome); output.field(parameter); output.field(parameter2); output.field(index); output.field(value)
            if let halfWidth { output.field(value - halfWidth); output.field(value + halfWidth) } else { output.emptyField(); output.emptyField() }
            output.endRow()
            rows += 1
        }
        let names = manifest.parameters.map(\.path)
        let k = names.count
        let secondOrder = manifest.designOptions?.secondOrder ?? true
        let levels = manifest.designOptions?.levels ?? 4
        for (number, outcome) in table.outcomes.enumerated() {
            let means = table.pointMeans(outcome: number)
            if let point = means.firstIndex(where: { $0.isNaN }) {
                throw EntenteError.data([Diagnostic("outcome '\(outcome)' has no successful replicate at point \(point); indices need a value at every point (rerun failed runs with --resume --retry-failed)", at: nil)])
            }
            let random = RandomStream(seed: manifest.seed, point: -2, replicate: number)
            if manifest.design == DesignName.saltelli.rawValue {
                // Nil when the outcome does not vary over A and B: every index is then undefined (empty cells).
                let indices = SobolIndices.estimate(outputs: means, dimensions: k, secondOrder: secondOrder,
                                                    resamples: resamples, random: random)
                    ?? SobolIndices(firstOrder: Array(repeating: .init(value: .nan, halfWidth: .nan), count: k),
                                    totalOrder: Array(repeating: .init(value: .nan, halfWidth: .nan), count: k),
                                    secondOrder: secondOrder ? Array(repeating: .init(value: .nan, halfWidth: .nan), count: k * (k - 1) / 2) : [])
                for (i, name) in names.enumerated() {
                    row(outcome, name, "", "S1", indices.firstOrder[i].value, indices.firstOrder[i].halfWidth)
                    row(outcome, name, "", "ST", indices.totalOrder[i].value, indices.totalOrder[i].halfWidth)
                }
                var slot = 0
                for i in 0..<k where !indices.secondOrder.isEmpty {
                    for j in (i + 1)..<max(i + 1, k) {
                        row(outcome, names[i], names[j], "S2", indices.secondOrder[slot].value, indices.secondOrder[slot].halfWidth)
                        slot += 1
                    }
                }
            } else {
                guard let indices = MorrisIndices.estimate(points: manifest.points, outputs: means, levels: levels,
                                                           resamples: resamples, random: random) else {
                    throw EntenteError.data([Diagnostic("the points of this morris design do not form trajectories that change one parameter per step", at: nil)])
                }
                for (i, name) in names.enumerated() {
                    row(outcome, name, "", "mu", indices.mu[i], nil)
                    row(outcome, name, "", "mu_star", indices.muStar[i], indices.muStarHalfWidth[i])
                    row(outcome, name, "", "sigma", indices.sigma[i], nil)
                }
            }
            let noise = table.noiseShares(outcome: number)
            row(outcome, "", "", "noise_share", noise.single, nil)
            row(outcome, "", "", "noise_share_of_means", noise.ofMeans, nil)
            if let shares = table.effectShares(outcome: number) {
                row(outcome, "", "", "share_positive", shares.positive, nil)
                row(outcome, "", "", "share_negative", shares.negative, nil)
            }
        }
        return (output.bytes, rows)
    }
}
