/// Model 2's affinity target of rule 5 taken apart into terms that add up to it exactly
/// (docs/outputs.md#driverscsv-under-model-2).
///
/// The model's target is clamp₀₁((1 + w_trust·(τ − G) + w_security·need·(2·cover − 1) − hier) / 2)
/// (docs/model.md, "Model 2 step rules", 5). Its terms are the constant 1/2, the trust term w_trust·τ/2,
/// the grievance term (−w_trust·G/2), the security term w_security·need·(2·cover − 1)/2, the hierarchy
/// term −hier/2 and the clamp adjustment. In floating point
/// `((((half + trust) + grievance) + security) + hierarchy) + clamp == target` holds bit for bit:
/// halving is exact, the grievance term is the double that makes `(half + trust) + grievance` equal the
/// model's `half + w_trust·(τ − G)/2` (it is −w_trust·G/2 up to rounding, and exactly 0 when G = 0), so
/// the sum before `clamp` is the model's unclamped value, and `clamp` completes it to the target.
public struct ModelTwoAffinityTerms: Sendable, Equatable {
    /// The constant 1/2.
    public let half: Double
    /// w_trust · τ_ib / 2 (as model 1's trust term).
    public let trust: Double
    /// −w_trust · G_ib / 2, as the double that completes `half + trust` to the model's `half + w_trust·(τ − G)/2`.
    public let grievance: Double
    /// w_security · need_i · (2 · cover_ib − 1) / 2.
    public let security: Double
    /// −hier_ib / 2 (≤ 0; 0 for the bloc's leader).
    public let hierarchy: Double
    /// What the clamp to [0, 1] adds: 0 when the target is not clamped.
    public let clamp: Double
    /// The target rule 5 used (passed in from the step's scratch, not recomputed).
    public let target: Double

    /// Decomposes `target`, the step's target for bloc trust `blocTrust`, grievance `grievance`, need `need`,
    /// cover `cover` and hierarchy cost `hierarchy` under weights `wTrust`, `wSecurity`.
    public init(target: Double, blocTrust: Double, grievance: Double, need: Double, cover: Double, hierarchy: Double,
                wTrust: Double, wSecurity: Double) {
        self.target = target
        half = 0.5
        // `+ 0` turns a negative zero into +0 for the CSV; it changes no other value.
        trust = wTrust * blocTrust / 2 + 0
        let reliability = half + wTrust * (blocTrust - grievance) / 2  // the model's 1 + w_trust·(τ − G), halved
        self.grievance = Self.completing(half + trust, to: reliability) + 0
        security = wSecurity * need * (2 * cover - 1) / 2 + 0
        self.hierarchy = -hierarchy / 2 + 0
        let unclamped = (((half + trust) + self.grievance) + security) + self.hierarchy
        clamp = Self.completing(unclamped, to: target) + 0
    }

    /// The sum in the documented order.
    public var sum: Double { ((((half + trust) + grievance) + security) + hierarchy) + clamp }

    /// The double d with `partial + d == total`: total − partial, which is exact whenever the two are
    /// within a factor two (Sterbenz), else stepped to the neighbouring double until the sum lands.
    static func completing(_ partial: Double, to total: Double) -> Double {
        var adjustment = total - partial
        var tries = 0
        while partial + adjustment != total && tries < 64 {
            adjustment = partial + adjustment < total ? adjustment.nextUp : adjustment.nextDown
            tries += 1
        }
        return adjustment
    }
}
