/// Many runs of one scenario in process: parameter points × replicates, in the spirit of Agents.jl's
/// `paramscan`. Calibration, sensitivity and landscape analyses call this instead of going through files.
///
/// A point is a typed value (a full set of ``ParameterValues``) applied to the compiled scenario
/// (``Engine/reparameterised(_:)``); run (point p, replicate r) draws from the stream keyed by
/// (seed, p, r), exactly as `entente sweep` does, so results match a sweep's runs.csv whatever `jobs`.
public struct Experiment: Sendable {
    /// The scenario every point edits.
    public var scenario: Scenario
    /// Parameter values of each point.
    public var points: [ParameterValues]
    /// Replicates per point.
    public var replicates: Int
    /// Base seed of the random streams.
    public var seed: UInt64

    /// An experiment; `points` defaults to the scenario's own parameters (one point).
    public init(scenario: Scenario, points: [ParameterValues]? = nil, replicates: Int, seed: UInt64? = nil) {
        self.scenario = scenario
        self.points = points ?? [scenario.parameters]
        self.replicates = replicates
        self.seed = seed ?? scenario.seed
    }

    /// Points that set `parameters` to each row of `values` (a design's output), the rest as in the scenario.
    public static func points(from base: ParameterValues, parameters: [Parameter], values: [[Double]]) -> [ParameterValues] {
        values.map { row in
            var point = base
            for (parameter, value) in zip(parameters, row) { point[parameter] = value }
            return point
        }
    }

    /// Runs every (point, replicate) on `jobs` threads.
    public func run(jobs: Int = 1) -> ExperimentResult {
        let base = Engine(scenario: scenario)
        let engines = points.map { base.reparameterised($0) }
        let replicates = max(0, self.replicates)
        let seed = self.seed
        let runs = ParallelMap.run(count: engines.count * replicates, jobs: jobs) { index -> RunResult in
            engines[index / replicates].runOutcomes(replicate: index % replicates, point: index / replicates, seed: seed)
        }
        return ExperimentResult(columns: base.outcomeColumns, points: engines.count, replicates: replicates, runs: runs)
    }
}

/// The outcomes of an ``Experiment``: one row per run, in (point, replicate) order.
public struct ExperimentResult: Sendable {
    /// The outcome columns, as in outcomes.csv.
    public let columns: [OutcomeColumn]
    /// Number of points.
    public let points: Int
    /// Replicates per point.
    public let replicates: Int
    /// Every run's result, index point × replicates + replicate.
    public let runs: [RunResult]

    /// The value of `column` in run (point, replicate); NaN for an empty date or a failed run.
    public func value(point: Int, replicate: Int, column: Int) -> Double {
        let run = runs[point * replicates + replicate]
        return run.error == nil ? run.outcomes[column] : .nan
    }

    /// The column named `name`, if any.
    public func column(named name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Mean of `column` over a point's successful runs (NaN values skipped, as for dates that never happened).
    public func mean(point: Int, column: Int) -> Double {
        var sum = 0.0
        var count = 0
        for replicate in 0..<replicates {
            let value = value(point: point, replicate: replicate, column: column)
            if !value.isNaN { sum += value; count += 1 }
        }
        return count > 0 ? sum / Double(count) : .nan
    }
}
