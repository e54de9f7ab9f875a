import EntenteCore

/// One entry of a bloc's `members:` list: a state id, or `{id, from?, status?}`.
struct MemberEntry {
    var state: Int
    /// The step it joins; nil or ≤ 0 for a member from the start.
    var fromStep: Int?
    /// Starts frozen.
    var frozen: Bool
    var location: SourceLocation

    /// True when it is a member at step 0.
    var isInitial: Bool { (fromStep ?? 0) <= 0 }
}

extension BlocSpec {
    /// Splits member entries into members at step 0 (and those frozen), and later joins.
    mutating func setMembers(_ entries: [MemberEntry]) {
        members = entries.filter(\.isInitial).map(\.state)
        frozen = entries.filter { $0.isInitial && $0.frozen }.map(\.state)
        joins = entries.compactMap { entry in entry.isInitial ? nil : BlocJoin(state: entry.state, step: entry.fromStep!, location: entry.location) }
    }
}

extension ScenarioDecoder {
    /// Keys of a member written as a mapping.
    static let memberKeys = ["id", "from", "status"]

    /// A bloc's `members:` list: ids, or mappings `{id, from: DATE}` (joins at that date) or
    /// `{id, status: frozen}` (a member on paper not taking part at step 0).
    func decodeMembers(_ node: YAMLNode, context: inout DecodeContext) -> [MemberEntry]? {
        context.list(node, field: "members") { context, item in
            if item.entries == nil {
                return context.state(item, field: "members").map { MemberEntry(state: $0, fromStep: nil, frozen: false, location: item.location) }
            }
            guard let fields = FieldReader(item, what: "a member", allowed: Self.memberKeys, required: ["id"], context: &context) else { return nil }
            let state = fields["id"].flatMap { context.state($0, field: "id") }
            var fromStep: Int?? = .some(nil)
            if let node = fields["from"] {
                fromStep = context.date(node, field: "from").map { date in .some(context.calendar?.stepOrBeyond(date) ?? 0) } ?? nil
            }
            var frozen: Bool? = false
            if let node = fields["status"] {
                switch node.isNull ? nil : node.scalarText {
                case "member": frozen = false
                case "frozen": frozen = true
                default:
                    context.error("'status' of a member must be member or frozen; found \(node.foundDescription)", at: node.location)
                    frozen = nil
                }
            }
            guard let state, let fromStep, let frozen else { return nil }
            if frozen, let step = fromStep, step > 0, let node = fields["status"] {
                context.error("a member joining later (`from`) joins as an active member; expected `status: frozen` only for a member from the start (script a freeze with a membership event)",
                              at: node.location)
                return nil
            }
            return MemberEntry(state: state, fromStep: fromStep, frozen: frozen, location: item.location)
        }
    }

    /// The scripted joins of members listed with a later `from:`, as `membership` events, bloc by bloc
    /// in member order; joins dated past the calendar's end are left out.
    static func joinEvents(of blocs: [BlocSpec], stepCount: Int) -> [ScenarioEvent] {
        var events: [ScenarioEvent] = []
        for (b, bloc) in blocs.enumerated() {
            for join in bloc.joins where join.step < stepCount {
                events.append(ScenarioEvent(id: nil, type: MembershipChange.typeName, step: join.step, tags: [],
                                            note: "member of \(bloc.id) from the bloc's member list", location: join.location,
                                            effect: MembershipChange(state: join.state, bloc: b, action: .join)))
            }
        }
        return events
    }
}
