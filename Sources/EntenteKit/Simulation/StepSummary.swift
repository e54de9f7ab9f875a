/// steps.csv (`run --record steps`): for every recorded step and quantity, n, mean, sd and the 5 %, 50 %
/// and 95 % quantiles across replicates, like BehaviorSpace's "stats" output, so most figures need no
/// replicate-level rows.
///
/// Holds one number per replicate, recorded step and quantity (8·R·S·Q bytes, refused above the
/// `--series-memory` budget) until every replicate has finished; quantiles need them all.
/// `final class`: one shared accumulator that ``SeriesStream`` fills under its lock.
final class StepSummary: @unchecked Sendable {
    /// One quantity of every recorded step: its name, and its state and target columns (empty when none).
    struct Quantity {
        let name: String
        let state: String
        let target: String
    }

    /// steps.csv columns (docs/outputs.md#stepscsv).
    static let header = ["step", "date", "quantity", "state", "target", "n", "mean", "sd", "q05", "q50", "q95"]

    /// The statuses whose 0/1 indicators are summarised, so their mean is the share of replicates in them.
    static let shareStatuses: [MembershipStatus] = [.member, .frozen, .left]

    /// The quantities of one recorded step, in the order ``SeriesRecorder`` appends their values: the
    /// recorded trust pairs, affinity per state × bloc, then member, frozen and left per state × bloc,
    /// then active_members and cohesion per bloc.
    static func quantities(for scenario: Scenario, options: RecordOptions) -> [Quantity] {
        let states = scenario.states.map(\.id)
        let blocs = scenario.blocs.map(\.id)
        var list = options.trustPairs(for: scenario).map { Quantity(name: "trust", state: states[$0.0], target: states[$0.1]) }
        for name in ["affinity"] + shareStatuses.map(\.name) {
            for state in states {
                for bloc in blocs { list.append(Quantity(name: name, state: state, target: bloc)) }
            }
        }
        for name in ["active_members", "cohesion"] {
            for bloc in blocs { list.append(Quantity(name: name, state: "", target: bloc)) }
        }
        return list
    }

    /// The steps recorded: 0, K, 2K, … and always the last.
    static func recordedSteps(count: Int, every: Int) -> [Int] {
        guard count > 0 else { return [] }
        var steps = Array(stride(from: 0, to: count, by: every))
        if steps.last != count - 1 { steps.append(count - 1) }
        return steps
    }

    let quantities: [Quantity]
    let steps: [Int]
    let replicates: Int
    /// values[(s · Q + q) · R + r]; NaN where a replicate stopped early.
    private var values: [Double]

    /// An accumulator for a scenario's run, or a usage error when it would exceed `budget` bytes.
    init(scenario: Scenario, options: RecordOptions, replicates: Int, budget: Int) throws {
        quantities = Self.quantities(for: scenario, options: options)
        steps = Self.recordedSteps(count: scenario.calendar.stepCount, every: options.every)
        self.replicates = replicates
        let (q, s) = (quantities.count, steps.count)
        let (a, o1) = q.multipliedReportingOverflow(by: s)
        let (b, o2) = a.multipliedReportingOverflow(by: replicates)
        let (bytes, o3) = b.multipliedReportingOverflow(by: 8)
        guard !o1, !o2, !o3, bytes <= budget else {
            let mib = o1 || o2 || o3 ? "too many" : "\((bytes + (1 << 20) - 1) >> 20)"
            throw EntenteError.usage("--record steps keeps \(q) quantities × \(s) recorded steps × \(replicates) replicates in memory (\(mib) MiB), more than the \(budget >> 20) MiB budget; record fewer steps (--record every=K), fewer trust pairs (trust=none), or raise --series-memory MiB")
        }
        values = Array(repeating: .nan, count: b)
    }

    /// Stores one replicate's values (called once per replicate, under ``SeriesStream``'s lock).
    func add(replicate: Int, values row: [Double]) {
        let q = quantities.count
        for (index, value) in row.prefix(q * steps.count).enumerated() {
            values[index * replicates + replicate] = value
        }
    }

    /// steps.csv's bytes; with `variant` (compare), a `variant` column first and no header row.
    func csv(labels: [String], variant: String? = nil) -> [UInt8] {
        var out = variant == nil ? CSVBuffer(header: Self.header) : CSVBuffer()
        for (s, step) in steps.enumerated() {
            for (q, quantity) in quantities.enumerated() {
                let start = (s * quantities.count + q) * replicates
                let summary = Statistics.summarize(Array(values[start..<start + replicates]), binary: false)
                if let variant { out.field(variant) }
                out.field(step); out.field(labels[step]); out.field(quantity.name); out.field(quantity.state); out.field(quantity.target)
                out.field(summary.n); out.field(summary.mean); out.field(summary.sd)
                out.field(summary.p05); out.field(summary.p50); out.field(summary.p95)
                out.endRow()
            }
        }
        return out.bytes
    }
}
