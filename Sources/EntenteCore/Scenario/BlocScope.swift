/// Whom a bloc's obligation covers (`covers:`): which adversaries a call for help may name for the
/// bloc to be called.
public enum BlocScope: Sendable, Hashable {
    /// Every adversary, members included (the default, and the only behaviour before issue 14).
    case all
    /// Only adversaries that are not members of the bloc on paper (active or frozen) at the call.
    case external
    /// Only the listed states (state indexes).
    case states([Int])

    /// True when a call naming `adversary` (nil: none) reaches a bloc with this scope; `belongs`
    /// says whether the adversary is a member on paper. A call without an adversary reaches every scope.
    @inline(__always)
    public func covers(adversary: Int?, belongs: Bool) -> Bool {
        guard let adversary else { return true }
        switch self {
        case .all: return true
        case .external: return !belongs
        case .states(let list): return list.contains(adversary)
        }
    }
}
