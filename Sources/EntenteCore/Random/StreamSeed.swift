/// The one function that turns (seed, point, replicate) into a random stream's key.
///
/// Every run draws from its own stream keyed by these three numbers alone, so a
/// run's numbers never depend on how many runs exist, their order, the number of
/// jobs or shards. `run` and `compare` use point 0.
///
/// key = mix(mix(mix(seed) ^ point) ^ replicate), with `mix` the SplitMix64
/// finaliser (Steele, Lea & Flood 2014) applied after adding the golden-ratio
/// increment 0x9E3779B97F4A7C15. The key then seeds all 624 words of mt19937
/// through a SplitMix64 sequence (see ``RandomStream``).
public enum StreamSeed {
    /// The stream key of run (point, replicate) under `seed`.
    public static func key(seed: UInt64, point: Int, replicate: Int) -> UInt64 {
        var state = mix(seed)
        state = mix(state ^ UInt64(truncatingIfNeeded: point))
        state = mix(state ^ UInt64(truncatingIfNeeded: replicate))
        return state
    }

    /// SplitMix64: add the golden-ratio increment, then the variant-13 finaliser.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
