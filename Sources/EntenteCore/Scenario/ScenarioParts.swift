/// A state as declared under `states:`.
public struct StateSpec: Sendable {
    /// Short code such as ARM.
    public var id: String
    /// Display name.
    public var name: String
    /// Capability c_i > 0.
    public var capability: Double
    /// A state or an armed group (`kind:`).
    public var kind: ActorKind = .state
    /// For a group: the capability arms it receives are measured against (`salience_scale:`).
    public var salienceScale: Double?
    /// Preference for autonomy in [0, 1] (`autonomy:`, default 0): model 2's hierarchy cost weight.
    public var autonomy: Double = 0
    /// Where it is declared.
    public var location: SourceLocation

    /// Creates the value from its fields.
    public init(id: String, name: String, capability: Double, location: SourceLocation) {
        self.id = id
        self.name = name
        self.capability = capability
        self.location = location
    }
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
    /// Members (among `members`) whose status at step 0 is `frozen` (`{id: FRA, status: frozen}`).
    public var frozen: [Int] = []
    /// Whom its obligation covers (`covers:`); `.all` by default.
    public var covers: BlocScope = .all
    /// Blocs declared rivals (`rivals:`), made symmetric by the decoder: model 2's only bloc outside options.
    public var rivals: [Int] = []
    /// Members joining later, from the member list (`{id: MNE, from: 2017-06}`); not in `members`. They
    /// get co-member `member_trust` with everyone on the list at step 0 (an accession is prepared).
    public var joins: [BlocJoin] = []
    /// Step at which the bloc is founded (`from:`), when after the first step; its founding members join then.
    public var foundedStep: Int?
    /// Founding members of a bloc founded later (also in `joins`, at `foundedStep`): they start with
    /// `member_affinity` and co-member `member_trust`, as members from the start do.
    public var founders: [Int] = []
    /// Step at which the bloc is dissolved (`until:`), when within the calendar.
    public var dissolvedStep: Int?
    /// When an exit takes effect (`notice:`, `exit_from:`, `term:`/`renewals:`); nil: at once.
    public var terms: TreatyTerms?
    /// Where it is declared.
    public var location: SourceLocation

    /// Creates the value from its fields.
    public init(id: String, name: String, leader: Int?, members: [Int], obligation: Double, location: SourceLocation) {
        self.id = id
        self.name = name
        self.leader = leader
        self.members = members
        self.obligation = obligation
        self.location = location
    }
}

/// An initial trust value from `trust:` (a `mutual: true` entry becomes two).
public struct TrustSpec: Sendable {
    /// Truster.
    public var from: Int
    /// Trustee.
    public var to: Int
    /// T_from,to at step 0 (and the baseline).
    public var value: Double

    /// Creates the value from its fields.
    public init(from: Int, to: Int, value: Double) {
        self.from = from
        self.to = to
        self.value = value
    }
}

/// An initial affinity from `alignment:`.
public struct AlignmentSpec: Sendable {
    /// The state.
    public var state: Int
    /// The bloc.
    public var bloc: Int
    /// A_state,bloc at step 0.
    public var value: Double

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, value: Double) {
        self.state = state
        self.bloc = bloc
        self.value = value
    }
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

    /// Creates the value from its fields.
    public init(id: String?, type: String, step: Int, tags: [String], note: String?, location: SourceLocation, effect: any EventEffect) {
        self.id = id
        self.type = type
        self.step = step
        self.tags = tags
        self.note = note
        self.location = location
        self.effect = effect
    }
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

    /// Creates the value from its fields.
    public init(name: String, type: String, location: SourceLocation, measure: any OutcomeMeasure) {
        self.name = name
        self.type = type
        self.location = location
        self.measure = measure
    }
}
