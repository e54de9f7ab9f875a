/// Every outcome type Entente knows. Adding one is one line here.
public enum OutcomeRegistry {
    /// The registered types.
    public static let types: [any OutcomeDecoding.Type] = [
        StatusOutcome.Left.self,
        StatusOutcome.Frozen.self,
        TrustOutcome.self,
        AffinityOutcome.self,
        MembersOutcome.self,
        CohesionOutcome.self,
        JoinedOutcome.self,
        RejoinedOutcome.self,
        UnfrozenOutcome.self,
        StatusAtOutcome.self,
        TimeFrozenOutcome.self,
        StillFrozenOutcome.self,
        FirstCrossingOutcome.self,
    ]

    /// The type named `name`.
    public static func type(named name: String) -> (any OutcomeDecoding.Type)? {
        types.first { $0.typeName == name }
    }

    /// All type names.
    public static var names: [String] { types.map { $0.typeName } }
}

/// Reads the optional `at:` date of value outcomes (default: the last step).
func decodeAtStep(_ fields: FieldReader, context: inout DecodeContext) -> Int?? {
    guard let node = fields["at"] else { return .some(nil) }
    return context.boundStep(node, field: "at").map { .some($0) } ?? nil
}
