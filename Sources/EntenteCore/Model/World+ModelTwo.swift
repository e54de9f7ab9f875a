/// Model 2's state changes made by events: hostile intent, grievance, re-anchoring (docs/model.md, "Model 2").
/// Every function is a no-op under model 1, so events call them unconditionally.
extension World {
    /// True when the world runs model 2's rules.
    @inline(__always)
    public var isModelTwo: Bool { model == 2 }

    /// H_target,actor += amount, clamped to [0, 1] (model 2 only).
    public mutating func addHostility(_ target: Int, _ actor: Int, _ amount: Double) {
        guard isModelTwo, target != actor, amount != 0 else { return }
        let index = target &* stateCount &+ actor
        hostility[index] = min(1, max(0, hostility[index] + amount))
    }

    /// G_ib += amount (amount ≥ 0; model 2 only).
    public mutating func addGrievance(_ i: Int, _ b: Int, _ amount: Double) {
        guard isModelTwo, amount > 0 else { return }
        grievance[i &* blocCount &+ b] += amount
    }

    /// Model 2: the betrayal part of trust changes becomes grievance when they are applied (an overt
    /// transfer, or a covert one at its reveal): for each loss of o's trust in s, o's grievance against
    /// every bloc both belong to on paper grows by `share` × the loss.
    public mutating func recordBetrayal(_ changes: [TrustChange], share: Double) {
        guard isModelTwo, share > 0 else { return }
        for change in changes where change.delta < 0 {
            for b in 0..<blocCount where belongs(change.from, b) && belongs(change.to, b) {
                addGrievance(change.from, b, -share * change.delta)
            }
        }
    }

    /// Model 2: the baseline hostility of i toward j implied by the trust baseline: max(0, −B_ij) when
    /// i and j share no bloc on paper, else 0 (distrust of an ally is not threat).
    public func baselineHostility(_ i: Int, _ j: Int) -> Double {
        guard i != j else { return 0 }
        for b in 0..<blocCount where belongs(i, b) && belongs(j, b) { return 0 }
        return max(0, -baseline[i &* stateCount &+ j])
    }

    /// Model 2, at a `regime_change` of r: the new government judges intentions afresh (row r of H and
    /// its baseline from the new trust baseline; column r too when `others` re-anchor), carries no
    /// grievance of the old one, and re-judges its blocs at the next affinity update (`regime_reset`).
    public mutating func reanchorModelTwo(after r: Int, others: Bool) {
        guard isModelTwo else { return }
        let n = stateCount
        for j in 0..<n where j != r {
            let h = baselineHostility(r, j)
            hostilityBase[r &* n &+ j] = h
            hostility[r &* n &+ j] = h
            if others {
                let back = baselineHostility(j, r)
                hostilityBase[j &* n &+ r] = back
                hostility[j &* n &+ r] = back
            }
        }
        for b in 0..<blocCount { grievance[r &* blocCount &+ b] = 0 }
        regimeChanged[r] = true
    }


    /// Model 2, at a freeze or exit of i from b (a rupture): i's baselines toward b's other members on
    /// paper fall to current trust when it is lower, so grudges no longer relax back to the old goodwill.
    public mutating func reanchorAfterRupture(_ i: Int, _ b: Int) {
        guard isModelTwo else { return }
        let n = stateCount
        for m in 0..<n where m != i && belongs(m, b) {
            let index = i &* n &+ m
            if trust[index] < baseline[index] { baseline[index] = trust[index] }
        }
    }
}
