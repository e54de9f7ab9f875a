/// Per-run working buffers, allocated once per run so the step loop allocates nothing.
public struct Scratch {
    /// T·Tᵀ for structural balance (empty when balance is off).
    var product: [Double]
    /// Bloc trust τ_ib.
    var blocTrust: [Double]
    /// Cover_ib.
    var cover: [Double]
    /// Perception weight of each state in each bloc: c_m (1 + leader_weight [m leads b]) when active, else 0.
    var weight: [Double]
    /// Σ weight over each bloc's active members.
    var weightSum: [Double]
    /// Active members of every bloc, bloc after bloc: bloc b's are `activeMembers[activeStart[b]..<activeStart[b+1]]`.
    var activeMembers: [Int]
    /// Perception weight of each entry of `activeMembers`.
    var activeWeight: [Double]
    /// Offsets into `activeMembers`, `blocCount + 1` long.
    var activeStart: [Int]
    /// One row of Gaussian draws for the noise rule.
    var noiseRow: [Double]

    public init(world: World) {
        let cells = world.stateCount * world.blocCount
        product = []
        blocTrust = .init(repeating: 0, count: cells)
        cover = .init(repeating: 0, count: cells)
        weight = .init(repeating: 0, count: cells)
        weightSum = .init(repeating: 0, count: world.blocCount)
        activeMembers = .init(repeating: 0, count: cells)
        activeWeight = .init(repeating: 0, count: cells)
        activeStart = .init(repeating: 0, count: world.blocCount + 1)
        noiseRow = .init(repeating: 0, count: world.stateCount)
    }
}
