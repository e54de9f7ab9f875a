/// A change of one directed trust score, kept when a covert event's effect is held back.
public struct TrustChange: Sendable, Hashable {
    /// Whose trust changes.
    public var from: Int
    /// In whom.
    public var to: Int
    /// By how much (before clamping to [-1, 1]).
    public var delta: Double

    /// Creates a change.
    public init(from: Int, to: Int, delta: Double) {
        self.from = from
        self.to = to
        self.delta = delta
    }
}
