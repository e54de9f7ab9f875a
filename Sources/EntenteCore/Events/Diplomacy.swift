/// `diplomacy {from | from_bloc, to | bloc, kind, intensity?, delta?}`: a diplomatic move by `from` toward
/// a state or toward every active member of a bloc, or by every active member of a bloc (`from_bloc`)
/// toward a state.
///
/// For each addressee a (the state `to`, or each state other than `from` that is an active member of
/// `bloc` when the move happens, in state declaration order): T_a,from changes by d = (delta or the
/// kind's size) · intensity, and T_from,a by reciprocity · d: the initiator's own attitude moves with
/// its act. A built-in kind's size is the parameter `delta_KIND`; a kind declared under `kinds:` has
/// its size fixed by the file (or a `--set kinds.NAME.delta`).
public struct Diplomacy: EventEffect {
    public static let typeName = "diplomacy"

    /// The built-in kinds of move, each sized by its `delta_KIND` parameter.
    public enum Kind: String, Sendable, CaseIterable {
        case recallAmbassador = "recall_ambassador"
        case severRelations = "sever_relations"
        case summit
        case agreement
        case apology
        case sanction
        case threat
        case ultimatum
        case territorialClaim = "territorial_claim"
        case recognition
        case withdrawal
        case rebuff
        case consultation

        /// The parameter holding the change of T_to,from at intensity 1.
        public var sizeParameter: Parameter {
            switch self {
            case .recallAmbassador: return .deltaRecallAmbassador
            case .severRelations: return .deltaSeverRelations
            case .summit: return .deltaSummit
            case .agreement: return .deltaAgreement
            case .apology: return .deltaApology
            case .sanction: return .deltaSanction
            case .threat: return .deltaThreat
            case .ultimatum: return .deltaUltimatum
            case .territorialClaim: return .deltaTerritorialClaim
            case .recognition: return .deltaRecognition
            case .withdrawal: return .deltaWithdrawal
            case .rebuff: return .deltaRebuff
            case .consultation: return .deltaConsultation
            }
        }

        /// Model 2: the share of a move's trust loss that also raises the addressee's perceived hostile
        /// intent H_to,from. 1 for the moves that signal intent to use force or take territory (threat,
        /// ultimatum, territorial_claim, recognition of a breakaway part); 0 for every other kind, which
        /// signals distrust or displeasure, not hostility (Walt 1987).
        public var hostileIntent: Double {
            switch self {
            case .threat, .ultimatum, .territorialClaim, .recognition: return 1
            default: return 0
            }
        }

        /// The default change of T_to,from at intensity 1 (the parameter's default).
        public var defaultDelta: Double { sizeParameter.info.defaultValue }
    }

    /// Where a move's size at intensity 1 comes from.
    public enum Size: Sendable, Hashable {
        /// A built-in kind: the parameter's current value.
        case parameter(Parameter)
        /// A kind declared under `kinds:`: the declared delta.
        case declared(Double)
    }

    /// Initiator state (with `fromBloc`, unused: each active member initiates).
    public var from: Int
    /// Initiating bloc (a collective sanction, a bloc's refusal): each of its active members other than
    /// `to` makes the move toward `to`, in state declaration order.
    public var fromBloc: Int?
    /// Addressee state, or nil when the move addresses a bloc.
    public var to: Int?
    /// Addressee bloc (its active members at the time), or nil.
    public var bloc: Int?
    /// The kind's name, as written and logged.
    public var kindName: String
    /// The kind's size at intensity 1.
    public var size: Size
    /// Multiplier of the change.
    public var intensity: Double
    /// An explicit change replacing the kind's size.
    public var delta: Double?

    public var actor: Int? { fromBloc == nil ? from : nil }
    public func targetName(_ names: WorldNames) -> String {
        if let to { return names.state(to) }
        return bloc.map { names.blocs[$0] } ?? ""
    }

    /// d = (delta or the kind's size) · intensity.
    public func change(_ parameters: ParameterValues) -> Double {
        let base: Double
        switch size {
        case .parameter(let parameter): base = parameters[parameter]
        case .declared(let value): base = value
        }
        return (delta ?? base) * intensity
    }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let d = change(environment.parameters)
        if let fromBloc, let to {
            for member in 0..<world.stateCount where member != to && world.isActive(member, fromBloc) {
                move(from: member, to, d, in: &world, environment: environment, log: &log,
                     detail: "kind=\(kindName) delta=\(d) from_bloc=\(environment.names.blocs[fromBloc])")
            }
            return
        }
        if let to {
            move(from: from, to, d, in: &world, environment: environment, log: &log, detail: "kind=\(kindName) delta=\(d)")
            return
        }
        guard let bloc else { return }
        for member in 0..<world.stateCount where member != from && world.isActive(member, bloc) {
            move(from: from, member, d, in: &world, environment: environment, log: &log,
                 detail: "kind=\(kindName) delta=\(d) bloc=\(environment.names.blocs[bloc])")
        }
    }

    private func move(from initiator: Int, _ addressee: Int, _ d: Double, in world: inout World, environment: EventEnvironment, log: inout EventLog, detail: @autoclosure () -> String) {
        world.addTrust(addressee, initiator, d)
        world.addTrust(initiator, addressee, environment.parameters[.reciprocity] * d)
        if world.isModelTwo && d < 0, let kind = Kind(rawValue: kindName) {
            world.addHostility(addressee, initiator, kind.hostileIntent * -d)
            if kind == .rebuff {  // a status affront by the leader of a bloc the addressee belongs to
                for b in 0..<world.blocCount where world.leader[b] == initiator && world.belongs(addressee, b) {
                    world.addGrievance(addressee, b, environment.parameters[.grievance] * -d)
                }
            }
        }
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[initiator], target: environment.names.states[addressee], detail: detail())
    }

    /// Creates a move toward one state (`to`) or toward a bloc's active members (`bloc`).
    public init(from: Int, fromBloc: Int? = nil, to: Int?, bloc: Int? = nil, kindName: String, size: Size, intensity: Double, delta: Double?) {
        self.from = from
        self.fromBloc = fromBloc
        self.to = to
        self.bloc = bloc
        self.kindName = kindName
        self.size = size
        self.intensity = intensity
        self.delta = delta
    }

    /// Creates a move of a built-in kind toward one state.
    public init(from: Int, to: Int, kind: Kind, intensity: Double, delta: Double?) {
        self.init(from: from, to: to, kindName: kind.rawValue, size: .parameter(kind.sizeParameter), intensity: intensity, delta: delta)
    }
}
