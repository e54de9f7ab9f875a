/// The exhaustive walk's hot loop: ``GrayCodeWalk`` order with ``FrustrationField``'s O(N) updates done
/// on raw buffers, sides held as ±1 so the update is one multiply-add per state.
///
/// Moving actor a: F_j += w_aj σ_j σ_a for every j (σ = ±1 its side; w_aa = 0), then F_a = W_a − F_a,
/// and E changes by 2 (W_a − 2 F_a). Recomputed from scratch every 65,536 bipartitions.
enum GrayCodeScan {
    /// Calls `visit(mask, energy, steepest)` for every bipartition in Gray-code order; `steepest` is the
    /// actor whose move lowers E most by more than `tolerance` (ties to the lowest index), −1 at a local
    /// minimum, or −2 when `moves` is false (not computed). `visit` returns false to stop.
    /// `weights` must be symmetric with a zero diagonal.
    static func run(weights: [Double], n: Int, tolerance: Double, moves: Bool,
                    _ visit: (UInt64, Double, Int) -> Bool) {
        let total = 1 << (n - 1)
        let rowSums = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + weights[i * n + $1] } }
        var sigma = [Double](repeating: 1, count: n)
        var frustration = [Double](repeating: 0, count: n)
        weights.withUnsafeBufferPointer { w in
            rowSums.withUnsafeBufferPointer { rows in
                sigma.withUnsafeMutableBufferPointer { s in
                    frustration.withUnsafeMutableBufferPointer { f in
                        var energy = 0.0
                        var mask: UInt64 = 0
                        @inline(__always) func steepest() -> Int {
                            guard moves else { return -2 }
                            var best = -1
                            var bestDelta = -tolerance
                            for k in 0..<n {
                                let delta = 2 * (rows[k] - 2 * f[k])
                                if delta < bestDelta { bestDelta = delta; best = k }
                            }
                            return best
                        }
                        if !visit(0, 0, steepest()) { return }
                        var step = 1
                        while step < total {
                            let a = 1 + step.trailingZeroBitCount
                            let old = f[a]
                            energy += 2 * (rows[a] - 2 * old)
                            let sa = s[a]
                            let row = a * n
                            for j in 0..<n { f[j] += w[row + j] * s[j] * sa }
                            f[a] = rows[a] - old
                            s[a] = -sa
                            mask ^= 1 << UInt64(a)
                            if step & 0xFFFF == 0 {
                                energy = 0
                                for i in 0..<n {
                                    var sum = 0.0
                                    for j in 0..<n where s[i] != s[j] { sum += w[i * n + j] }
                                    f[i] = sum
                                    energy += sum
                                }
                            }
                            if !visit(mask, energy, steepest()) { return }
                            step += 1
                        }
                    }
                }
            }
        }
    }
}
