/// `design: latin` — a Latin hypercube: each parameter's range cut into `samples` equal strata
/// (in the logarithm for log scales), each stratum used by exactly one point.
///
/// For each parameter in turn, the design stream shuffles the strata (Fisher–Yates from the
/// last position down, swap index = ⌊u·(i+1)⌋), then each point draws its position inside its stratum.
public enum LatinHypercubeDesign: SweepDesign {
    public static let name = "latin"

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]] {
        let random = DesignRegistry.designStream(seed: seed)
        var points = [[Double]](repeating: [], count: samples)
        for parameter in parameters {
            var strata = Array(0..<samples)
            if samples > 1 {
                for i in stride(from: samples - 1, to: 0, by: -1) {
                    strata.swapAt(i, min(i, Int(random.uniform() * Double(i + 1))))
                }
            }
            for point in 0..<samples {
                let u = (Double(strata[point]) + random.uniform()) / Double(samples)
                points[point].append(parameter.value(at: u))
            }
        }
        return points
    }
}
