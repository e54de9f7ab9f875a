/// A way of choosing parameter points: one file per design, registered in ``DesignRegistry``.
public protocol SweepDesign: Sendable {
    /// The `design:` name.
    static var name: String { get }
    /// The points: one row per point, one value per parameter, in declaration order.
    /// `random` draws from the design stream (see ``DesignRegistry/designStream(seed:)``).
    static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]]
}

/// Every design Entente knows.
public enum DesignRegistry {
    /// The registered designs.
    public static let designs: [any SweepDesign.Type] = [
        GridDesign.self, RandomDesign.self, LatinHypercubeDesign.self, SobolDesign.self,
    ]

    /// The design named `name`.
    public static func design(named name: String) -> (any SweepDesign.Type)? {
        designs.first { $0.name == name }
    }

    /// All names.
    public static var names: [String] { designs.map { $0.name } }

    /// The random stream of sampled designs: the run stream function at point −1, replicate 0,
    /// so design draws never coincide with a run's stream.
    public static func designStream(seed: UInt64) -> RandomStream {
        RandomStream(seed: seed, point: -1, replicate: 0)
    }
}
