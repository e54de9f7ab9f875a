#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The membership change model 2's rule 6 checks for one state–bloc pair in one step, with the felt gap,
/// the exit excess, the hazard and the probability, from the formulas the rule itself calls
/// (``DynamicsTwo``'s `feltAffinity` and `exitExcess`; docs/model.md, "Model 2 step rules", 6).
public struct ModelTwoMembershipCheck: Sendable, Equatable {
    /// The change checked: freeze (active member), leave or unfreeze (frozen member), join (outsider or leaver).
    public let change: MembershipCheck.Change
    /// Â_ib = A_ib − trigger_weight · max(0, A_ib − target_ib).
    public let feltAffinity: Double
    /// ĝ_ib = best_ib − Â_ib, the freeze test's gap.
    public let feltGap: Double
    /// exit_cost · need_i · cover_ib, the cost of leaving in the exit excess.
    public let exitCostTerm: Double
    /// (best_ib − target_ib) − leave_threshold − exit_cost · need_i · cover_ib, the exit test's excess.
    public let exitExcess: Double
    /// Whether i leads b or is its only member on paper (it never freezes or leaves b).
    public let anchored: Bool
    /// hazard · excess of the change checked (0 when the rule does not reach a draw, and for unfreeze).
    public let hazard: Double
    /// The probability the change happens this step: 1 − exp(−hazard · excess), 1 for a due unfreeze, 0
    /// when the rule does not reach a draw.
    public let probability: Double

    /// The check for a pair with status `status`, outside option `best`, affinity `affinity`, the step's
    /// target `target`, need `need` and cover `cover`; `anchored` as above; `acceptance` the mean trust of
    /// b's other active members in the state (nil: none).
    public init(status: MembershipStatus, best: Double, affinity: Double, target: Double, need: Double, cover: Double,
                anchored: Bool, acceptance: Double?, parameters: ParameterValues) {
        let rate = parameters[.hazard]
        let freezeThreshold = parameters[.freezeThreshold]
        self.anchored = anchored
        feltAffinity = DynamicsTwo.feltAffinity(affinity: affinity, target: target, triggerWeight: parameters[.triggerWeight])
        feltGap = best - feltAffinity
        exitCostTerm = parameters[.exitCost] * need * cover
        exitExcess = DynamicsTwo.exitExcess(best: best, target: target, need: need, cover: cover,
                                            leaveThreshold: parameters[.leaveThreshold], exitCost: parameters[.exitCost])
        switch status {
        case .member:
            change = .freeze
            if feltGap > freezeThreshold && !anchored {
                hazard = rate * (feltGap - freezeThreshold)
                probability = 1 - exp(-rate * (feltGap - freezeThreshold))
            } else {
                hazard = 0
                probability = 0
            }
        case .frozen:
            if exitExcess > 0 && !anchored {
                change = .leave
                hazard = rate * exitExcess
                probability = 1 - exp(-rate * exitExcess)
            } else if best - affinity < freezeThreshold - parameters[.hysteresis] {
                change = .unfreeze
                hazard = 0
                probability = 1
            } else {
                change = .leave
                hazard = 0
                probability = 0
            }
        case .outside, .left:
            change = .join
            (hazard, probability) = MembershipCheck.joinChance(affinity: affinity, acceptance: acceptance, parameters: parameters)
        }
    }
}
