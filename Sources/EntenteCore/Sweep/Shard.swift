/// Which part of a sweep one process runs: shard `index` of `count`.
///
/// Run (point p, replicate r) of a sweep with P points is run number g = r·P + p, and goes to
/// shard g mod count: consecutive runs in replicate-major order go to different shards, so shard
/// sizes differ by at most one and a sweep with more shards than points still spreads its runs.
/// When P and the shard count N are coprime every shard holds every point (for different
/// replicates); with d = gcd(P, N) > 1 shard K holds the points p ≡ K (mod d), every d-th point of
/// the design, so each shard still spans it.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 0-based shard number.
    public var index: Int
    /// Number of shards.
    public var count: Int

    /// The whole sweep.
    public static let whole = Shard(index: 0, count: 1)

    /// Creates a shard; the caller checks 0 ≤ index < count.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Whether run (point, replicate) belongs to this shard.
    @inline(__always)
    public func contains(point: Int, replicate: Int, pointCount: Int) -> Bool {
        (replicate &* pointCount &+ point) % count == index
    }

    /// The folder name of this shard's results.
    public var folderName: String { "shard-\(index)-of-\(count)" }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}
