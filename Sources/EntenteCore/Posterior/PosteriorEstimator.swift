internal import CGSL

/// A quantity estimated over posterior draws and the replicates within each draw.
public struct PosteriorEstimate: Sendable, Equatable {
    /// Number of values used (runs with a value), over all draws.
    public var n: Int
    /// Number of draws with at least one value.
    public var draws: Int
    /// The posterior mean: the mean over draws of each draw's mean over its replicates.
    public var mean: Double
    /// 2.5 % and 97.5 % percentiles of the two-stage bootstrap of ``mean``: parameter and stochastic uncertainty.
    public var ci95Low: Double, ci95High: Double
    /// 5 % and 95 % quantiles of the per-draw means: the spread due to the parameters alone (the
    /// parameter-uncertainty band; it narrows no further with more replicates).
    public var drawQ05: Double, drawQ95: Double

    /// An estimate from its numbers.
    public init(n: Int, draws: Int, mean: Double, ci95Low: Double, ci95High: Double, drawQ05: Double, drawQ95: Double) {
        self.n = n; self.draws = draws; self.mean = mean
        self.ci95Low = ci95Low; self.ci95High = ci95High
        self.drawQ05 = drawQ05; self.drawQ95 = drawQ95
    }

    /// The estimate of no values at all: every number NaN.
    public static let empty = PosteriorEstimate(n: 0, draws: 0, mean: .nan, ci95Low: .nan, ci95High: .nan, drawQ05: .nan, drawQ95: .nan)
}

/// The estimator of `run`/`compare --posterior` (docs/calibration.md#using-a-posterior).
///
/// Values come grouped by draw: `values[d]` holds draw d's replicate values (for an effect, the paired
/// differences variant − baseline within that draw; NaN values are dropped). The point estimate is
/// the mean of the per-draw means. Its interval is a two-stage percentile bootstrap: B times, pick D
/// draws with replacement among the D draws that have values, then within each picked draw its n_d
/// values with replacement; the statistic is the mean of the resampled draw means; the interval is
/// GSL's interpolated 2.5 % and 97.5 % quantiles of the B statistics. Resampling draws carries the
/// parameter uncertainty, resampling replicates the stochastic one. When every value is the same the
/// interval is that value and no random number is drawn.
public enum PosteriorEstimator {
    /// Bootstrap resamples B.
    public static let resamples = 1000
    /// The stream point of bootstrap resampling; row k of an output table uses replicate k.
    public static let streamPoint = -3

    /// The bootstrap stream of output row `row` under `seed`: run stream (point −3, replicate `row`),
    /// so rows are independent of each other and of the order they are computed in.
    public static func stream(seed: UInt64, row: Int) -> RandomStream {
        RandomStream(seed: seed, point: streamPoint, replicate: row)
    }

    /// Estimates the posterior mean of the values grouped by draw, resampling from `random`
    /// (`resamples` 0: no bootstrap, NaN interval).
    public static func estimate(_ values: [[Double]], random: RandomStream, resamples: Int = resamples) -> PosteriorEstimate {
        let groups = values.map { $0.filter { !$0.isNaN } }.filter { !$0.isEmpty }
        guard !groups.isEmpty else { return .empty }
        var drawMeans = groups.map { group in group.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) } }
        let mean = drawMeans.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
        // Every value equal (an outcome no draw changes): every resample gives that value; skip the work.
        let constant = groups.allSatisfy { $0.allSatisfy { $0 == groups[0][0] } }
        var statistics = [Double](repeating: mean, count: constant ? min(1, max(0, resamples)) : max(0, resamples))
        for b in 0..<(constant ? 0 : statistics.count) {
            var total = 0.0
            for _ in 0..<groups.count {
                let group = groups[random.integer(below: groups.count)]
                var sum = 0.0
                for _ in 0..<group.count { sum += group[random.integer(below: group.count)] }
                total += sum / Double(group.count)
            }
            statistics[b] = total / Double(groups.count)
        }
        statistics.sort()
        drawMeans.sort()
        return PosteriorEstimate(n: groups.reduce(0) { $0 + $1.count }, draws: groups.count, mean: mean,
                                 ci95Low: statistics.isEmpty ? .nan : quantile(statistics, 0.025),
                                 ci95High: statistics.isEmpty ? .nan : quantile(statistics, 0.975),
                                 drawQ05: quantile(drawMeans, 0.05), drawQ95: quantile(drawMeans, 0.95))
    }

    /// GSL's interpolated quantile of sorted data.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p) }
    }
}
