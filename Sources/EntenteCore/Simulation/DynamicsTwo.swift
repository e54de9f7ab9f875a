#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Model 2's step rules (docs/model.md, "Model 2"): hostile intent and grievance relax; threat from
/// hostile intent; cover per source of threat; grievance and hierarchy cost in the affinity target;
/// rival blocs as the only bloc outside options; exit with its own cost. Trust (steps 1–3) is model 1's.
public enum DynamicsTwo {
    /// Step 3b: H_ij += hostility_decay · (Hbase_ij − H_ij); G_ib ← (1 − grievance_decay) · G_ib.
    public static func relax(_ world: inout World, parameters: ParameterValues) {
        let rate = parameters[.hostilityDecay]
        let keep = 1 - parameters[.grievanceDecay]
        let base = world.hostilityBase
        base.withUnsafeBufferPointer { base in
            world.hostility.withUnsafeMutableBufferPointer { h in
                for index in 0..<h.count { h[index] += rate * (base[index] - h[index]) }
            }
        }
        world.grievance.withUnsafeMutableBufferPointer { g in
            for index in 0..<g.count { g[index] *= keep }
        }
    }

    /// Step 4: threat θ_i = Σ_j c_j H_ij; need_i = 1 − Π_j (1 − H_ij c_j / (c_j + c_i)), the chance that some
    /// hostile state both acts and prevails; bloc trust (as model 1), dominance, and cover per source:
    /// cover_ib = Σ_j min(c_j H_ij, ω_b S_ibj) / θ_i over sources j that are not members of b on paper and
    /// that b's `covers:` admits, with S_ibj = Σ_{m active in b, m ∉ {i, j}, T_im > 0} c_m T_im σ(k_assist (T_mi − T_mj)).
    public static func perceive(_ world: inout World, parameters: ParameterValues, scratch: inout Scratch) {
        let n = world.stateCount
        let blocs = world.blocCount
        let leaderWeight = parameters[.leaderWeight]
        let kAssist = parameters[.kAssist]
        Dynamics.gatherActiveMembers(world, leaderWeight: leaderWeight, scratch: scratch)
        let starts = scratch.activeStart, members = scratch.activeMembers
        let blocTrust = scratch.blocTrust, cover = scratch.cover
        let dominance = scratch.dominance, sources = scratch.sources, scopeAdmits = scratch.scopeAdmits
        // dom_b: the leader's share of the capability of b's active members (0 when it is not one of them).
        for b in 0..<blocs {
            var capabilitySum = 0.0
            var leaderCapability = 0.0
            for index in starts[b]..<starts[b &+ 1] {
                let m = members[index]
                capabilitySum += world.capability[m]
                if world.leader[b] == m { leaderCapability = world.capability[m] }
            }
            dominance[b] = capabilitySum > 0 ? leaderCapability / capabilitySum : 0
        }
        let trustArray = world.trust, hostilityArray = world.hostility, capabilityArray = world.capability
        let statusArray = world.status, obligationArray = world.obligation
        Dynamics.writingThreatAndNeed(&world) { threats, needs in
        trustArray.withUnsafeBufferPointer { trust in
        hostilityArray.withUnsafeBufferPointer { hostility in
        capabilityArray.withUnsafeBufferPointer { capability in
        statusArray.withUnsafeBufferPointer { status in
        obligationArray.withUnsafeBufferPointer { obligation in
            for i in 0..<n {
                let row = i &* n
                let own = capability[i]
                var threat = 0.0
                var safe = 1.0  // the chance that no hostile state both acts and prevails
                var sourceCount = 0
                for j in 0..<n {
                    let h = hostility[row &+ j]  // the diagonal is 0
                    if h > 0 {
                        let c = capability[j]
                        threat += c * h
                        if c + own > 0 { safe *= 1 - h * c / (c + own) }
                        sources[sourceCount] = j
                        sourceCount &+= 1
                    }
                }
                threats[i] = threat
                needs[i] = 1 - safe
                for b in 0..<blocs {
                    let cell = i &* blocs &+ b
                    blocTrust[cell] = Dynamics.blocTrust(i, b, row: row, trust: trust, scratch: scratch) { _, _ in }
                    let own = status[cell]
                    // Members on paper (active or frozen) count on the treaty; outsiders and leavers do not.
                    guard (own == .member || own == .frozen) && threat > 0 else { cover[cell] = 0; continue }
                    var covered = 0.0
                    for s in 0..<sourceCount {
                        let j = sources[s]
                        let fellow = status[j &* blocs &+ b]
                        if fellow == .member || fellow == .frozen || !scopeAdmits[b &* n &+ j] { continue }
                        var support = 0.0
                        for index in starts[b]..<starts[b &+ 1] {
                            let m = members[index]
                            if m == i || m == j { continue }
                            let t = trust[row &+ m]
                            if t > 0 {
                                let p = 1 / (1 + exp(-kAssist * (trust[m &* n &+ i] - trust[m &* n &+ j])))
                                support += capability[m] * t * p
                            }
                        }
                        covered += min(capability[j] * hostility[row &+ j], obligation[b] * support)
                    }
                    cover[cell] = covered / threat
                }
            }
        }
        }
        }
        }
        }
        }
    }

    /// Step 5: target_ib = clamp((1 + w_trust (τ_ib − G_ib) + w_security need_i (2 cover_ib − 1)
    /// − w_security · autonomy_i · dominance_b [i ≠ leader_b]) / 2, 0, 1); affinity moves `adaptation` of the way,
    /// or max(adaptation, regime_reset) of it in the step after i's `regime_change` (Leeds & Savun 2007: the
    /// commitment was the old government's, so the new one re-judges its blocs at once).
    /// Autonomy given up is weighed on the scale of security gained (Morrow 1991): a fully autonomy-minded
    /// state in a fully dominated bloc loses what a fully threatened state gains from full cover.
    public static func updateAffinity(_ world: inout World, parameters: ParameterValues, scratch: Scratch) {
        let blocs = world.blocCount
        let adaptation = parameters[.adaptation]
        let wTrust = parameters[.wTrust]
        let wSecurity = parameters[.wSecurity]
        let regimeReset = max(adaptation, parameters[.regimeReset])
        let blocTrust = scratch.blocTrust, cover = scratch.cover, targets = scratch.target, dominance = scratch.dominance
        let needArray = world.need, grievanceArray = world.grievance, autonomyArray = world.autonomy, leaderArray = world.leader
        var anyChange = false  // a `regime_change` this step: its state re-judges its blocs (regime_reset)
        for flag in world.regimeChanged where flag { anyChange = true; break }
        do {  // the copy of the flags ends before they are cleared
        let changedArray = world.regimeChanged
        changedArray.withUnsafeBufferPointer { changed in
        needArray.withUnsafeBufferPointer { needs in
        grievanceArray.withUnsafeBufferPointer { grievance in
        autonomyArray.withUnsafeBufferPointer { autonomy in
        leaderArray.withUnsafeBufferPointer { leader in
            world.affinity.withUnsafeMutableBufferPointer { affinity in
                for i in 0..<needs.count {
                    let need = needs[i]
                    let rate = changed[i] ? regimeReset : adaptation  // a new government re-judges its blocs
                    for b in 0..<blocs {
                        let cell = i &* blocs &+ b
                        let hierarchy = hierarchyCost(isLeader: leader[b] == i, autonomy: autonomy[i], dominance: dominance[b], wSecurity: wSecurity)
                        let target = affinityTarget(blocTrust: blocTrust[cell], grievance: grievance[cell], need: need, cover: cover[cell],
                                                    hierarchy: hierarchy, wTrust: wTrust, wSecurity: wSecurity)
                        targets[cell] = target
                        affinity[cell] = min(1, max(0, affinity[cell] + rate * (target - affinity[cell])))
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        if anyChange { for i in 0..<world.regimeChanged.count { world.regimeChanged[i] = false } }
    }

    /// The leader of b, or its only member on paper: it never freezes or leaves b.
    @inline(__always)
    static func isAnchored(_ i: Int, _ b: Int, _ world: World) -> Bool {
        world.leader[b] == i || world.memberCount(b) == 1
    }

    /// Step 6: freeze, exit, unfreeze and join. Outside options are non-alignment and rival blocs only;
    /// a bloc's leader and its sole member on paper never freeze or leave it; a member freezes on the felt gap
    /// best − (A − trigger_weight · max(0, A − target)); a frozen member leaves with
    /// hazard on (best − target) − leave_threshold − exit_cost · need · cover, then re-anchors its grudges.
    public static func updateMembership(_ world: inout World, step: Int, parameters: ParameterValues, random: RandomStream,
                                        scratch: Scratch, names: WorldNames, log: inout EventLog) {
        let n = world.stateCount
        let blocs = world.blocCount
        guard blocs > 0 else { return }
        let rule = MembershipParameters(parameters)
        let nonaligned = rule.nonaligned, freezeThreshold = rule.freezeThreshold, leaveThreshold = rule.leaveThreshold
        let hysteresis = rule.hysteresis, hazard = rule.hazard
        let exitCost = parameters[.exitCost]
        let triggerWeight = parameters[.triggerWeight]
        for i in 0..<n {
            for b in 0..<blocs {
                let cell = i &* blocs &+ b
                let affinity = world.affinity[cell]
                switch world.status[cell] {
                case .member, .frozen:
                    let best = outsideOption(i, b, world: world, nonaligned: nonaligned).value
                    let gap = best - affinity
                    // The leader and a sole member on paper are anchored (counted only when a change is possible).
                    if world.status[cell] == .member {
                        let felt = best - feltAffinity(affinity: affinity, target: scratch.target[cell], triggerWeight: triggerWeight)
                        if felt > freezeThreshold && !isAnchored(i, b, world) && random.bernoulli(1 - exp(-hazard * (felt - freezeThreshold))) {
                            world.status[cell] = .frozen
                            world.reanchorAfterRupture(i, b)
                            log.record(step: step, event: "", type: "freeze", actor: names.states[i], target: names.blocs[b], detail: "gap=\(gap)")
                        }
                        continue
                    }
                    let excess = exitExcess(best: best, target: scratch.target[cell], need: world.need[i], cover: scratch.cover[cell],
                                            leaveThreshold: leaveThreshold, exitCost: exitCost)
                    if excess > 0 && !isAnchored(i, b, world) {
                        if random.bernoulli(1 - exp(-hazard * excess)) {
                            world.status[cell] = .left
                            world.reanchorAfterRupture(i, b)
                            log.record(step: step, event: "", type: "leave", actor: names.states[i], target: names.blocs[b], detail: "gap=\(gap) excess=\(excess)")
                        }
                    } else if gap < freezeThreshold - hysteresis {
                        world.status[cell] = .member
                        log.record(step: step, event: "", type: "unfreeze", actor: names.states[i], target: names.blocs[b], detail: "gap=\(gap)")
                    }
                case .outside, .left:
                    Dynamics.considerJoining(&world, i, b, affinity: affinity, step: step, rule: rule, random: random, names: names, log: &log)
                }
            }
        }
    }
}
