/// Structural balance of the signed graph whose edge i–j has weight p_ij (Heider; Cartwright and Harary 1956):
/// how far the propensities are from a split into two camps, friendly within and hostile between.
///
/// Sizes do not enter: balance is a property of the signs and magnitudes of the relations themselves.
public struct StructuralBalance: Sendable {
    /// The minimum over bipartitions of the total |p_ij| of edges violating balance (a positive edge between the
    /// sides or a negative edge within a side), each unordered pair counted once.
    public let frustrationIndex: Double
    /// True when `frustrationIndex` is exact (every bipartition visited); otherwise the best found by descent
    /// from random starts, an upper bound.
    public let frustrationIndexExact: Bool
    /// A bipartition attaining `frustrationIndex` (sides 0/1, actor 0 on side 1).
    public let balancePartition: [UInt8]
    /// Triads i<j<k whose three edges are all non-zero.
    public let triads: Int
    /// Of those, the balanced ones (p_ij p_jk p_ik > 0).
    public let balancedTriads: Int
    /// Σ over balanced triads of |p_ij p_jk p_ik| over the same sum over all triads; NaN without triads.
    public let balancedShareWeighted: Double
    /// The largest eigenvalue of the matrix p and the second largest.
    public let leadingEigenvalue: Double, secondEigenvalue: Double
    /// The leading eigenvector (unit length), signed so that its first non-zero component is positive.
    public let leadingEigenvector: [Double]

    /// balancedTriads / triads; NaN without triads.
    public var balancedShare: Double { triads == 0 ? .nan : Double(balancedTriads) / Double(triads) }

    /// The faction of each actor from the leading eigenvector's sign: 1 (positive), 2 (negative), 0 (|component| ≤ 1e-9).
    public var factions: [Int] { leadingEigenvector.map { $0 > 1e-9 ? 1 : ($0 < -1e-9 ? 2 : 0) } }

    /// Measures the balance of `system`'s propensities; `options` as for ``Landscape`` (exhaustive limit, starts, seed).
    public init(system: LandscapeSystem, options: LandscapeOptions = LandscapeOptions()) throws {
        let n = system.count
        let p = system.propensity
        var negative = 0.0
        var scale = 0.0
        for i in 0..<n { for j in (i + 1)..<n where j < n { scale += abs(p[i * n + j]); if p[i * n + j] < 0 { negative -= p[i * n + j] } } }
        // Violation(g) = Σ_{i<j} p_ij [cut] + Σ_{i<j, p_ij<0} |p_ij| = E_p(g)/2 + negative, with E_p the landscape energy at unit sizes.
        let tolerance = 1e-9 * max(scale, 1e-300)
        var best: [UInt8]
        if n <= min(options.exhaustiveLimit, GrayCodeWalk.maxActors) {
            var bestEnergy = 0.0
            var bestMask: UInt64 = 0
            GrayCodeScan.run(weights: p, n: n, tolerance: tolerance, moves: false) { mask, energy, _ in
                if energy < bestEnergy - tolerance { bestEnergy = energy; bestMask = mask }
                return true
            }
            best = GrayCodeWalk.sides(bestMask, actorCount: n)
            frustrationIndexExact = true
        } else {
            let random = RandomStream(seed: options.seed, point: LandscapeOptions.randomPoint, replicate: 1)
            best = [UInt8](repeating: 0, count: n)
            var bestEnergy = Double.infinity
            var sides = best
            for _ in 0..<max(1, options.starts) {
                for i in 1..<n { sides[i] = random.bernoulli(0.5) ? 1 : 0 }
                var field = FrustrationField(weights: p, sides: sides)
                while let move = field.steepestMove(tolerance: tolerance) { field.move(move) }
                field.recompute()
                if field.energy < bestEnergy - tolerance {
                    bestEnergy = field.energy
                    best = field.sides[0] == 0 ? field.sides : field.sides.map { $0 ^ 1 }
                }
            }
            frustrationIndexExact = false
        }
        balancePartition = best
        var cut = 0.0
        for i in 0..<n { for j in (i + 1)..<n where j < n && best[i] != best[j] { cut += p[i * n + j] } }
        frustrationIndex = cut + negative

        var triads = 0, balanced = 0
        var weightAll = 0.0, weightBalanced = 0.0
        for i in 0..<n {
            for j in (i + 1)..<n where j < n && p[i * n + j] != 0 {
                for k in (j + 1)..<n where k < n && p[i * n + k] != 0 && p[j * n + k] != 0 {
                    let product = p[i * n + j] * p[j * n + k] * p[i * n + k]
                    triads += 1
                    weightAll += abs(product)
                    if product > 0 { balanced += 1; weightBalanced += abs(product) }
                }
            }
        }
        self.triads = triads
        balancedTriads = balanced
        balancedShareWeighted = triads == 0 ? .nan : weightBalanced / weightAll

        let eigen = try Self.leadingEigen(p, n: n)
        leadingEigenvalue = eigen.values.0
        secondEigenvalue = eigen.values.1
        leadingEigenvector = eigen.vector
    }

    /// The two largest eigenvalues of the symmetric n×n matrix `a` and the eigenvector of the largest
    /// (gsl_eigen_symmv, sorted by value descending), signed so its first non-zero component is positive.
    static func leadingEigen(_ a: [Double], n: Int) throws -> (values: (Double, Double), vector: [Double]) {
        let eigen: (values: [Double], vectors: [Double])
        switch GSLSetup.symmetricEigen(a, n: n) {
        case .success(let result): eigen = result
        case .failure(let failure): throw EntenteError.software(failure.message)
        }
        var vector = (0..<n).map { eigen.vectors[$0 * n] }
        if let first = vector.first(where: { abs($0) > 1e-9 }), first < 0 { vector = vector.map { -$0 } }
        return ((eigen.values[0], n > 1 ? eigen.values[1] : .nan), vector)
    }
}
