/// Where a state stands with a bloc.
public enum MembershipStatus: UInt8, Sendable {
    /// Not a member.
    case outside
    /// A member taking part: counted in perception and answers to calls.
    case member
    /// Still a member on paper, no longer taking part.
    case frozen
    /// Was a member and left.
    case left

    /// The word written in CSV.
    public var name: String {
        switch self {
        case .outside: return "outside"
        case .member: return "member"
        case .frozen: return "frozen"
        case .left: return "left"
        }
    }
}
