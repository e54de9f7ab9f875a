/// The random streams of a calibration: every number ABC-SMC draws comes from a stream keyed by
/// (seed, generation, particle, attempt) alone, so results never depend on the number of threads,
/// on the order particles finish, or on whether the run was resumed.
///
/// attempt key = mix(mix(mix(mix(seed ⊕ T) ⊕ generation) ⊕ particle) ⊕ attempt), with `mix` the
/// SplitMix64 step of ``StreamSeed`` and T = 0x4142_432D_534D_4321 (the bytes of "ABC-SMC!"), so the
/// keys differ from those of sweeps over the same seed. From it:
/// - the **proposal stream** `RandomStream(key: mix(key ⊕ 1))`: prior draws (generation 0: one uniform
///   per parameter, in parameter order) or the ancestor (one uniform) then the kernel's normals;
/// - the **simulation seed** mix(key ⊕ 2): replicate r of scenario s runs with the stream
///   `StreamSeed.key(simulation seed, point: s, replicate: r)`, as `Engine.run` keys every run.
public enum CalibrationStreams {
    /// The domain tag T.
    public static let tag: UInt64 = 0x4142_432D_534D_4321

    /// The key of attempt `attempt` at particle slot `particle` of generation `generation`.
    public static func attemptKey(seed: UInt64, generation: Int, particle: Int, attempt: Int) -> UInt64 {
        var state = StreamSeed.mix(seed ^ tag)
        state = StreamSeed.mix(state ^ UInt64(truncatingIfNeeded: generation))
        state = StreamSeed.mix(state ^ UInt64(truncatingIfNeeded: particle))
        return StreamSeed.mix(state ^ UInt64(truncatingIfNeeded: attempt))
    }

    /// The proposal stream's key for an attempt key.
    public static func proposalKey(_ attemptKey: UInt64) -> UInt64 { StreamSeed.mix(attemptKey ^ 1) }

    /// The seed the attempt's simulations run with.
    public static func simulationSeed(_ attemptKey: UInt64) -> UInt64 { StreamSeed.mix(attemptKey ^ 2) }
}
