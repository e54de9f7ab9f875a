/// Model 2's per-pair formulas, shared by the step rules (``DynamicsTwo``) and by drivers.csv
/// (``ModelTwoAffinityTerms``, ``ModelTwoMembershipCheck``), so the recorded numbers are the ones the
/// step used and cannot drift from them (docs/model.md, "Model 2 step rules").
extension DynamicsTwo {
    /// hier_ib = w_security · a_i · dom_b for a state that does not lead b, else 0 (rule 5).
    @inline(__always)
    public static func hierarchyCost(isLeader: Bool, autonomy: Double, dominance: Double, wSecurity: Double) -> Double {
        isLeader ? 0 : wSecurity * autonomy * dominance
    }

    /// target_ib = clamp((1 + w_trust (τ_ib − G_ib) + w_security need_i (2 cover_ib − 1) − hier_ib) / 2, 0, 1) (rule 5).
    @inline(__always)
    public static func affinityTarget(blocTrust: Double, grievance: Double, need: Double, cover: Double, hierarchy: Double,
                                      wTrust: Double, wSecurity: Double) -> Double {
        min(1, max(0, (1 + wTrust * (blocTrust - grievance) + wSecurity * need * (2 * cover - 1) - hierarchy) / 2))
    }

    /// best_ib = max(nonaligned, A_ib' over the rivals b' of b) and the bloc that gives it (−1: non-alignment;
    /// a later rival wins a tie, as `max` keeps the later of equal values) (rule 6).
    @inline(__always)
    public static func outsideOption(_ i: Int, _ b: Int, world: World, nonaligned: Double) -> (value: Double, bloc: Int) {
        let blocs = world.blocCount
        var best = nonaligned
        var option = -1
        for other in 0..<blocs where world.rival[b &* blocs &+ other] {
            let value = world.affinity[i &* blocs &+ other]
            if value >= best { best = value; option = other }
        }
        return (best, option)
    }

    /// The felt affinity Â_ib = A_ib − trigger_weight · max(0, A_ib − target_ib) (rule 6, the freeze test).
    @inline(__always)
    public static func feltAffinity(affinity: Double, target: Double, triggerWeight: Double) -> Double {
        affinity - triggerWeight * max(0, affinity - target)
    }

    /// The exit excess (best_ib − target_ib) − leave_threshold − exit_cost · need_i · cover_ib (rule 6, a frozen member).
    @inline(__always)
    public static func exitExcess(best: Double, target: Double, need: Double, cover: Double, leaveThreshold: Double, exitCost: Double) -> Double {
        best - target - leaveThreshold - exitCost * need * cover
    }
}
