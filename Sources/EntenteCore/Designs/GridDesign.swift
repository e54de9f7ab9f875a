/// `design: grid` — the Cartesian product of every parameter's values.
///
/// Order: the first parameter varies slowest and the last fastest, as nested loops written
/// in declaration order (point = Σ index_k · Π_{j>k} count_j).
public enum GridDesign: SweepDesign {
    public static let name = "grid"

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]] {
        let axes = parameters.map { $0.gridValues ?? [] }
        var points: [[Double]] = [[]]
        for axis in axes {
            points = points.flatMap { prefix in axis.map { prefix + [$0] } }
        }
        return points
    }
}
