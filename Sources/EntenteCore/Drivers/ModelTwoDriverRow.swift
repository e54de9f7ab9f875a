/// One row of model 2's drivers.csv: what rules 4–6 of model 2 weighed for state i and bloc b in one step,
/// read between rule 5 and rule 6 from the world and the step's scratch (target, cover, bloc trust and
/// dominance as the step computed them) and taken apart with the formulas the rules call
/// (docs/outputs.md#driverscsv-under-model-2).
public struct ModelTwoDriverRow: Sendable, Equatable {
    /// Status before rule 6 of this step.
    public let status: MembershipStatus
    /// θ_i, need_i, cover_ib, τ_ib, G_ib and dom_b of this step.
    public let threat: Double, need: Double, cover: Double, blocTrust: Double, grievance: Double, dominance: Double
    /// The target and its terms.
    public let terms: ModelTwoAffinityTerms
    /// A_ib after rule 5.
    public let affinity: Double
    /// The outside option rule 6 compares with: a rival bloc's index, or −1 for non-alignment.
    public let option: Int
    /// best_ib, its value.
    public let best: Double
    /// best_ib − A_ib.
    public let gap: Double
    /// Rule 6's check.
    public let check: ModelTwoMembershipCheck

    /// The row for state `i` and bloc `b` of `world` between rules 5 and 6 of a model-2 step.
    public init(_ i: Int, _ b: Int, world: World, scratch: Scratch, parameters: ParameterValues) {
        let cell = i * world.blocCount + b
        status = world.status[cell]
        threat = world.threat[i]
        need = world.need[i]
        cover = scratch.cover[cell]
        blocTrust = scratch.blocTrust[cell]
        grievance = world.grievance[cell]
        dominance = scratch.dominance[b]
        let wSecurity = parameters[.wSecurity]
        let hierarchy = DynamicsTwo.hierarchyCost(isLeader: world.leader[b] == i, autonomy: world.autonomy[i],
                                                  dominance: dominance, wSecurity: wSecurity)
        terms = ModelTwoAffinityTerms(target: scratch.target[cell], blocTrust: blocTrust, grievance: grievance, need: need,
                                      cover: cover, hierarchy: hierarchy, wTrust: parameters[.wTrust], wSecurity: wSecurity)
        affinity = world.affinity[cell]
        (best, option) = DynamicsTwo.outsideOption(i, b, world: world, nonaligned: parameters[.nonaligned])
        gap = best - affinity
        var acceptance: Double?
        if status == .outside || status == .left {
            var sum = 0.0
            var count = 0
            for m in 0..<world.stateCount where m != i && world.isActive(m, b) {
                sum += world.trust(m, i)
                count += 1
            }
            if count > 0 { acceptance = sum / Double(count) }
        }
        check = ModelTwoMembershipCheck(status: status, best: best, affinity: affinity, target: terms.target, need: need,
                                        cover: cover, anchored: DynamicsTwo.isAnchored(i, b, world), acceptance: acceptance,
                                        parameters: parameters)
    }
}
