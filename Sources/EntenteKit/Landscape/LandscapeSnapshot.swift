/// The landscape of one world at one moment, as `run --record landscape` writes it per step: the global
/// minimum of E(g) = Σ_{i≠j} s_i s_j p_ij [g_i ≠ g_j] (the predicted bipartition, ``Landscape``'s formula),
/// each actor's frustration in it, and structural balance's frustration index of p (``StructuralBalance``).
///
/// Both are exact: two Gray-code scans over the 2^(N−1) bipartitions, O(N) each, so N is limited to
/// ``maxActors``. No basins and no local minima other than the global one (that is `entente landscape`).
public struct LandscapeSnapshot: Sendable, Equatable {
    /// Most actors a snapshot enumerates: 2^19 = 524,288 bipartitions, two scans, about 20 ms per recorded
    /// step and replicate on one core of the development machine.
    public static let maxActors = 20

    /// Sides of the global minimum (0 for side 1, 1 for side 2; actor 0 always on side 1). Among equal
    /// energies (within 1e-9·Σ|w_ij|) the first in Gray-code order; all on side 1 when no split lowers E.
    public let sides: [UInt8]
    /// E of that bipartition, from scratch.
    public let energy: Double
    /// F_i of each actor in that bipartition, from scratch.
    public let frustration: [Double]
    /// Minimum over bipartitions of the total |p_ij| of edges violating balance, each pair counted once.
    public let frustrationIndex: Double

    /// Refuses a landscape of more than ``maxActors`` actors (exit 64) or fewer than 2.
    public static func checkSize(states: Int) throws {
        guard states <= maxActors else {
            throw EntenteError.usage("--record landscape enumerates all 2^(N−1) bipartitions at every recorded step and allows at most \(maxActors) states; this scenario has \(states) (use `entente landscape`, which searches larger systems by descent)")
        }
        guard states >= 2 else {
            throw EntenteError.usage("--record landscape needs at least 2 states; this scenario has \(states)")
        }
    }

    /// The snapshot of sizes `sizes` and the row-major `count`×`count` trust matrix `trust` (diagonal ignored).
    public init(sizes: [Double], trust: [Double], count n: Int) {
        let p = LandscapeInput.symmetrised(trust, n: n)
        var w = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n where j != i { w[i * n + j] = sizes[i] * sizes[j] * p[i * n + j] } }
        let sides = Self.minimum(w, n: n)
        var frustration = [Double](repeating: 0, count: n)
        for i in 0..<n { for j in 0..<n where j != i && sides[i] != sides[j] { frustration[i] += w[i * n + j] } }
        self.sides = sides
        self.frustration = frustration
        energy = frustration.reduce(0, +)
        let balance = Self.minimum(p, n: n)
        var index = 0.0
        for i in 0..<n {
            for j in (i + 1)..<n where j < n {
                let value = p[i * n + j]
                if (balance[i] != balance[j] && value > 0) || (balance[i] == balance[j] && value < 0) { index += abs(value) }
            }
        }
        frustrationIndex = index
    }

    /// The bipartition of least Σ_{i≠j} w_ij [cut] by exhaustive Gray-code scan (the first of equal ones).
    static func minimum(_ w: [Double], n: Int) -> [UInt8] {
        let tolerance = 1e-9 * max(w.reduce(0) { $0 + abs($1) }, 1e-300)
        var bestEnergy = 0.0
        var bestMask: UInt64 = 0
        GrayCodeScan.run(weights: w, n: n, tolerance: tolerance, moves: false) { mask, energy, _ in
            if energy < bestEnergy - tolerance { bestEnergy = energy; bestMask = mask }
            return true
        }
        return GrayCodeWalk.sides(bestMask, actorCount: n)
    }
}
