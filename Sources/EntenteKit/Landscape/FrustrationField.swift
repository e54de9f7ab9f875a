/// Per-actor frustrations F_i = Σ_{j≠i} w_ij [g_i ≠ g_j] of one bipartition, with the energy E = Σ_i F_i,
/// kept up to date in O(N) when one actor changes side.
///
/// With W_i = Σ_j w_ij, moving actor k changes E by Δ_k = 2 (W_k − 2 F_k): F_k becomes W_k − F_k, and every
/// other F_j changes by +w_jk when j and k were on the same side, −w_jk otherwise.
public struct FrustrationField {
    /// N.
    public let count: Int
    /// w_ij row-major.
    public let weights: [Double]
    /// W_i = Σ_j w_ij.
    public let rowSums: [Double]
    /// Current sides (0/1).
    public private(set) var sides: [UInt8]
    /// Current F_i.
    public private(set) var frustration: [Double]
    /// Current E.
    public private(set) var energy: Double

    /// The field of `sides` under weights `w` (N×N row-major, symmetric, zero diagonal), computed in O(N²).
    public init(weights w: [Double], sides: [UInt8]) {
        count = sides.count
        weights = w
        rowSums = (0..<sides.count).map { i in (0..<sides.count).reduce(0) { $0 + w[i * sides.count + $1] } }
        self.sides = sides
        frustration = [Double](repeating: 0, count: sides.count)
        energy = 0
        recompute()
    }

    /// Recomputes F and E from scratch (clears rounding drift).
    public mutating func recompute() {
        energy = 0
        for i in 0..<count {
            var sum = 0.0
            for j in 0..<count where sides[i] != sides[j] { sum += weights[i * count + j] }
            frustration[i] = sum
            energy += sum
        }
    }

    /// Δ_k: the change of E if actor k moved.
    @inline(__always)
    public func delta(_ k: Int) -> Double { 2 * (rowSums[k] - 2 * frustration[k]) }

    /// Moves actor k to the other side in O(N).
    public mutating func move(_ k: Int) {
        energy += delta(k)
        let side = sides[k]
        weights.withUnsafeBufferPointer { w in
            frustration.withUnsafeMutableBufferPointer { f in
                sides.withUnsafeBufferPointer { g in
                    let row = k * count
                    for j in 0..<count where j != k {
                        f[j] += g[j] == side ? w[row + j] : -w[row + j]
                    }
                }
            }
        }
        frustration[k] = rowSums[k] - frustration[k]
        sides[k] ^= 1
    }

    /// The move steepest descent takes: the actor whose move lowers E most (by more than `tolerance`),
    /// ties to the lowest index; nil at a local minimum.
    public func steepestMove(tolerance: Double) -> Int? {
        var best: Int?
        var bestDelta = -tolerance
        for k in 0..<count {
            let d = delta(k)
            if d < bestDelta { bestDelta = d; best = k }
        }
        return best
    }
}
