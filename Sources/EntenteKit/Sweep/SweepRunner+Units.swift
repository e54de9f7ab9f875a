import Foundation

/// The pieces of a sweep's run loop: one run, its row of runs.csv, and the end of the sweep.
extension SweepRunner {
    /// Runs one replicate of a point: with `series` (a `record: full` run's folder), recording its time
    /// series there (a write failure throws); otherwise outcomes only, the paired variants after it.
    static func run(_ engine: Engine, variants: [Engine], pairing: SweepPairing, replicate: Int, point: Int, seed: UInt64,
                    labels: [String], series: String?) throws -> RunResult {
        if let series {
            var recorder = SeriesRecorder(replicate: replicate, scenario: engine.scenario, labels: labels, options: RecordOptions(trust: .pairs))
            let result = engine.run(replicate: replicate, point: point, seed: seed, observer: &recorder)
            try writeSeries(recorder, folder: series)
            return result
        }
        let result = engine.runOutcomes(replicate: replicate, point: point, seed: seed)
        return variants.isEmpty ? result : pairing.run(variants, after: result, replicate: replicate, point: point, seed: seed)
    }

    /// Appends the runs.csv row of run (point, replicate): its stream key, the point's values, then the
    /// outcomes and `ok`, or empty outcomes, `error` and the reason. True when the run failed.
    static func appendRow(_ result: RunResult, point: Int, replicate: Int, plan: SweepPlan, columns: [OutcomeColumn], labels: [String],
                          into rows: inout CSVBuffer) -> Bool {
        rows.field(point)
        rows.field(replicate)
        rows.field(String(plan.streamKey(point: point, replicate: replicate)))
        for value in plan.points[point] { rows.field(value) }
        defer { rows.endRow() }
        if let error = result.error {
            for _ in columns { rows.emptyField() }
            rows.field("error")
            rows.field(error)
            return true
        }
        for (index, column) in columns.enumerated() {
            OutcomeFormatting.write(result.outcomes[index], kind: column.kind, labels: labels, into: &rows)
        }
        rows.field("ok")
        rows.emptyField()
        return false
    }

    /// After the workers: closes runs.csv and writes the final manifest — `interrupted` when a signal or a
    /// shortfall left runs undone, else `complete`, after points.csv (unsharded sweeps only).
    static func finish(request: Request, plan: SweepPlan, columns: [OutcomeColumn], folder: String, done: Set<Int>, total: Int,
                       state: SharedProgress, cancellation: CancellationFlag, manifest: (String, Int, Int) throws -> Void) throws -> Outcome {
        let spec = plan.spec
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
            let points = try aggregator.pointsCSV(runFiles: [folder + "/runs.csv"])
            try AtomicFile.write(points, to: folder + "/points.csv")
        }
        try manifest("complete", finalDone, finalFailed)
        return Outcome(folder: folder, total: total, done: finalDone, failed: finalFailed, executed: finalDone - done.count,
                       points: plan.points.count, interruptedBy: 0)
    }
}
