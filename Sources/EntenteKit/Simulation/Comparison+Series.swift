import Foundation

/// `compare --record`: every arm's time series, one set of files with a `variant` column first.
extension Comparison {
    /// Runs the arms in order (baseline, then variants) writing their series through ``SeriesStream``
    /// into one set of files (rows ordered by arm, then replicate, then step), and steps.csv when
    /// recorded; returns each arm's outcomes. `report(done, total)` counts replicates over all arms.
    static func runArmsRecording(_ scenarios: [Scenario], names: [String], replicates: Int, seed: UInt64,
                                 request: Request, record: RecordOptions, folder: ResultsFolder,
                                 report: (Int, Int) -> Void) throws -> [[[Double]]] {
        let files = try SeriesFiles.create(in: folder, record: record, compress: request.compress, variantColumn: true, model: scenarios[0].model)
        let labels = scenarios[0].calendar.labels
        let workers = max(1, min(request.jobs, replicates))
        let budget = max(1, request.seriesMemoryBudget)
        let spoolPrefix = folder.staging.appendingPathComponent(".spool").path
        var steps = record.steps ? CSVBuffer(header: ["variant"] + StepSummary.header).bytes : nil
        var results: [[[Double]]] = []
        let total = scenarios.count * replicates
        for (arm, scenario) in scenarios.enumerated() {
            let engine = Engine(scenario: scenario)
            let summary = record.steps ? try StepSummary(scenario: scenario, options: record, replicates: replicates, budget: budget) : nil
            let done = arm * replicates
            try withoutActuallyEscaping(report) { report in
                nonisolated(unsafe) let report = report  // called under the stream's lock only, one call at a time
                let stream = SeriesStream(files: files, total: replicates, workers: workers, budget: budget, steps: summary) { report(done + $0, total) }
                let threshold = stream.threshold
                ParallelMap.forEachWorker(count: workers) { _ in
                    while let replicate = stream.claim() {
                        let recorder = SeriesRecorder(replicate: replicate, scenario: scenario, labels: labels, options: record, variant: names[arm])
                        var spilling = SpillingRecorder(recorder: recorder, threshold: threshold, spoolPrefix: spoolPrefix + "-\(replicate)")
                        let result = engine.run(replicate: replicate, seed: seed, observer: &spilling)
                        stream.finish(replicate, spilling, result: result)
                    }
                }
                if let error = stream.error { throw error }
                let runs = stream.runResults.map { $0! }
                if let failed = runs.firstIndex(where: { $0.error != nil }) {
                    throw EntenteError.software("replicate \(failed) failed: \(runs[failed].error!)")
                }
                results.append(runs.map(\.outcomes))
            }
            if let summary { steps?.append(contentsOf: summary.csv(labels: labels, variant: names[arm])) }
        }
        for file in files { try file?.close() }
        if let steps { try folder.write("steps.csv", bytes: steps) }
        return results
    }
}
