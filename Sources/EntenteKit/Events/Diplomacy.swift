/// `diplomacy {from, to, kind, intensity?, delta?}`: a diplomatic move by `from` toward `to`.
///
/// T_to,from changes by d = (delta or the kind's default) · intensity, and T_from,to by
/// reciprocity · d: the initiator's own attitude moves with its act.
public struct Diplomacy: EventEffect {
    public static let typeName = "diplomacy"
    public static let fieldNames = ["from", "to", "kind", "intensity", "delta"]
    public static let requiredFields = ["from", "to", "kind"]

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

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Diplomacy? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let to = fields["to"].flatMap { context.state($0, field: "to") }
        var kind: Kind?
        if let node = fields["kind"] {
            kind = node.scalarText.flatMap(Kind.init(rawValue:))
            if kind == nil {
                let names = Kind.allCases.map(\.rawValue)
                context.error("'kind' must be one of \(names.joined(separator: ", ")); found \(node.foundDescription)\(DidYouMean.hint(for: node.scalarText ?? "", among: names))", at: node.location)
            }
        }
        let intensity = fields["intensity"].map { context.number($0, field: "intensity", range: 0...10) } ?? 1
        var delta: Double?? = .some(nil)
        if let node = fields["delta"] { delta = context.number(node, field: "delta", range: -2...2).map { .some($0) } ?? nil }
        if let from, let to, from == to, let node = fields["to"] {
            context.error("'from' and 'to' name the same state; expected two states", at: node.location)
        }
        guard let from, let to, let kind, let intensity, let delta else { return nil }
        return Diplomacy(from: from, to: to, kind: kind, intensity: intensity, delta: delta)
    }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let d = change
        world.addTrust(to, from, d)
        world.addTrust(from, to, environment.parameters[.reciprocity] * d)
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[from], target: environment.names.states[to], detail: "kind=\(kind.rawValue) delta=\(d)")
    }
}
