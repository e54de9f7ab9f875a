/// How a landscape is searched.
public struct LandscapeOptions: Sendable {
    /// Exhaustive enumeration up to this many actors (at most ``GrayCodeWalk/maxActors``).
    public var exhaustiveLimit = GrayCodeWalk.maxActors
    /// Exact basins (descent from every bipartition) up to this many actors; above, estimated from random starts.
    public var exactBasinLimit = 22
    /// Random starts of steepest descent when basins or minima are not exact.
    public var starts = 10_000
    /// Base seed of the random starts' stream.
    public var seed: UInt64 = 1
    /// Keep every bipartition's energy (`--all`); only up to `exactBasinLimit` actors.
    public var keepAll = false
    /// Refuse landscapes with more local minima than this (flat landscapes, e.g. all propensities 0).
    public var maxMinima = 100_000

    /// The random starts' stream is `RandomStream(seed: seed, point: randomPoint, replicate: 0)`: one stream,
    /// starts drawn in order, each as N−1 Bernoulli(½) draws for actors 1…N−1 (actor 0 stays on side 1).
    /// The point ("LAND" in ASCII) keeps it apart from every simulation stream (point 0 and sweep points).
    public static let randomPoint = 0x4C41_4E44

    /// The defaults.
    public init() {}
}
