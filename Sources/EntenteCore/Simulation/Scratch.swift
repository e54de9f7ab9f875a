/// Per-run working buffers, allocated once per run so the step loop allocates nothing, and held as
/// raw buffers so the step rules read and write them without bounds or uniqueness checks.
///
/// A `final class` because it owns that memory (freed in `deinit`); one per run, never shared.
public final class Scratch {
    /// T·Tᵀ for structural balance (empty until balance is on).
    var product: [Double]
    /// Bloc trust τ_ib.
    public let blocTrust: UnsafeMutableBufferPointer<Double>
    /// Cover_ib.
    public let cover: UnsafeMutableBufferPointer<Double>
    /// Σ weight over each bloc's active members.
    let weightSum: UnsafeMutableBufferPointer<Double>
    /// Active members of each bloc, bloc after bloc (`activeStart[b]..<activeStart[b + 1]`).
    let activeMembers: UnsafeMutableBufferPointer<Int>
    /// The perception weight c_m (1 + leader_weight [m leads b]) of each entry of `activeMembers`.
    let activeWeight: UnsafeMutableBufferPointer<Double>
    /// Offsets into `activeMembers`, `blocCount + 1` long.
    let activeStart: UnsafeMutableBufferPointer<Int>
    /// Model 2: the affinity target of each (state, bloc), kept for the exit rule.
    public let target: UnsafeMutableBufferPointer<Double>
    /// Model 2: each bloc's dominance, the leader's share of its active members' capability (0 without an active leader).
    public let dominance: UnsafeMutableBufferPointer<Double>
    /// Model 2: one state's threat sources (the j with H_ij > 0).
    let sources: UnsafeMutableBufferPointer<Int>
    /// Model 2: 1 when bloc b's `covers:` admits adversary j (`[b * N + j]`; a listed scope admits only its states).
    let scopeAdmits: UnsafeMutableBufferPointer<Bool>

    /// Buffers sized for `world`.
    public init(world: World) {
        let cells = world.stateCount * world.blocCount
        func doubles(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
            let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
            buffer.initialize(repeating: 0)
            return buffer
        }
        func ints(_ count: Int) -> UnsafeMutableBufferPointer<Int> {
            let buffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
            buffer.initialize(repeating: 0)
            return buffer
        }
        product = []
        blocTrust = doubles(cells)
        cover = doubles(cells)
        weightSum = doubles(world.blocCount)
        activeMembers = ints(cells)
        activeWeight = doubles(cells)
        activeStart = ints(world.blocCount + 1)
        let modelTwo = world.isModelTwo
        target = doubles(modelTwo ? cells : 0)
        dominance = doubles(modelTwo ? world.blocCount : 0)
        sources = ints(modelTwo ? world.stateCount : 0)
        scopeAdmits = UnsafeMutableBufferPointer<Bool>.allocate(capacity: modelTwo ? world.blocCount * world.stateCount : 0)
        if modelTwo {
            for b in 0..<world.blocCount {
                for j in 0..<world.stateCount {
                    let admits: Bool
                    if case .states(let list) = world.scope[b] { admits = list.contains(j) } else { admits = true }
                    scopeAdmits[b * world.stateCount + j] = admits
                }
            }
        }
    }

    deinit {
        blocTrust.deallocate()
        cover.deallocate()
        weightSum.deallocate()
        activeMembers.deallocate()
        activeWeight.deallocate()
        activeStart.deallocate()
        target.deallocate()
        dominance.deallocate()
        sources.deallocate()
        scopeAdmits.deallocate()
    }
}
