internal import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Summary statistics of one outcome over replicates, computed with GSL.
public struct Summary: Sendable, Hashable {
    /// Number of non-missing values.
    public var n: Int
    /// Sample mean.
    public var mean: Double
    /// Sample standard deviation (n − 1); NaN for n < 2.
    public var sd: Double
    /// 95% interval for the mean: Wilson for 0/1 outcomes, Student t otherwise.
    public var ci95Low: Double
    /// Upper end of that interval.
    public var ci95High: Double
    /// 5th, 50th and 95th percentiles (GSL's interpolated quantiles).
    public var p05: Double, p50: Double, p95: Double
}

/// Statistics used by `run`, `compare` and `sweep`, all on GSL.
public enum Statistics {
    /// Summarises `values`, ignoring NaN (missing); `binary` selects the Wilson interval.
    public static func summarize(_ values: [Double], binary: Bool) -> Summary {
        var data = values.filter { !$0.isNaN }
        let n = data.count
        guard n > 0 else { return Summary(n: 0, mean: .nan, sd: .nan, ci95Low: .nan, ci95High: .nan, p05: .nan, p50: .nan, p95: .nan) }
        let mean = data.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, n) }
        let sd = n > 1 ? data.withUnsafeBufferPointer { gsl_stats_sd_m($0.baseAddress, 1, n, mean) } : .nan
        let interval = binary ? wilson(successes: mean * Double(n), n: n) : tInterval(mean: mean, sd: sd, n: n)
        data.sort()
        let quantile = { (p: Double) in data.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, n, p) } }
        return Summary(n: n, mean: mean, sd: sd, ci95Low: interval.0, ci95High: interval.1,
                       p05: quantile(0.05), p50: quantile(0.5), p95: quantile(0.95))
    }

    /// Wilson score interval at 95% for a proportion.
    public static func wilson(successes: Double, n: Int) -> (Double, Double) {
        guard n > 0 else { return (.nan, .nan) }
        let z = gsl_cdf_ugaussian_Pinv(0.975)
        let nn = Double(n)
        let p = successes / nn
        let denominator = 1 + z * z / nn
        let centre = (p + z * z / (2 * nn)) / denominator
        let half = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot() / denominator
        // Exact ends for all-0 and all-1 samples (the formula leaves rounding residue there).
        let low = successes <= 0 ? 0 : max(0, centre - half)
        let high = successes >= nn ? 1 : min(1, centre + half)
        return (low, high)
    }

    /// Student t interval at 95% for a mean.
    public static func tInterval(mean: Double, sd: Double, n: Int) -> (Double, Double) {
        guard n > 1, sd.isFinite else { return (.nan, .nan) }
        let t = gsl_cdf_tdist_Pinv(0.975, Double(n - 1))
        let half = t * sd / Double(n).squareRoot()
        return (mean - half, mean + half)
    }
}
