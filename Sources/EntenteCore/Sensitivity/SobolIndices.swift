/// Sobol indices from the outputs of a ``SaltelliDesign``, with SALib's estimators
/// (`SALib.analyze.sobol`): Saltelli 2010 for S1, Jansen for ST, Saltelli 2002 for S2.
///
/// Outputs are first centred on their overall mean, as SALib does. With A, B, AB_i, BA_i the outputs of the design's blocks (N values each) and V the population
/// variance (divisor 2N) of A and B together:
/// S1_i = mean(B·(AB_i − A)) / V; ST_i = mean((A − AB_i)²) / (2V);
/// S2_ij = mean(BA_i·AB_j − A·B) / V − S1_i − S1_j.
/// Intervals: estimate ± 1.96·sd of `resamples` bootstrap estimates (base rows drawn with
/// replacement, sd with divisor n − 1) — SALib's `_conf` convention.
public struct SobolIndices: Sendable, Hashable {
    /// One index and its interval half-width.
    public struct Estimate: Sendable, Hashable {
        /// The estimate.
        public var value: Double
        /// 1.96 × the bootstrap standard deviation.
        public var halfWidth: Double
        /// An estimate.
        public init(value: Double, halfWidth: Double) {
            self.value = value
            self.halfWidth = halfWidth
        }
    }

    /// First-order indices, one per parameter.
    public var firstOrder: [Estimate]
    /// Total-order indices.
    public var totalOrder: [Estimate]
    /// Second-order indices for pairs i < j, in the order (0,1), (0,2), …, (1,2), …; empty without second order.
    public var secondOrder: [Estimate]

    /// Indices from their parts.
    public init(firstOrder: [Estimate], totalOrder: [Estimate], secondOrder: [Estimate]) {
        self.firstOrder = firstOrder
        self.totalOrder = totalOrder
        self.secondOrder = secondOrder
    }

    /// The normal quantile of a 95 % interval.
    public static let z95 = 1.959963984540054

    /// Indices from `outputs` in the design's row order (N blocks of k+2 or 2k+2 values);
    /// bootstrap draws come from `random`, base row by base row, first-order/total/second-order
    /// sharing each resample. Nil when the outputs do not fill whole blocks or have no variance.
    public static func estimate(outputs y: [Double], dimensions k: Int, secondOrder: Bool,
                                resamples: Int, random: RandomStream?) -> SobolIndices? {
        let size = SaltelliDesign.blockSize(dimensions: k, secondOrder: secondOrder)
        guard k > 0, !y.isEmpty, y.count % size == 0 else { return nil }
        let n = y.count / size
        // SALib centres (and scales) all outputs first; the scale cancels, the centre does not (S1, S2).
        let centre = y.reduce(0.0, +) / Double(y.count)
        let y = y.map { $0 - centre }
        let full = Array(0..<n)
        guard let point = compute(y, k: k, size: size, secondOrder: secondOrder, rows: full) else { return nil }
        var draws: [[Double]] = []
        if let random, resamples > 1 {
            var rows = [Int](repeating: 0, count: n)
            for _ in 0..<resamples {
                for index in 0..<n { rows[index] = random.integer(below: n) }
                if let values = compute(y, k: k, size: size, secondOrder: secondOrder, rows: rows) { draws.append(values) }
            }
        }
        func estimates(_ range: Range<Int>) -> [Estimate] {
            range.map { slot in
                guard draws.count > 1 else { return Estimate(value: point[slot], halfWidth: .nan) }
                let mean = draws.reduce(0.0) { $0 + $1[slot] } / Double(draws.count)
                let variance = draws.reduce(0.0) { $0 + ($1[slot] - mean) * ($1[slot] - mean) } / Double(draws.count - 1)
                return Estimate(value: point[slot], halfWidth: z95 * variance.squareRoot())
            }
        }
        let pairs = secondOrder ? k * (k - 1) / 2 : 0
        return SobolIndices(firstOrder: estimates(0..<k), totalOrder: estimates(k..<(2 * k)),
                            secondOrder: estimates((2 * k)..<(2 * k + pairs)))
    }

    /// S1 (k), ST (k), S2 (pairs) on the base rows `rows`; nil when V = 0.
    static func compute(_ y: [Double], k: Int, size: Int, secondOrder: Bool, rows: [Int]) -> [Double]? {
        let n = Double(rows.count)
        var mean = 0.0
        for r in rows { mean += y[r * size] + y[r * size + size - 1] }
        mean /= 2 * n
        var variance = 0.0
        for r in rows {
            let a = y[r * size] - mean, b = y[r * size + size - 1] - mean
            variance += a * a + b * b
        }
        variance /= 2 * n
        guard variance > 0, variance.isFinite else { return nil }
        var result = [Double](repeating: 0, count: 2 * k + (secondOrder ? k * (k - 1) / 2 : 0))
        for i in 0..<k {
            var first = 0.0, total = 0.0
            for r in rows {
                let a = y[r * size], b = y[r * size + size - 1], ab = y[r * size + 1 + i]
                first += b * (ab - a)
                total += (a - ab) * (a - ab)
            }
            result[i] = first / n / variance
            result[k + i] = total / n / (2 * variance)
        }
        if secondOrder {
            var slot = 2 * k
            for i in 0..<k {
                for j in (i + 1)..<max(i + 1, k) {
                    var sum = 0.0
                    for r in rows {
                        let a = y[r * size], b = y[r * size + size - 1]
                        let baI = y[r * size + 1 + k + i], abJ = y[r * size + 1 + j]
                        sum += baI * abJ - a * b
                    }
                    result[slot] = sum / n / variance - result[i] - result[j]
                    slot += 1
                }
            }
        }
        return result
    }
}
