/// Shapley values of k players (events or tags) for one replicate's outcome, from the outcome of every
/// coalition removed: `value(mask)` is the outcome with the players in `mask` removed, so the game is
/// v(S) = outcome(S removed) − outcome(nothing removed) and the values add up to the full effect of
/// removing everything, v(N) (docs/attribution.md#shapley-values).
public enum ShapleyValues {
    /// Exact values over all 2^k coalitions: φ_i = Σ_{S ∌ i} |S|! (k − |S| − 1)! / k! · (v(S ∪ {i}) − v(S)).
    public static func exact(players k: Int, value: (Int) -> Double) -> [Double] {
        guard k > 0 else { return [] }
        // weight[s] = s! (k − s − 1)! / k!, built as a product to stay exact for small k.
        var weight = [Double](repeating: 0, count: k)
        for s in 0..<k {
            var w = 1.0 / Double(k)
            // 1 / (k · C(k − 1, s))
            var binomial = 1.0
            for j in 0..<s { binomial = binomial * Double(k - 1 - j) / Double(j + 1) }
            w /= binomial
            weight[s] = w
        }
        var phi = [Double](repeating: 0, count: k)
        for mask in 0..<(1 << k) {
            let size = mask.nonzeroBitCount
            let base = value(mask)
            for i in 0..<k where mask & (1 << i) == 0 {
                phi[i] += weight[size] * (value(mask | (1 << i)) - base)
            }
        }
        return phi
    }

    /// Estimates by permutation sampling: the mean over `permutations` orders of each player's marginal
    /// contribution when it joins the players before it. Each order's contributions telescope to
    /// v(N) − v(∅), so the estimates add up to the full effect as the exact values do.
    public static func sampled(players k: Int, permutations: [[Int]], value: (Int) -> Double) -> [Double] {
        var phi = [Double](repeating: 0, count: k)
        guard !permutations.isEmpty else { return phi }
        for order in permutations {
            var mask = 0
            var previous = value(0)
            for player in order {
                mask |= 1 << player
                let next = value(mask)
                phi[player] += next - previous
                previous = next
            }
        }
        return phi.map { $0 / Double(permutations.count) }
    }

    /// The coalitions `sampled` evaluates for `permutations` (every prefix of every order, and the empty one).
    public static func coalitions(of permutations: [[Int]]) -> Set<Int> {
        var masks: Set<Int> = [0]
        for order in permutations {
            var mask = 0
            for player in order { mask |= 1 << player; masks.insert(mask) }
        }
        return masks
    }

    /// `count` orders of `k` players, drawn by Fisher–Yates from a SplitMix64 stream keyed by `seed`:
    /// the same seed gives the same orders on every machine.
    public static func permutations(players k: Int, count: Int, seed: UInt64) -> [[Int]] {
        var state = seed ^ 0x5348_4150_4C45_5900  // "SHAPLEY"
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<count).map { _ in
            var order = Array(0..<k)
            if k > 1 {
                for i in stride(from: k - 1, to: 0, by: -1) {
                    let j = Int(next() % UInt64(i + 1))
                    order.swapAt(i, j)
                }
            }
            return order
        }
    }
}
