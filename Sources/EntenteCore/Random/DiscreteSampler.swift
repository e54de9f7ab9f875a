internal import CGSL

/// Draws indexes 0 ..< K with probabilities proportional to K non-negative weights, with GSL's
/// Walker alias table (`gsl_ran_discrete_preproc` once, then `gsl_ran_discrete`: one
/// `gsl_rng_uniform` per draw). Owns the GSL table, hence a class; not shared across threads.
public final class DiscreteSampler {
    private let table: UnsafeMutablePointer<gsl_ran_discrete_t>

    /// A sampler for `weights`; nil when there are none, or one is negative or not finite, or all are 0
    /// (GSL refuses those and returns no table).
    public init?(weights: [Double]) {
        guard !weights.isEmpty, weights.allSatisfy({ $0.isFinite && $0 >= 0 }), weights.contains(where: { $0 > 0 }) else { return nil }
        guard let table = GSLSetup.discreteTable(weights) else { return nil }
        self.table = table
    }

    deinit { gsl_ran_discrete_free(table) }

    /// One index drawn from `random`.
    public func draw(_ random: RandomStream) -> Int { Int(gsl_ran_discrete(random.rng, table)) }
}
