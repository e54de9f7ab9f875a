#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A call on a state's blocs for help, shared by `attack` and `aid_request`.
///
/// Each active member m of each bloc b the caller actively belongs to, with ω_b > 0
/// (other than the caller and the adversary), assists or declines: as scripted, or with
/// probability σ(k_assist · (T_m,caller − T_m,adversary)). Declining costs T_caller,m
/// abandonment · ω_b · intensity · c_m / max c over b's active members; assisting raises it
/// by reward · ω_b · intensity.
public struct CallForHelp: Sendable, Hashable {
    /// A scripted answer.
    public enum Answer: String, Sendable, CaseIterable { case assist, decline }

    /// The state calling.
    public var caller: Int
    /// The state it needs help against, if any.
    public var adversary: Int?
    /// Further adversaries of a coalition attack (`by: [A, B]`), after `adversary`.
    public var moreAdversaries: [Int] = []
    /// Only this bloc is called, when set.
    public var bloc: Int?
    /// Strength of the call.
    public var intensity: Double
    /// The answer of every member, when history fixes it.
    public var response: Answer?
    /// Per-member answers, overriding `response`.
    public var responses: [Int: Answer]

    /// Makes the call: every answer is drawn or scripted, applied and logged.
    public func answer(in world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let parameters = environment.parameters
        // Model 2: a frozen member still calls its bloc and counts the answers.
        let modelTwo = world.isModelTwo
        for b in 0..<world.blocCount where (modelTwo ? world.belongs(caller, b) : world.isActive(caller, b)) && world.obligation[b] > 0 {
            if let bloc, bloc != b { continue }
            if moreAdversaries.isEmpty {
                if !world.scope[b].covers(adversary: adversary, belongs: adversary.map { world.belongs($0, b) } ?? false) { continue }
            } else if coveredAdversaries(of: b, in: world).isEmpty {
                continue
            }
            var maxCapability = 0.0
            for m in 0..<world.stateCount where world.isActive(m, b) {
                maxCapability = max(maxCapability, world.capability[m])
            }
            let omega = world.obligation[b]
            let covered = moreAdversaries.isEmpty ? [] : coveredAdversaries(of: b, in: world)
            for m in 0..<world.stateCount where m != caller && m != adversary && world.isActive(m, b) && !moreAdversaries.contains(m) {
                let assists: Bool
                let scripted = responses[m] ?? response
                var p = 0.0
                if let scripted {
                    assists = scripted == .assist
                } else {
                    var against = adversary.map { world.trust(m, $0) } ?? 0
                    if !covered.isEmpty {
                        var sum = 0.0
                        for a in covered { sum += world.trust(m, a) }
                        against = sum / Double(covered.count)
                    }
                    p = 1 / (1 + exp(-parameters[.kAssist] * (world.trust(m, caller) - against)))
                    assists = environment.random.bernoulli(p)
                }
                if assists {
                    world.addTrust(caller, m, parameters[.reward] * omega * intensity)
                } else {
                    let share = maxCapability > 0 ? world.capability[m] / maxCapability : 0
                    world.addTrust(caller, m, -parameters[.abandonment] * omega * intensity * share)
                    if modelTwo { world.addGrievance(caller, b, parameters[.grievance] * (parameters[.abandonment] * omega * intensity * share)) }
                }
                log.record(step: environment.step, event: environment.names.events[environment.eventIndex],
                           type: assists ? "assist" : "decline", actor: environment.names.states[m],
                           target: environment.names.states[caller],
                           detail: "bloc=" + environment.names.blocs[b] + (scripted != nil ? " scripted" : " p=\(p)"))
            }
        }
    }

    /// The adversaries (of a coalition) that bloc b's `covers:` scope covers, in the listed order.
    public func coveredAdversaries(of b: Int, in world: World) -> [Int] {
        guard let adversary else { return [] }
        return ([adversary] + moreAdversaries).filter { world.scope[b].covers(adversary: $0, belongs: world.belongs($0, b)) }
    }

    /// Creates the value from its fields.
    public init(caller: Int, adversary: Int?, bloc: Int?, intensity: Double, response: Answer?, responses: [Int: Answer]) {
        self.caller = caller
        self.adversary = adversary
        self.bloc = bloc
        self.intensity = intensity
        self.response = response
        self.responses = responses
    }
}

