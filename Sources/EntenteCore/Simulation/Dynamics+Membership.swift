#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rule 6's thresholds and hazard, read once per membership pass; the same names in both models.
struct MembershipParameters {
    let nonaligned: Double
    let freezeThreshold: Double
    let leaveThreshold: Double
    let hysteresis: Double
    let joinThreshold: Double
    let acceptThreshold: Double
    let hazard: Double

    @inline(__always)
    init(_ parameters: ParameterValues) {
        nonaligned = parameters[.nonaligned]
        freezeThreshold = parameters[.freezeThreshold]
        leaveThreshold = parameters[.leaveThreshold]
        hysteresis = parameters[.hysteresis]
        joinThreshold = parameters[.joinThreshold]
        acceptThreshold = parameters[.acceptThreshold]
        hazard = parameters[.hazard]
    }
}

/// Rule 6 for a state outside bloc b or that has left it, the same in both models (docs/model.md,
/// "Outside or left"; model 2 joins "exactly as in model 1").
extension Dynamics {
    /// If i is not an armed group, A_ib > join_threshold and the mean trust of b's active members m ≠ i in i
    /// (acceptance) exceeds accept_threshold, i joins b with probability 1 − exp(−hazard · (A_ib − join_threshold)):
    /// one uniform draw, made only when all three hold; a join sets status_ib to `member` and is logged.
    @inline(__always)
    static func considerJoining(_ world: inout World, _ i: Int, _ b: Int, affinity: Double, step: Int,
                                rule: MembershipParameters, random: RandomStream, names: WorldNames, log: inout EventLog) {
        guard affinity > rule.joinThreshold, !world.isGroup[i] else { return }
        let n = world.stateCount
        var sum = 0.0
        var count = 0
        for m in 0..<n where m != i && world.isActive(m, b) {
            sum += world.trust(m, i)
            count &+= 1
        }
        guard count > 0, sum / Double(count) > rule.acceptThreshold else { return }
        if random.bernoulli(1 - exp(-rule.hazard * (affinity - rule.joinThreshold))) {
            world.status[i &* world.blocCount &+ b] = .member
            log.record(step: step, event: "", type: "join", actor: names.states[i], target: names.blocs[b],
                       detail: "affinity=\(affinity) acceptance=\(sum / Double(count))")
        }
    }
}
