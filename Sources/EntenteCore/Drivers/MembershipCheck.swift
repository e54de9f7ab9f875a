#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The membership change rule 6 checks for one state–bloc pair in one step, with its hazard and
/// probability, computed as Dynamics.updateMembership computes them (docs/model.md, rule 6).
public struct MembershipCheck: Sendable, Equatable {
    /// The change checked: freeze (active member), leave or unfreeze (frozen member), join (outsider or leaver).
    public enum Change: String, Sendable { case freeze, leave, unfreeze, join }

    /// The change checked.
    public let change: Change
    /// hazard · excess over the threshold (0 when the excess is not positive; for unfreeze, which is
    /// deterministic, 0).
    public let hazard: Double
    /// The probability the change happens this step: 1 − exp(−hazard · excess), or 0/1 for unfreeze, or 0
    /// when the rule does not reach the draw (no excess, or a join the members would not accept).
    public let probability: Double

    /// The check for a pair with status `status`, gap `gap` to the outside option, affinity `affinity`,
    /// and `acceptance` the mean trust of the bloc's other active members in the state (nil: none).
    public init(status: MembershipStatus, gap: Double, affinity: Double, acceptance: Double?, parameters: ParameterValues) {
        let rate = parameters[.hazard]
        switch status {
        case .member:
            change = .freeze
            let excess = gap - parameters[.freezeThreshold]
            hazard = gap > parameters[.freezeThreshold] ? rate * excess : 0
            probability = gap > parameters[.freezeThreshold] ? 1 - exp(-rate * excess) : 0
        case .frozen:
            if gap > parameters[.leaveThreshold] {
                change = .leave
                hazard = rate * (gap - parameters[.leaveThreshold])
                probability = 1 - exp(-hazard)
            } else if gap < parameters[.freezeThreshold] - parameters[.hysteresis] {
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
            (hazard, probability) = Self.joinChance(affinity: affinity, acceptance: acceptance, parameters: parameters)
        }
    }

    /// The join rule's hazard and probability for an outsider with affinity `affinity` whose would-be
    /// co-members' mean trust in it is `acceptance` (nil: none), the same under both models:
    /// rate · (A − join_threshold) when A > join_threshold and acceptance > accept_threshold, else 0.
    public static func joinChance(affinity: Double, acceptance: Double?, parameters: ParameterValues) -> (hazard: Double, probability: Double) {
        let rate = parameters[.hazard]
        let excess = affinity - parameters[.joinThreshold]
        guard affinity > parameters[.joinThreshold], let acceptance, acceptance > parameters[.acceptThreshold] else { return (0, 0) }
        return (rate * excess, 1 - exp(-rate * excess))
    }
}
