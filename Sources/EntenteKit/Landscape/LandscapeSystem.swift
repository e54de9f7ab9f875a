/// The input of landscape theory and structural balance: N actors, their sizes s_i and a symmetric
/// propensity matrix p_ij (positive: inclined to be on the same side; negative: on opposite sides).
///
/// Pure values (no file system, no YAML), so it can be built from a scenario, a run's recorded trust or
/// by hand in a test. A bipartition is written as `sides`: one byte per actor, 0 for side 1 and 1 for side 2.
public struct LandscapeSystem: Sendable, Equatable {
    /// Actor ids, for outputs.
    public let names: [String]
    /// Sizes s_i > 0 (capability by default).
    public let sizes: [Double]
    /// Propensities p_ij, row-major N×N, symmetric, zero diagonal.
    public let propensity: [Double]

    /// Number of actors N.
    public var count: Int { sizes.count }

    /// Checks shapes, finiteness and symmetry (to 1e-12 relative); the diagonal is ignored and stored as 0.
    public init(names: [String], sizes: [Double], propensity: [Double]) throws {
        let n = sizes.count
        guard n >= 2 else { throw EntenteError.usage("a landscape needs at least 2 actors; found \(n)") }
        guard names.count == n, propensity.count == n * n else {
            throw EntenteError.software("landscape: \(names.count) names, \(n) sizes and \(propensity.count) propensities do not match")
        }
        for (i, size) in sizes.enumerated() where !(size.isFinite && size > 0) {
            throw EntenteError.usage("the size of \(names[i]) must be a finite number greater than 0; found \(size)")
        }
        var matrix = propensity
        for i in 0..<n {
            matrix[i * n + i] = 0
            for j in 0..<n where j != i {
                let a = propensity[i * n + j], b = propensity[j * n + i]
                guard a.isFinite else { throw EntenteError.usage("the propensity of \(names[i]) and \(names[j]) is not a finite number: \(a)") }
                if abs(a - b) > 1e-12 * max(1, abs(a), abs(b)) {
                    throw EntenteError.software("landscape: propensity of \(names[i]) and \(names[j]) is not symmetric (\(a) vs \(b))")
                }
            }
        }
        self.names = names
        self.sizes = sizes
        self.propensity = matrix
    }

    /// p_ij.
    @inline(__always)
    public func p(_ i: Int, _ j: Int) -> Double { propensity[i * count + j] }

    /// The interaction weights w_ij = s_i s_j p_ij, row-major, zero diagonal.
    public var weights: [Double] {
        var result = [Double](repeating: 0, count: count * count)
        for i in 0..<count { for j in 0..<count where j != i { result[i * count + j] = sizes[i] * sizes[j] * p(i, j) } }
        return result
    }

    /// E(g) = Σ_{i≠j} s_i s_j p_ij [g_i ≠ g_j], each unordered pair counted twice (Axelrod and Bennett 1993),
    /// computed from scratch in O(N²): the reference the fast enumeration is tested against.
    public func energy(_ sides: [UInt8]) -> Double {
        frustrations(sides).reduce(0, +)
    }

    /// F_i(g) = Σ_{j≠i} s_i s_j p_ij [g_i ≠ g_j] for every actor, from scratch; E = Σ_i F_i.
    public func frustrations(_ sides: [UInt8]) -> [Double] {
        (0..<count).map { i in
            var sum = 0.0
            for j in 0..<count where j != i && sides[i] != sides[j] { sum += sizes[i] * sizes[j] * p(i, j) }
            return sum
        }
    }
}
