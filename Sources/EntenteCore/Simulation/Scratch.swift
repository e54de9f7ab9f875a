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
    /// One row of Gaussian draws.
    let noiseRow: UnsafeMutableBufferPointer<Double>

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
        noiseRow = doubles(world.stateCount)
    }

    deinit {
        blocTrust.deallocate()
        cover.deallocate()
        weightSum.deallocate()
        activeMembers.deallocate()
        activeWeight.deallocate()
        activeStart.deallocate()
        noiseRow.deallocate()
    }
}
