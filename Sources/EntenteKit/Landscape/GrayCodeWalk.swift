/// Visits every bipartition of N actors once, with actor 0 always on side 1 (a bipartition and its mirror
/// image are the same split), in binary-reflected Gray-code order: consecutive bipartitions differ by
/// exactly one actor, so a quantity that depends on the split can be updated in O(N) per step.
///
/// Step k (1 ≤ k < 2^(N−1)) moves actor 1 + (number of trailing zero bits of k). Bit i of the mask is
/// actor i's side (0: side 1, 1: side 2); bit 0 is always 0.
public enum GrayCodeWalk {
    /// The largest N walked exhaustively (2^25 bipartitions).
    public static let maxActors = 26

    /// Calls `body(mask, moved)` for the starting split (all on side 1, moved = nil) and then after every
    /// single-actor move, 2^(N−1) calls in all. N must be 1...63.
    public static func forEach(actorCount n: Int, _ body: (UInt64, Int?) -> Void) {
        precondition(n >= 1 && n <= 63, "Gray-code walk of \(n) actors")
        var mask: UInt64 = 0
        body(mask, nil)
        let total: UInt64 = 1 << UInt64(n - 1)
        var k: UInt64 = 1
        while k < total {
            let actor = 1 + k.trailingZeroBitCount
            mask ^= 1 << UInt64(actor)
            body(mask, actor)
            k += 1
        }
    }

    /// The canonical mask of a split (actor 0 on side 1): the mirror image when actor 0 is on side 2.
    @inline(__always)
    public static func canonical(_ mask: UInt64, actorCount n: Int) -> UInt64 {
        mask & 1 == 0 ? mask : mask ^ (n == 64 ? ~0 : (1 << UInt64(n)) - 1)
    }

    /// Sides (0/1 per actor) of a mask.
    public static func sides(_ mask: UInt64, actorCount n: Int) -> [UInt8] {
        (0..<n).map { UInt8(truncatingIfNeeded: (mask >> UInt64($0)) & 1) }
    }

    /// The mask of `sides`, made canonical.
    public static func mask(_ sides: [UInt8]) -> UInt64 {
        var mask: UInt64 = 0
        for (i, side) in sides.enumerated() where side != 0 { mask |= 1 << UInt64(i) }
        return canonical(mask, actorCount: sides.count)
    }
}
