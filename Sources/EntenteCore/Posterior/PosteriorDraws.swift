/// Which particles of a calibration's final population `run`/`compare --posterior` use.
///
/// M indexes are drawn with replacement, with probabilities proportional to the particles'
/// weights, by ``DiscreteSampler`` (`gsl_ran_discrete`) from one stream: the run stream function at
/// point −2, replicate 0 (``StreamSeed/key(seed:point:replicate:)``), so the draws depend on the seed,
/// the weights and M only, and never coincide with a run's stream (points ≥ 0) or a sweep design's (−1).
/// Draw i is the i-th index of that sequence: the first M draws of a larger M are the same.
public enum PosteriorDraws {
    /// The stream point of posterior draws.
    public static let streamPoint = -2

    /// `count` particle indexes drawn by weight under `seed`; nil when the weights admit no draw
    /// (none, one negative or not finite, or all 0).
    public static func indices(weights: [Double], count: Int, seed: UInt64) -> [Int]? {
        guard let sampler = DiscreteSampler(weights: weights) else { return nil }
        let random = RandomStream(seed: seed, point: streamPoint, replicate: 0)
        return (0..<max(0, count)).map { _ in sampler.draw(random) }
    }
}
