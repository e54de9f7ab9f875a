import EntenteCore

extension RegimeChange: EventDecoding {
    public static let fieldNames = ["state", "shift", "baseline", "others"]

    public static let requiredFields = ["state"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> RegimeChange? {
        let state = fields["state"].flatMap { context.state($0, field: "state") }
        let shifts = fields["shift"].map { partnerValues($0, field: "shift", state: state, range: -2...2, context: &context) } ?? []
        var anchors: [(Int, Double)]? = []
        if let node = fields["baseline"], !(node.scalarText == "current" && !node.isNull) {
            anchors = partnerValues(node, field: "baseline", state: state, range: -1...1, allowCurrent: true, context: &context)
        }
        var others: Bool? = false
        if let node = fields["others"] {
            switch node.isNull ? nil : node.scalarText {
            case "keep": others = false
            case "current": others = true
            default:
                context.error("'others' must be keep or current; found \(node.foundDescription)", at: node.location)
                others = nil
            }
        }
        guard let state, let shifts, let anchors, let others else { return nil }
        return RegimeChange(state: state, shifts: shifts.map { ($0.0, $0.1) }, anchors: anchors.map { ($0.0, $0.1) },
                            reanchorOthers: others)
    }

    /// A mapping partner id → number, e.g. `{RUS: 0.4, USA: -0.2}`; the changing state itself is refused.
    private static func partnerValues(_ node: YAMLNode, field: String, state: Int?, range: ClosedRange<Double>,
                                      allowCurrent: Bool = false, context: inout DecodeContext) -> [(Int, Double)]? {
        guard let entries = node.entries, !node.isNull else {
            let expected = allowCurrent ? "current or a mapping from state id to trust, e.g. {RUS: 0.4}" : "a mapping from state id to a trust change, e.g. {RUS: 0.2}"
            context.error("'\(field)' must be \(expected); found \(node.foundDescription)", at: node.location)
            return nil
        }
        var result: [(Int, Double)] = []
        var ok = true
        for entry in entries {
            let value = context.number(entry.value, field: field + "." + entry.key, range: range)
            guard let partner = context.stateIndex[entry.key] else {
                context.error("'\(field)' names unknown state '\(entry.key)'; expected one of the ids under `states`\(DidYouMean.hint(for: entry.key, among: context.stateIndex.keys.sorted()))",
                              at: entry.keyLocation)
                ok = false
                continue
            }
            if partner == state {
                context.error("'\(field)' names the changing state '\(entry.key)' itself; a state's trust in itself is not modelled", at: entry.keyLocation)
                ok = false
                continue
            }
            guard let value else { ok = false; continue }
            result.append((partner, value))
        }
        return ok ? result : nil
    }
}
