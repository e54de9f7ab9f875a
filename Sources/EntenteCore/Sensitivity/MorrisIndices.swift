/// Morris elementary-effect statistics from the outputs of a ``MorrisDesign``, as
/// `SALib.analyze.morris` computes them.
///
/// In each trajectory (k + 1 consecutive points) the parameter that changes between points s − 1 and
/// s is the one whose value differs; its elementary effect is ±(y_s − y_{s−1}) / Δ, positive when the
/// value rose (Δ = p / (2(p−1)), so effects are per unit of the parameter's range in the unit cube).
/// μ = mean effect, μ* = mean |effect|, σ = standard deviation (divisor r − 1); the interval of μ* is
/// μ* ± 1.96·sd of `resamples` bootstrap means of |effect| (effects drawn with replacement, sd
/// with divisor n − 1) — SALib's `mu_star_conf`.
public struct MorrisIndices: Sendable, Hashable {
    /// Mean elementary effect per parameter.
    public var mu: [Double]
    /// Mean absolute elementary effect.
    public var muStar: [Double]
    /// 1.96 × the bootstrap sd of μ*.
    public var muStarHalfWidth: [Double]
    /// Standard deviation of the elementary effects.
    public var sigma: [Double]

    /// Statistics from `points` (r·(k+1) rows of parameter values) and their `outputs`.
    /// Nil when the rows do not form trajectories that change one parameter per step.
    public static func estimate(points: [[Double]], outputs y: [Double], levels: Int,
                                resamples: Int, random: RandomStream?) -> MorrisIndices? {
        guard let k = points.first?.count, k > 0, points.count == y.count, points.count % (k + 1) == 0 else { return nil }
        let step = MorrisDesign.delta(levels: levels)
        let r = points.count / (k + 1)
        var effects = [[Double]](repeating: [], count: k)
        for t in 0..<r {
            for s in 1...k {
                let before = points[t * (k + 1) + s - 1], after = points[t * (k + 1) + s]
                let changed = (0..<k).filter { before[$0] != after[$0] }
                guard changed.count == 1, let j = changed.first else { return nil }
                let sign = after[j] > before[j] ? 1.0 : -1.0
                effects[j].append(sign * (y[t * (k + 1) + s] - y[t * (k + 1) + s - 1]) / step)
            }
        }
        guard effects.allSatisfy({ $0.count == r }) else { return nil }
        var result = MorrisIndices(mu: [], muStar: [], muStarHalfWidth: [], sigma: [])
        for values in effects {
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            let absolute = values.map { abs($0) }
            let meanAbsolute = absolute.reduce(0, +) / n
            let variance = values.count > 1 ? values.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : .nan
            result.mu.append(mean)
            result.muStar.append(meanAbsolute)
            result.sigma.append(variance.squareRoot())
            var halfWidth = Double.nan
            if let random, resamples > 1 {
                var draws = [Double]()
                draws.reserveCapacity(resamples)
                for _ in 0..<resamples {
                    var sum = 0.0
                    for _ in 0..<values.count { sum += absolute[random.integer(below: values.count)] }
                    draws.append(sum / n)
                }
                let m = draws.reduce(0, +) / Double(resamples)
                let v = draws.reduce(0.0) { $0 + ($1 - m) * ($1 - m) } / Double(resamples - 1)
                halfWidth = SobolIndices.z95 * v.squareRoot()
            }
            result.muStarHalfWidth.append(halfWidth)
        }
        return result
    }
}
