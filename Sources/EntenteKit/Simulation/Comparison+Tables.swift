/// The pieces of `compare` without recording: its runs, and the tables made of their outcomes.
extension Comparison {
    /// Every arm's `replicates` runs on `jobs` threads, outcomes only: `[arm][replicate][outcome]`. Throws
    /// for the first failed replicate of an arm; `report(done, total)` counts runs over all arms.
    static func runArms(_ scenarios: [Scenario], replicates: Int, seed: UInt64, jobs: Int,
                        report: (Int, Int) -> Void) throws -> [[[Double]]] {
        let total = scenarios.count * replicates
        let counter = ProgressCounter()
        return try withoutActuallyEscaping(report) { progress in
            nonisolated(unsafe) let report = progress  // called under the counter's lock only, one call at a time
            var results: [[[Double]]] = []
            for scenario in scenarios {
                let engine = Engine(scenario: scenario)
                let runs = ParallelMap.run(count: replicates, jobs: jobs) { replicate -> RunResult in
                    let result = engine.runOutcomes(replicate: replicate, seed: seed)
                    counter.increment { report($0, total) }
                    return result
                }
                if let failed = runs.firstIndex(where: { $0.error != nil }) {
                    throw EntenteError.software("replicate \(failed) failed: \(runs[failed].error!)")
                }
                results.append(runs.map(\.outcomes))
            }
            return results
        }
    }

    /// outcomes.csv: a row per (arm, replicate), the arm's name first.
    static func outcomesCSV(names: [String], results: [[[Double]]], replicates: Int, columns: [OutcomeColumn], labels: [String]) -> CSVBuffer {
        var outcomes = CSVBuffer(header: ["variant", "replicate"] + columns.map(\.name))
        for (v, name) in names.enumerated() {
            for replicate in 0..<replicates {
                outcomes.field(name)
                outcomes.field(replicate)
                for (index, column) in columns.enumerated() {
                    OutcomeFormatting.write(results[v][replicate][index], kind: column.kind, labels: labels, into: &outcomes)
                }
                outcomes.endRow()
            }
        }
        return outcomes
    }

    /// Each variant's paired effect on each outcome that is not a date, variants and outcomes in order.
    static func effects(names: [String], results: [[[Double]]], columns: [OutcomeColumn]) -> [Effect] {
        var effects: [Effect] = []
        for v in 1..<names.count {
            for (index, column) in columns.enumerated() where column.kind != .date {
                let baseline = results[0].map { $0[index] }
                let variant = results[v].map { $0[index] }
                effects.append(effect(variant: names[v], outcome: column.name, baseline: baseline, values: variant,
                                      binary: column.kind == .flag))
            }
        }
        return effects
    }

    /// effects.csv: ``effectColumns``, a row per effect.
    static func effectsCSV(_ effects: [Effect]) -> CSVBuffer {
        var table = CSVBuffer(header: effectColumns)
        for effect in effects {
            table.field(effect.variant); table.field(effect.outcome); table.field(effect.n)
            table.field(effect.baselineMean); table.field(effect.variantMean); table.field(effect.difference)
            table.field(effect.ci95Low); table.field(effect.ci95High); table.field(effect.variantLow); table.field(effect.variantHigh)
            table.endRow()
        }
        return table
    }
}
