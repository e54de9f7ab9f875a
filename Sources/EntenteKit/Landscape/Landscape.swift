/// Landscape theory (Axelrod and Bennett 1993): every local minimum of E(g) = Σ_{i≠j} s_i s_j p_ij [g_i ≠ g_j]
/// over bipartitions g, with its basin of attraction under myopic single-actor moves.
///
/// Dynamics: from a bipartition, the actor whose move lowers E most moves (ties to the lowest index;
/// a move counts only when it lowers E by more than the tolerance 1e-9·Σ|w_ij|), until no move lowers E.
/// A bipartition's basin is the minimum that descent ends in. Exhaustive (every bipartition visited in
/// Gray-code order, O(N) per bipartition) up to `exhaustiveLimit` actors, with exact basins up to
/// `exactBasinLimit`; otherwise minima and basins come from `starts` random starts.
public struct Landscape: Sendable {
    /// The system analysed.
    public let system: LandscapeSystem
    /// Local minima, lowest energy first (ties by side pattern).
    public let minima: [LandscapeMinimum]
    /// True when every bipartition was visited (all minima found, the global one certain).
    public let exhaustive: Bool
    /// True when basins are exact counts of bipartitions; false when estimated from random starts.
    public let basinExact: Bool
    /// Number of starts behind the basins: 2^(N−1) when exact, else the random starts.
    public let starts: Int
    /// Every bipartition's energy by canonical mask >> 1, with `--all`; empty otherwise.
    public let allEnergies: [Double]
    /// Whether each bipartition is a local minimum, with `--all`.
    public let allMinimum: [Bool]
    /// The tolerance below which a change of E does not count as lowering it.
    public let tolerance: Double

    /// Analyses `system`.
    public init(system: LandscapeSystem, options: LandscapeOptions = LandscapeOptions()) throws {
        let n = system.count
        let weights = system.weights
        let tolerance = 1e-9 * max(weights.reduce(0) { $0 + abs($1) }, 1e-300)
        self.system = system
        self.tolerance = tolerance
        if weights.allSatisfy({ $0 == 0 }) {
            throw EntenteError.usage("every propensity is 0: the landscape is flat and every bipartition is a minimum; give the file a `propensity:` list or trust that differs between pairs")
        }
        let exhaustive = n <= min(options.exhaustiveLimit, GrayCodeWalk.maxActors)
        let basinExact = exhaustive && n <= options.exactBasinLimit
        if options.keepAll && !basinExact {
            throw EntenteError.usage("--all writes every bipartition only up to \(options.exactBasinLimit) actors; this system has \(n)")
        }
        if !basinExact && options.starts < 1 { throw EntenteError.usage("--starts must be at least 1") }
        self.exhaustive = exhaustive
        self.basinExact = basinExact

        var found: [(mask: [UInt8], count: Int)] = []
        var energies: [Double] = []
        var isMinimum: [Bool] = []
        if exhaustive {
            let walk = try Self.walk(weights: weights, n: n, tolerance: tolerance, basins: basinExact,
                                     keepAll: options.keepAll, maxMinima: options.maxMinima)
            found = walk.minima.map { (GrayCodeWalk.sides($0.mask, actorCount: n), $0.basin) }
            energies = walk.energies
            isMinimum = walk.isMinimum
        }
        var starts = basinExact ? 1 << (n - 1) : options.starts
        if !basinExact {
            let counts = Self.descents(weights: weights, n: n, tolerance: tolerance, starts: options.starts, seed: options.seed)
            if exhaustive {
                found = found.map { ($0.mask, counts[$0.mask] ?? 0) }
            } else {
                found = counts.map { ($0.key, $0.value) }
            }
            starts = options.starts
        }
        self.starts = starts
        self.allEnergies = energies
        self.allMinimum = isMinimum
        var minima = found.map { entry -> LandscapeMinimum in
            let frustration = system.frustrations(entry.mask)
            return LandscapeMinimum(sides: entry.mask, energy: frustration.reduce(0, +), frustration: frustration,
                                    basin: entry.count, basinShare: Double(entry.count) / Double(starts), isGlobal: false)
        }
        minima.sort { $0.energy != $1.energy ? $0.energy < $1.energy : $0.sides.lexicographicallyPrecedes($1.sides) }
        if let lowest = minima.first?.energy {
            for index in minima.indices where minima[index].energy <= lowest + tolerance { minima[index].isGlobal = true }
        }
        self.minima = minima
    }

    /// The exhaustive Gray-code walk: minima (with exact basins when `basins`) and, with `keepAll`, every energy.
    static func walk(weights: [Double], n: Int, tolerance: Double, basins: Bool, keepAll: Bool, maxMinima: Int) throws
        -> (minima: [(mask: UInt64, basin: Int)], energies: [Double], isMinimum: [Bool]) {
        let total = 1 << (n - 1)
        var minimaMasks: [UInt64] = []
        var next = basins ? [UInt32](repeating: 0, count: total) : []
        var energies = keepAll ? [Double](repeating: 0, count: total) : []
        var isMinimum = keepAll ? [Bool](repeating: false, count: total) : []
        var tooMany = false
        GrayCodeScan.run(weights: weights, n: n, tolerance: tolerance, moves: true) { mask, energy, move in
            let index = Int(mask >> 1)
            if move < 0 {
                if minimaMasks.count >= maxMinima { tooMany = true; return false }
                minimaMasks.append(mask)
            }
            if basins {
                next[index] = move < 0 ? UInt32(index)
                    : UInt32(GrayCodeWalk.canonical(mask ^ (1 << UInt64(move)), actorCount: n) >> 1)
            }
            if keepAll {
                energies[index] = energy
                isMinimum[index] = move < 0
            }
            return true
        }
        if tooMany {
            throw EntenteError.usage("the landscape has more than \(maxMinima) local minima (a nearly flat landscape, e.g. most propensities 0); nothing to predict")
        }
        var basinOf: [Int: Int] = [:]
        if basins {
            // Follow each bipartition's descent to its minimum, remembering every node's end (path compression).
            let unknown = UInt32.max
            var end = [UInt32](repeating: unknown, count: total)
            var path: [Int] = []
            for start in 0..<total where end[start] == unknown {
                var node = start
                path.removeAll(keepingCapacity: true)
                while end[node] == unknown && Int(next[node]) != node && path.count <= total {
                    path.append(node)
                    node = Int(next[node])
                }
                let terminal = end[node] == unknown ? UInt32(node) : end[node]
                end[node] = terminal
                for visited in path { end[visited] = terminal }
            }
            for value in end { basinOf[Int(value), default: 0] += 1 }
        }
        return (minimaMasks.map { ($0, basins ? basinOf[Int($0 >> 1)] ?? 0 : 0) }, energies, isMinimum)
    }

    /// Steepest descent from `starts` random bipartitions; how many ended in each minimum (canonical sides).
    static func descents(weights: [Double], n: Int, tolerance: Double, starts: Int, seed: UInt64) -> [[UInt8]: Int] {
        let random = RandomStream(seed: seed, point: LandscapeOptions.randomPoint, replicate: 0)
        var counts: [[UInt8]: Int] = [:]
        var sides = [UInt8](repeating: 0, count: n)
        for _ in 0..<starts {
            for i in 1..<n { sides[i] = random.bernoulli(0.5) ? 1 : 0 }
            var field = FrustrationField(weights: weights, sides: sides)
            var moves = 0
            while let move = field.steepestMove(tolerance: tolerance) {
                field.move(move)
                moves += 1
                if moves & 0x3FF == 0 { field.recompute() }
            }
            var end = field.sides
            if end[0] == 1 { for i in 0..<n { end[i] ^= 1 } }
            counts[end, default: 0] += 1
        }
        return counts
    }

    /// The lowest-energy minimum (the predicted configuration).
    public var global: LandscapeMinimum? { minima.first }
}
