/// A sweep's points and runs: what the design chose, and the identity of every run.
public struct SweepPlan: Sendable {
    /// The sweep.
    public let spec: SweepSpec
    /// Parameter values of each point.
    public let points: [[Double]]

    /// Builds the plan from the design.
    public init(spec: SweepSpec) {
        self.spec = spec
        points = spec.design.design.points(parameters: spec.parameters, samples: spec.samples, seed: spec.seed, options: spec.designOptions)
    }

    /// Number of runs in the whole sweep.
    public var runCount: Int { points.count * spec.replicates }

    /// Number of runs in one shard.
    public func runCount(in shard: Shard) -> Int {
        if shard.count == 1 { return runCount }
        var count = 0
        for replicate in 0..<spec.replicates {
            for point in 0..<points.count where shard.contains(point: point, replicate: replicate, pointCount: points.count) {
                count += 1
            }
        }
        return count
    }

    /// The stream key of a run (the `seed` column of runs.csv).
    public func streamKey(point: Int, replicate: Int) -> UInt64 {
        StreamSeed.key(seed: spec.seed, point: point, replicate: replicate)
    }

    /// The settings that make point `point`'s scenario.
    public func settings(point: Int) -> [(path: String, value: Double)] {
        zip(spec.parameters, points[point]).map { ($0.path, $1) }
    }
}
