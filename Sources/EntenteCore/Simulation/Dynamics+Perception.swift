/// The parts of step 4 that both models share (docs/model.md, "Each step", 4, and "Model 2", 4): each
/// bloc's active members with their weights, and bloc trust τ_ib over them. Inlined into each model's
/// pass, so the arithmetic and its order are the ones each pass wrote out by hand before.
extension Dynamics {
    /// Each bloc's active members in index order, their weights c_m (1 + leader_weight [m leads b]) and the
    /// sum of those weights, into `scratch`, once per step. Bloc b's members are
    /// `activeMembers[activeStart[b] ..< activeStart[b + 1]]`.
    @inline(__always)
    static func gatherActiveMembers(_ world: World, leaderWeight: Double, scratch: Scratch) {
        let n = world.stateCount
        let blocs = world.blocCount
        let starts = scratch.activeStart, members = scratch.activeMembers, weights = scratch.activeWeight
        let weightSum = scratch.weightSum
        var count = 0
        for b in 0..<blocs {
            starts[b] = count
            var sum = 0.0
            for m in 0..<n where world.status[m &* blocs &+ b] == .member {
                let w = world.capability[m] * (world.leader[b] == m ? 1 + leaderWeight : 1)
                members[count] = m
                weights[count] = w
                sum += w
                count &+= 1
            }
            weightSum[b] = sum
        }
        starts[blocs] = count
    }

    /// τ_ib = Σ c_m T_im / Σ c_m over b's active members m ≠ i (0 when there are none), from the members
    /// ``gatherActiveMembers(_:leaderWeight:scratch:)`` gathered; `row` is i · N. `visit(m, T_im)` sees each
    /// of those members in order, for a sum a model takes in the same pass (model 1's support).
    @inline(__always)
    static func blocTrust(_ i: Int, _ b: Int, row: Int, trust: UnsafeBufferPointer<Double>, scratch: Scratch,
                          visit: (_ member: Int, _ trust: Double) -> Void) -> Double {
        let starts = scratch.activeStart, members = scratch.activeMembers, weights = scratch.activeWeight
        var weighted = 0.0
        var selfWeight = 0.0
        for index in starts[b]..<starts[b &+ 1] {
            let m = members[index]
            if m == i { selfWeight = weights[index]; continue }
            let t = trust[row &+ m]
            weighted += weights[index] * t
            visit(m, t)
        }
        let others = scratch.weightSum[b] - selfWeight
        return others > 0 ? weighted / others : 0
    }

    /// Runs `body` on θ and need moved out of the world (so writing them needs no uniqueness check),
    /// then moves them back. Take what `body` reads from the world before the call.
    @inline(__always)
    static func writingThreatAndNeed(_ world: inout World,
                                     _ body: (_ threats: UnsafeMutableBufferPointer<Double>, _ needs: UnsafeMutableBufferPointer<Double>) -> Void) {
        var threatArray: [Double] = [], needArray: [Double] = []
        swap(&threatArray, &world.threat)
        swap(&needArray, &world.need)
        threatArray.withUnsafeMutableBufferPointer { threats in
            needArray.withUnsafeMutableBufferPointer { needs in body(threats, needs) }
        }
        swap(&threatArray, &world.threat)
        swap(&needArray, &world.need)
    }
}
