/// Every event type Entente knows. Adding one is one line here.
public enum EventRegistry {
    /// The registered types, in the order docs list them.
    public static let types: [any EventDecoding.Type] = [
        ArmsTransfer.self,
        Reveal.self,
        Attack.self,
        AidRequest.self,
        Diplomacy.self,
        Partnership.self,
        Shock.self,
        MembershipChange.self,
        RegimeChange.self,
        Mediation.self,
        LastingMeasure<OccupationKind>.self,
        LastingMeasure<BlockadeKind>.self,
        LastingMeasure<SanctionKind>.self,
        LastingMeasure<BasingKind>.self,
        Lift.self,
    ]

    /// The type with `type:` name `name`.
    public static func type(named name: String) -> (any EventDecoding.Type)? {
        types.first { $0.typeName == name }
    }

    /// All type names, for messages.
    public static var names: [String] { types.map { $0.typeName } }

    /// Keys every event accepts.
    public static let commonFields = ["id", "type", "at", "step", "tags", "note"]
}
