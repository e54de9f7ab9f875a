/// Settings of the sensitivity designs (`saltelli`, `morris`) and the rows of `design: file`; the other designs ignore them.
public struct DesignOptions: Sendable, Hashable {
    /// `second_order:` — a saltelli design also holds the BA_i blocks (N·(2k+2) points instead of N·(k+2)).
    public var secondOrder: Bool
    /// `skip:` — Sobol points discarded before a saltelli design's base matrix (GSL's point 0 is the centre).
    public var skip: Int
    /// `levels:` — p, the grid levels of a morris design (even, ≥ 2).
    public var levels: Int
    /// `candidates:` — with Campolongo's selection, the trajectories generated to choose `samples` from; nil for none.
    public var candidates: Int?
    /// The points of `design: file`, in the sweep's parameter order; nil for the other designs.
    public var rows: [[Double]]?
    /// The resolved path of `design: file`'s CSV, whose bytes enter the sweep's identity; nil for the other designs.
    public var filePath: String?

    /// The defaults: second order, skip 1, 4 levels, no selection.
    public init(secondOrder: Bool = true, skip: Int = 1, levels: Int = 4, candidates: Int? = nil, rows: [[Double]]? = nil) {
        self.rows = rows
        self.secondOrder = secondOrder
        self.skip = skip
        self.levels = levels
        self.candidates = candidates
    }
}

extension SweepDesign {
    /// The points with options; designs without options ignore them.
    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64, options: DesignOptions) -> [[Double]] {
        points(parameters: parameters, samples: samples, seed: seed)
    }
}
