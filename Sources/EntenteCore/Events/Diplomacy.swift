/// `diplomacy {from, to, kind, intensity?, delta?}`: a diplomatic move by `from` toward `to`.
///
/// T_to,from changes by d = (delta or the kind's default) · intensity, and T_from,to by
/// reciprocity · d: the initiator's own attitude moves with its act.
public struct Diplomacy: EventEffect {
    public static let typeName = "diplomacy"

    /// The kinds of move, each with a signed default change of trust.
    public enum Kind: String, Sendable, CaseIterable {
        case recallAmbassador = "recall_ambassador"
        case severRelations = "sever_relations"
        case summit
        case agreement
        case apology
        case sanction

        /// The default change of T_to,from at intensity 1.
        public var defaultDelta: Double {
            switch self {
            case .recallAmbassador: return -0.2
            case .severRelations: return -0.5
            case .summit: return 0.1
            case .agreement: return 0.15
            case .apology: return 0.1
            case .sanction: return -0.3
            }
        }
    }

    /// Initiator.
    public var from: Int
    /// Addressee.
    public var to: Int
    /// The kind of move.
    public var kind: Kind
    /// Multiplier of the change.
    public var intensity: Double
    /// An explicit change replacing the kind's default.
    public var delta: Double?

    public var actor: Int? { from }
    public func targetName(_ names: WorldNames) -> String { names.state(to) }

    /// d = (delta or default) · intensity.
    public var change: Double { (delta ?? kind.defaultDelta) * intensity }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let d = change
        world.addTrust(to, from, d)
        world.addTrust(from, to, environment.parameters[.reciprocity] * d)
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[from], target: environment.names.states[to], detail: "kind=\(kind.rawValue) delta=\(d)")
    }

    /// Creates the value from its fields.
    public init(from: Int, to: Int, kind: Kind, intensity: Double, delta: Double?) {
        self.from = from
        self.to = to
        self.kind = kind
        self.intensity = intensity
        self.delta = delta
    }
}
