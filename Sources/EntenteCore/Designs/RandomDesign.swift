/// `design: random` — `samples` points drawn uniformly (in the logarithm for log scales) from the design stream.
///
/// Draws are taken point by point, parameter by parameter.
public enum RandomDesign: SweepDesign {
    public static let name = "random"

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]] {
        let random = DesignRegistry.designStream(seed: seed)
        return (0..<samples).map { _ in parameters.map { $0.value(at: random.uniform()) } }
    }
}
