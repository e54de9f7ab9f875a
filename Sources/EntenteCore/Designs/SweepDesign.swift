/// A way of choosing parameter points: one file per design, registered in ``DesignRegistry``.
public protocol SweepDesign: Sendable {
    /// The `design:` name.
    static var name: String { get }
    /// The points: one row per point, one value per parameter, in declaration order.
    /// `random` draws from the design stream (see ``DesignRegistry/designStream(seed:)``).
    static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]]
}

/// The name of every design Entente knows: adding a design is one file and one case here.
public enum DesignName: String, CaseIterable, Sendable, Hashable {
    case grid, random, latin, sobol

    /// The design itself.
    public var design: any SweepDesign.Type {
        switch self {
        case .grid: return GridDesign.self
        case .random: return RandomDesign.self
        case .latin: return LatinHypercubeDesign.self
        case .sobol: return SobolDesign.self
        }
    }
}

/// Every design Entente knows.
public enum DesignRegistry {
    /// The registered designs, in ``DesignName`` order.
    public static var designs: [any SweepDesign.Type] { DesignName.allCases.map(\.design) }

    /// The design named `name`, nil for a name no design has.
    public static func design(named name: String) -> (any SweepDesign.Type)? {
        DesignName(rawValue: name)?.design
    }

    /// All names.
    public static var names: [String] { DesignName.allCases.map(\.rawValue) }

    /// The random stream of sampled designs: the run stream function at point −1, replicate 0,
    /// so design draws never coincide with a run's stream.
    public static func designStream(seed: UInt64) -> RandomStream {
        RandomStream(seed: seed, point: -1, replicate: 0)
    }
}
