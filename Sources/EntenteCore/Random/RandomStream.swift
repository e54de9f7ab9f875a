internal import CGSL

/// A GSL random number generator owned by one run: every random draw in Entente comes from one of these.
///
/// The generator is mt19937. GSL's `gsl_rng_set` keeps only 32 bits of a seed,
/// which would make distinct runs collide after tens of thousands of runs, so the
/// stream instead fills mt19937's 624 state words from SplitMix64 outputs of the
/// 64-bit key from ``StreamSeed``. Not shared across threads: each worker owns its own.
public final class RandomStream {
    /// The GSL generator's name, recorded in manifests.
    public static let generatorName = "mt19937"

    /// The generator; internal so that core samplers that need a `gsl_rng` (the ABC kernel, DiscreteSampler) can draw from it.
    let rng: UnsafeMutablePointer<gsl_rng>

    /// A stream for run (point, replicate) of `seed`.
    public convenience init(seed: UInt64, point: Int = 0, replicate: Int) {
        self.init(key: StreamSeed.key(seed: seed, point: point, replicate: replicate))
    }

    /// A stream whose mt19937 state is filled from `key`.
    public init(key: UInt64) {
        rng = GSLSetup.generator()
        reseed(key: key)
    }

    /// Restarts the stream from a new key without reallocating.
    public func reseed(key: UInt64) {
        var words = [UInt](repeating: 0, count: 624)
        // The SplitMix64 sequence from `key`: word i = upper 32 bits of mix(key + i * golden).
        for index in 0..<624 {
            let input = key &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
            words[index] = UInt(truncatingIfNeeded: StreamSeed.mix(input) >> 32)
        }
        words.withUnsafeBufferPointer { cgsl_mt19937_set_words(rng, $0.baseAddress) }
    }

    deinit { gsl_rng_free(rng) }

    /// Uniform on [0, 1).
    @inline(__always)
    public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// Standard normal N(0, 1) (GSL's ziggurat method).
    @inline(__always)
    public func gaussian() -> Double { gsl_ran_gaussian_ziggurat(rng, 1.0) }

    /// True with probability `p` (one uniform draw, also when p is 0 or 1, so streams stay aligned).
    @inline(__always)
    public func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(rng) < p }

    /// Uniform integer in 0..<n (n > 0).
    public func integer(below n: Int) -> Int { Int(gsl_rng_uniform_int(rng, UInt(n))) }
}
