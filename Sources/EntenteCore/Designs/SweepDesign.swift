/// A way of choosing parameter points: one file per design, registered in ``DesignRegistry``.
public protocol SweepDesign: Sendable {
    /// The `design:` name.
    static var name: String { get }
    /// The points: one row per point, one value per parameter, in declaration order.
    /// `random` draws from the design stream (see ``DesignRegistry/designStream(seed:)``).
    static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]]
    /// The points with the sensitivity designs' options (``DesignOptions``); other designs ignore them.
    static func points(parameters: [SweepParameter], samples: Int, seed: UInt64, options: DesignOptions) -> [[Double]]
}

/// The name of every design Entente knows: adding a design is one file and one case here.
public enum DesignName: String, CaseIterable, Sendable, Hashable {
    case grid, random, latin, sobol, saltelli, morris, file

    /// The design itself.
    public var design: any SweepDesign.Type {
        switch self {
        case .grid: return GridDesign.self
        case .random: return RandomDesign.self
        case .latin: return LatinHypercubeDesign.self
        case .sobol: return SobolDesign.self
        case .saltelli: return SaltelliDesign.self
        case .morris: return MorrisDesign.self
        case .file: return FileDesign.self
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

    /// Points a design of `parameters` parameters and `samples` samples holds: the samples, except
    /// N·(k+2) or N·(2k+2) for saltelli, r·(k+1) for morris, the rows for file; nil for grid (a product of counts).
    public static func pointCount(_ name: DesignName, parameters k: Int, samples: Int, options: DesignOptions) -> Int? {
        switch name {
        case .grid: return nil
        case .saltelli: return samples.multipliedReportingOverflow(by: SaltelliDesign.blockSize(dimensions: k, secondOrder: options.secondOrder)).partialValue
        case .morris: return samples.multipliedReportingOverflow(by: k + 1).partialValue
        case .file: return options.rows?.count ?? 0
        default: return samples
        }
    }

    /// The random stream of sampled designs: the run stream function at point −1, replicate 0,
    /// so design draws never coincide with a run's stream.
    public static func designStream(seed: UInt64) -> RandomStream {
        RandomStream(seed: seed, point: -1, replicate: 0)
    }
}
