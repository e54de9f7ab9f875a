/// `design: morris` — r = `samples` one-at-a-time trajectories on a p-level grid (Morris 1991),
/// optionally the r most spread of `candidates` trajectories (Campolongo, Cariboni & Saltelli 2007).
///
/// Levels are 0, 1/(p−1), …, 1 in the unit cube (mapped to each parameter's range, geometrically
/// for `scale: log`); the step is Δ = p / (2(p−1)). A trajectory is k + 1 consecutive points: a base
/// x* with every coordinate drawn from the lower p/2 levels, then each parameter in a random order
/// moves by +Δ or −Δ (a −Δ parameter starts at x* + Δ), one per point — SALib's `morris.sample`
/// layout, B* = (J x* + Δ/2 ((2B − J) D* + J)) P*. Draws, from the design stream, trajectory by
/// trajectory: x* (k integers below p/2), the signs (k uniforms, < 0.5 means −Δ), then the order
/// (Fisher–Yates from the last position down, swap index = ⌊u·(i+1)⌋).
///
/// With `candidates: M`, M trajectories are drawn and r kept by a greedy form of Campolongo's
/// criterion: first the pair farthest apart, then repeatedly the candidate with the largest sum of
/// distances to those kept (distance = sum of Euclidean distances between their points); the kept
/// trajectories stay in the order they were drawn.
public enum MorrisDesign: SweepDesign {
    public static let name = "morris"

    /// The grid step Δ for `levels` levels.
    public static func delta(levels: Int) -> Double { Double(levels) / (2 * Double(levels - 1)) }

    /// The unit-cube design: r·(k+1) rows.
    public static func unitPoints(dimensions k: Int, trajectories r: Int, seed: UInt64, options: DesignOptions) -> [[Double]] {
        let random = DesignRegistry.designStream(seed: seed)
        let p = options.levels
        let step = delta(levels: p)
        let drawn = max(r, options.candidates ?? r)
        var all: [[[Double]]] = []
        all.reserveCapacity(drawn)
        for _ in 0..<drawn {
            let base = (0..<k).map { _ in Double(random.integer(below: max(1, p / 2))) / Double(p - 1) }
            let down = (0..<k).map { _ in random.uniform() < 0.5 }
            var order = Array(0..<k)
            if k > 1 {
                for i in stride(from: k - 1, to: 0, by: -1) { order.swapAt(i, min(i, Int(random.uniform() * Double(i + 1)))) }
            }
            var x = (0..<k).map { base[$0] + (down[$0] ? step : 0) }
            var trajectory = [x]
            for j in order {
                x[j] += down[j] ? -step : step
                trajectory.append(x)
            }
            all.append(trajectory)
        }
        let kept = drawn > r ? select(all, count: r) : Array(all.indices)
        return kept.flatMap { all[$0] }
    }

    /// Indexes (ascending) of `count` trajectories chosen greedily for spread.
    static func select(_ trajectories: [[[Double]]], count: Int) -> [Int] {
        let m = trajectories.count
        var distance = [Double](repeating: 0, count: m * m)
        for a in 0..<m {
            for b in (a + 1)..<max(a + 1, m) {
                var sum = 0.0
                for x in trajectories[a] {
                    for y in trajectories[b] {
                        var squared = 0.0
                        for (u, v) in zip(x, y) { squared += (u - v) * (u - v) }
                        sum += squared.squareRoot()
                    }
                }
                distance[a * m + b] = sum
                distance[b * m + a] = sum
            }
        }
        var best = (0, min(1, m - 1)), bestDistance = -1.0
        for a in 0..<m { for b in (a + 1)..<max(a + 1, m) where distance[a * m + b] > bestDistance { best = (a, b); bestDistance = distance[a * m + b] } }
        var chosen = count >= 2 ? [best.0, best.1] : [best.0]
        while chosen.count < count {
            var pick = -1, pickScore = -1.0
            for c in 0..<m where !chosen.contains(c) {
                let score = chosen.reduce(0.0) { $0 + distance[c * m + $1] }
                if score > pickScore { pick = c; pickScore = score }
            }
            chosen.append(pick)
        }
        return chosen.sorted()
    }

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]] {
        points(parameters: parameters, samples: samples, seed: seed, options: DesignOptions())
    }

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64, options: DesignOptions) -> [[Double]] {
        unitPoints(dimensions: parameters.count, trajectories: samples, seed: seed, options: options).map { unit in
            zip(parameters, unit).map { $0.value(at: $1) }
        }
    }
}
