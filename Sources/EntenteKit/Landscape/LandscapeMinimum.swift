/// One local minimum of the energy landscape: a bipartition where no single actor's move lowers E.
public struct LandscapeMinimum: Sendable, Equatable {
    /// Sides, 0 (side 1, which holds actor 0) or 1 (side 2), per actor.
    public var sides: [UInt8]
    /// E of this bipartition, computed from scratch.
    public var energy: Double
    /// F_i of every actor, computed from scratch.
    public var frustration: [Double]
    /// Starts whose steepest descent ends here: bipartitions (exact basin) or random starts (estimate).
    public var basin: Int
    /// `basin` over the number of starts: the share of the landscape draining here.
    public var basinShare: Double
    /// True for the lowest energy found (every minimum within tolerance of it).
    public var isGlobal: Bool

    /// A minimum with these values.
    public init(sides: [UInt8], energy: Double, frustration: [Double], basin: Int, basinShare: Double, isGlobal: Bool) {
        self.sides = sides
        self.energy = energy
        self.frustration = frustration
        self.basin = basin
        self.basinShare = basinShare
        self.isGlobal = isGlobal
    }
}
