/// An explicit propensity p_ij = p_ji from `propensity:`, used by `entente landscape` instead of trust.
public struct PropensitySpec: Sendable, Equatable {
    /// One state's index.
    public var from: Int
    /// The other state's index.
    public var to: Int
    /// p_ij: positive inclines the two to the same side, negative to opposite sides.
    public var value: Double

    /// An entry between states `from` and `to` (indexes).
    public init(from: Int, to: Int, value: Double) {
        self.from = from
        self.to = to
        self.value = value
    }
}
