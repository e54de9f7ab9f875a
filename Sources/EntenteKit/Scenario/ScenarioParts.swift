/// A state as declared under `states:`.
public struct StateSpec: Sendable {
    /// Short code such as ARM.
    public var id: String
    /// Display name.
    public var name: String
    /// Capability c_i > 0.
    public var capability: Double
    /// Where it is declared.
    public var location: SourceLocation
}

/// A bloc as declared under `blocs:`.
public struct BlocSpec: Sendable {
    /// Short code such as CSTO.
    public var id: String
    /// Display name.
    public var name: String
    /// Leader's state index, if any.
    public var leader: Int?
    /// Member state indexes in declaration order.
    public var members: [Int]
    /// Obligation ω_b in [0, 1].
    public var obligation: Double
    /// Where it is declared.
    public var location: SourceLocation
}

/// An initial trust value from `trust:` (a `mutual: true` entry becomes two).
public struct TrustSpec: Sendable {
    /// Truster.
    public var from: Int
    /// Trustee.
    public var to: Int
    /// T_from,to at step 0 (and the baseline).
    public var value: Double
}

/// An initial affinity from `alignment:`.
public struct AlignmentSpec: Sendable {
    /// The state.
    public var state: Int
    /// The bloc.
    public var bloc: Int
    /// A_state,bloc at step 0.
    public var value: Double
}

/// A scripted event: when, what, and its typed effect.
public struct ScenarioEvent: Sendable {
    /// Optional id, for reveals, variants and `--set events.ID.FIELD`.
    public var id: String?
    /// The `type:` name.
    public var type: String
    /// Step it happens; may equal the calendar's step count (never, within the horizon).
    public var step: Int
    /// Tags for variants' `remove: {tag: ...}`.
    public var tags: [String]
    /// Source note.
    public var note: String?
    /// Where it is declared.
    public var location: SourceLocation
    /// What it does.
    public var effect: any EventEffect
}

/// A declared outcome.
public struct OutcomeSpec: Sendable {
    /// Column name.
    public var name: String
    /// Type name.
    public var type: String
    /// Where it is declared.
    public var location: SourceLocation
    /// The measure.
    public var measure: any OutcomeMeasure
}
