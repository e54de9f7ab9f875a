internal import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-step rules of the model, on flat arrays (docs/model.md, "Each step").
public enum Dynamics {
    /// Steps 1–3: memory toward baseline, structural balance (T += balance · T·Tᵀ / (N − 2)), noise; then clamp to [-1, 1].
    ///
    /// With balance off (the default) memory, noise and clamp are one pass over the matrix: the same
    /// operations on each cell in the same order as three passes, so the same bits, at a third of the
    /// loads and stores. With balance on, memory must finish over the whole matrix before the product.
    public static func updateTrust(_ world: inout World, parameters: ParameterValues, random: RandomStream, scratch: inout Scratch) {
        let n = world.stateCount
        let decay = parameters[.decay]
        let forgiveness = parameters[.forgiveness]
        let balance = parameters[.balance]
        let noise = parameters[.noise]
        let useBalance = balance > 0 && n > 2
        if useBalance {
            world.trust.withUnsafeMutableBufferPointer { trust in
                world.baseline.withUnsafeBufferPointer { baseline in
                    for i in 0..<n {
                        let row = i &* n
                        for j in 0..<n where j != i {
                            let index = row &+ j
                            trust[index] = relaxed(trust[index], toward: baseline[index], decay: decay, forgiveness: forgiveness)
                        }
                    }
                }
            }
            if scratch.product.count != n * n { scratch.product = .init(repeating: 0, count: n * n) }
            multiplyByTranspose(&world.trust, into: &scratch.product, n: n)
            let scale = balance / Double(n - 2)
            world.trust.withUnsafeMutableBufferPointer { trust in
                scratch.product.withUnsafeBufferPointer { product in
                    for index in 0..<(n &* n) { trust[index] += scale * product[index] }
                }
            }
        }
        // Draws in row order over the off-diagonal (i, then j ≠ i): one N(0, 1) draw times `noise` per cell.
        world.trust.withUnsafeMutableBufferPointer { trust in
            world.baseline.withUnsafeBufferPointer { baseline in
                for i in 0..<n {
                    let row = i &* n
                    for j in 0..<n {
                        let index = row &+ j
                        if j == i { trust[index] = 0; continue }
                        var t = trust[index]
                        if !useBalance { t = relaxed(t, toward: baseline[index], decay: decay, forgiveness: forgiveness) }
                        if noise > 0 { t += random.gaussian() * noise }
                        trust[index] = min(1, max(-1, t))
                    }
                }
            }
        }
    }

    /// Memory: `t` moves the fraction `decay` (above its baseline) or `forgiveness` (below) toward `baseline`.
    @inline(__always)
    static func relaxed(_ t: Double, toward baseline: Double, decay: Double, forgiveness: Double) -> Double {
        t + (t > baseline ? decay : forgiveness) * (baseline - t)
    }

    /// C = T·Tᵀ through GSL's BLAS: C_ij = Σ_k T_ik T_jk, how far i and j agree about every third
    /// party (homophily, Traag, Van Dooren & De Leenheer 2013). The zero diagonal of T drops the
    /// k = i and k = j terms. (The specification's T·T fails to balance directed trust: docs/model.md.)
    public static func multiplyByTranspose(_ matrix: inout [Double], into product: inout [Double], n: Int) {
        let status = matrix.withUnsafeMutableBufferPointer { a in
            product.withUnsafeMutableBufferPointer { c in
                var viewA = gsl_matrix_view_array(a.baseAddress, n, n)
                var viewC = gsl_matrix_view_array(c.baseAddress, n, n)
                return gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1.0, &viewA.matrix, &viewA.matrix, 0.0, &viewC.matrix)
            }
        }
        if status != GSL_SUCCESS {
            for index in product.indices { product[index] = .nan }  // surfaces as a run error naming trust
        }
    }

    /// Step 4: threat, need, bloc trust and cover.
    public static func perceive(_ world: inout World, parameters: ParameterValues, scratch: inout Scratch) {
        let n = world.stateCount
        let blocs = world.blocCount
        let leaderWeight = parameters[.leaderWeight]
        gatherActiveMembers(world, leaderWeight: leaderWeight, scratch: scratch)
        let blocTrust = scratch.blocTrust, cover = scratch.cover
        let trustArray = world.trust, capabilityArray = world.capability, statusArray = world.status, obligationArray = world.obligation
        writingThreatAndNeed(&world) { threats, needs in
        trustArray.withUnsafeBufferPointer { trust in
        capabilityArray.withUnsafeBufferPointer { capability in
        statusArray.withUnsafeBufferPointer { status in
        obligationArray.withUnsafeBufferPointer { obligation in
            for i in 0..<n {
                let row = i &* n
                var threat = 0.0
                for j in 0..<n {
                    let t = trust[row &+ j]  // the diagonal is 0
                    if t < 0 { threat -= capability[j] * t }
                }
                threats[i] = threat
                let own = capability[i]
                needs[i] = threat + own > 0 ? threat / (threat + own) : 0
                for b in 0..<blocs {
                    var support = 0.0  // Σ c_m T_im over the active members m ≠ i with T_im > 0
                    let cell = i &* blocs &+ b
                    blocTrust[cell] = Dynamics.blocTrust(i, b, row: row, trust: trust, scratch: scratch) { m, t in
                        if t > 0 { support += capability[m] * t }
                    }
                    // Only an active member can count on the bloc: frozen members, outsiders and leavers get no cover.
                    if status[cell] != .member || threat == 0 {
                        cover[cell] = 0
                    } else {
                        cover[cell] = min(1, obligation[b] * support / threat)
                    }
                }
            }
        }
        }
        }
        }
        }
    }

    /// Step 5: affinity moves a fraction `adaptation` toward (1 + w_trust τ + w_security need (2 cover − 1)) / 2.
    public static func updateAffinity(_ world: inout World, parameters: ParameterValues, scratch: Scratch) {
        let blocs = world.blocCount
        let adaptation = parameters[.adaptation]
        let wTrust = parameters[.wTrust]
        let wSecurity = parameters[.wSecurity]
        let blocTrust = scratch.blocTrust, cover = scratch.cover
        let needArray = world.need
        needArray.withUnsafeBufferPointer { needs in
            world.affinity.withUnsafeMutableBufferPointer { affinity in
                for i in 0..<needs.count {
                    let need = needs[i]
                    for b in 0..<blocs {
                        let cell = i &* blocs &+ b
                        let target = min(1, max(0, (1 + wTrust * blocTrust[cell] + wSecurity * need * (2 * cover[cell] - 1)) / 2))
                        affinity[cell] = min(1, max(0, affinity[cell] + adaptation * (target - affinity[cell])))
                    }
                }
            }
        }
    }

    /// Step 6: freeze, leave, unfreeze and join, each a hazard 1 − exp(−hazard · excess).
    public static func updateMembership(_ world: inout World, step: Int, parameters: ParameterValues, random: RandomStream,
                                 names: WorldNames, log: inout EventLog) {
        let n = world.stateCount
        let blocs = world.blocCount
        guard blocs > 0 else { return }
        let rule = MembershipParameters(parameters)
        let nonaligned = rule.nonaligned, freezeThreshold = rule.freezeThreshold, leaveThreshold = rule.leaveThreshold
        let hysteresis = rule.hysteresis, hazard = rule.hazard
        let treaties = world.hasTreaties
        if treaties { world.completeExits(step: step, names: names, log: &log) }
        // The rule changes statuses only: affinity is read in place, without bounds checks.
        let affinityArray = world.affinity
        affinityArray.withUnsafeBufferPointer { affinities in
        for i in 0..<n {
            let row = i &* blocs
            for b in 0..<blocs {
                let cell = row &+ b
                let affinity = affinities[cell]
                let status = world.status[cell]
                switch status {
                case .member, .frozen:
                    if treaties && world.pendingExit[cell] >= 0 { continue }  // under notice: waits for its exit
                    var best = nonaligned
                    for other in 0..<blocs where other != b { best = max(best, affinities[row &+ other]) }
                    let gap = best - affinity
                    if status == .member {
                        if gap > freezeThreshold && random.bernoulli(1 - exp(-hazard * (gap - freezeThreshold))) {
                            world.status[cell] = .frozen
                            log.record(step: step, event: "", type: "freeze", actor: names.states[i], target: names.blocs[b], detail: "gap=\(gap)")
                        }
                    } else if gap > leaveThreshold {
                        if random.bernoulli(1 - exp(-hazard * (gap - leaveThreshold))),
                           !treaties || world.decideExit(i, b, step: step, names: names, event: "", log: &log, detail: "gap=\(gap)") {
                            world.status[cell] = .left
                            log.record(step: step, event: "", type: "leave", actor: names.states[i], target: names.blocs[b], detail: "gap=\(gap)")
                        }
                    } else if gap < freezeThreshold - hysteresis {
                        world.status[cell] = .member
                        log.record(step: step, event: "", type: "unfreeze", actor: names.states[i], target: names.blocs[b], detail: "gap=\(gap)")
                    }
                case .outside, .left:
                    considerJoining(&world, i, b, affinity: affinity, step: step, rule: rule, random: random, names: names, log: &log)
                }
            }
        }
        }
    }
}
