#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Summaries of a weighted sample (one parameter of a population): the numbers posterior.csv and
/// generations.csv report.
public struct WeightedSample: Sendable {
    /// The values.
    public let values: [Double]
    /// Their weights (normalised here to sum to 1).
    public let weights: [Double]

    /// A sample; weights are normalised.
    public init(values: [Double], weights: [Double]) {
        precondition(values.count == weights.count, "one weight per value")
        let total = weights.reduce(0, +)
        self.values = values
        self.weights = total > 0 ? weights.map { $0 / total } : weights
    }

    /// Σ W_i x_i.
    public var mean: Double { zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } }

    /// √(Σ W_i (x_i − mean)²): the weighted standard deviation, without small-sample correction.
    public var sd: Double {
        let m = mean
        return sqrt(zip(values, weights).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) })
    }

    /// The weighted quantile: the smallest value x_(i) (values sorted, ties in input order) whose
    /// cumulative weight W_(1) + … + W_(i) reaches q (the inverse of the weighted distribution function).
    public func quantile(_ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var cumulative = 0.0
        for index in order {
            cumulative += weights[index]
            if cumulative >= q - 1e-12 { return values[index] }
        }
        return values[order.last!]
    }

    /// Kish's effective sample size 1 / Σ W_i².
    public static func effectiveSampleSize(_ weights: [Double]) -> Double {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        return 1 / weights.reduce(0) { $0 + ($1 / total) * ($1 / total) }
    }
}
