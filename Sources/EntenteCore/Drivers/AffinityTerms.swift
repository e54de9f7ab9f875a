/// The affinity target of rule 5 taken apart into terms that add up to it exactly (docs/outputs.md#driverscsv).
///
/// The model's target is clamp₀₁((1 + w_trust·τ + w_security·need·(2·cover − 1)) / 2). Its terms are
/// the constant 1/2, the trust term w_trust·τ/2, the security term w_security·need·(2·cover − 1)/2 and
/// the clamp adjustment: the number that the clamp to [0, 1] adds (0 when the target is not clamped).
/// In floating point, `((half + trust) + security) + clamp == target` holds bit for bit: halving is
/// exact, so `(half + trust) + security` is the model's unclamped value, and `clamp` is chosen as the
/// double that completes the sum to the target.
public struct AffinityTerms: Sendable, Equatable {
    /// The constant 1/2.
    public let half: Double
    /// w_trust · τ_ib / 2.
    public let trust: Double
    /// w_security · need_i · (2 · cover_ib − 1) / 2.
    public let security: Double
    /// What the clamp to [0, 1] adds: target − (half + trust + security), exact in the sum above.
    public let clamp: Double
    /// The target, the very double rule 5 moves affinity toward.
    public let target: Double

    /// Decomposes the target for bloc trust `blocTrust`, need `need` and cover `cover` under weights `wTrust`, `wSecurity`.
    public init(blocTrust: Double, need: Double, cover: Double, wTrust: Double, wSecurity: Double) {
        // The target exactly as Dynamics.updateAffinity computes it.
        target = min(1, max(0, (1 + wTrust * blocTrust + wSecurity * need * (2 * cover - 1)) / 2))
        half = 0.5
        // `+ 0` turns a negative zero (no need, no cover) into +0 for the CSV; it changes no other value.
        trust = wTrust * blocTrust / 2 + 0
        security = wSecurity * need * (2 * cover - 1) / 2 + 0
        let unclamped = (half + trust) + security
        var adjustment = target - unclamped
        // target − unclamped is exact whenever the two are within a factor of two (Sterbenz); otherwise
        // step to the neighbouring double until the sum lands on the target. A few steps at most.
        var tries = 0
        while unclamped + adjustment != target && tries < 64 {
            adjustment = unclamped + adjustment < target ? adjustment.nextUp : adjustment.nextDown
            tries += 1
        }
        clamp = adjustment
    }

    /// The sum in the documented order: ((half + trust) + security) + clamp.
    public var sum: Double { ((half + trust) + security) + clamp }
}
