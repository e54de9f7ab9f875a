import EntenteCore

extension Shock: EventDecoding {
    public static let fieldNames = ["trust", "affinity", "capability"]

    public static let requiredFields: [String] = []

    private static func change(_ fields: FieldReader, range: ClosedRange<Double>, context: inout DecodeContext) -> Change? {
        switch (fields["delta"], fields["value"]) {
        case (let delta?, nil): return context.number(delta, field: "delta", range: -1e12...1e12).map(Change.add)
        case (nil, let value?): return context.number(value, field: "value", range: range).map(Change.set)
        case (_?, _?):
            context.error("\(fields.what) gives both 'delta' and 'value'; expected one of them", at: fields.node.location)
        case (nil, nil):
            context.error("\(fields.what) needs 'delta' (a change) or 'value' (a new value)", at: fields.node.location)
        }
        return nil
    }

    private static func items<T>(_ node: YAMLNode?, name: String, keys: [String], required: [String],
                                 context: inout DecodeContext,
                                 read: (FieldReader, inout DecodeContext) -> [T]?) -> [T]? {
        guard let node else { return [] }
        guard let list = node.items else {
            context.error("'\(name)' must be a list of changes; found \(node.foundDescription)", at: node.location)
            return nil
        }
        var result: [T] = []
        var ok = true
        for item in list {
            guard let fields = FieldReader(item, what: "a \(name) change", allowed: keys + ["delta", "value"],
                                           required: required, context: &context),
                  let values = read(fields, &context) else { ok = false; continue }
            result += values
        }
        return ok ? result : nil
    }

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Shock? {
        let trust: [TrustItem]? = items(fields["trust"], name: "trust", keys: ["from", "to", "mutual"], required: ["from", "to"], context: &context) { item, context in
            let from = item["from"].flatMap { context.state($0, field: "from") }
            let to = item["to"].flatMap { context.state($0, field: "to") }
            let mutual = item["mutual"].map { context.boolean($0, field: "mutual") } ?? false
            let change = change(item, range: -1...1, context: &context)
            if let from, let to, from == to, let node = item["to"] {
                context.error("'from' and 'to' name the same state; a state's trust in itself is not modelled", at: node.location)
                return nil
            }
            guard let from, let to, let mutual, let change else { return nil }
            return [TrustItem(from: from, to: to, change: change)] + (mutual ? [TrustItem(from: to, to: from, change: change)] : [])
        }
        let affinity: [AffinityItem]? = items(fields["affinity"], name: "affinity", keys: ["state", "bloc"], required: ["state", "bloc"], context: &context) { item, context in
            let state = item["state"].flatMap { context.state($0, field: "state") }
            let bloc = item["bloc"].flatMap { context.bloc($0, field: "bloc") }
            let change = change(item, range: 0...1, context: &context)
            guard let state, let bloc, let change else { return nil }
            return [AffinityItem(state: state, bloc: bloc, change: change)]
        }
        let capability: [CapabilityItem]? = items(fields["capability"], name: "capability", keys: ["state"], required: ["state"], context: &context) { item, context in
            let state = item["state"].flatMap { context.state($0, field: "state") }
            let change = change(item, range: 0...1e12, context: &context)
            guard let state, let change else { return nil }
            return [CapabilityItem(state: state, change: change)]
        }
        guard let trust, let affinity, let capability else { return nil }
        if trust.isEmpty && affinity.isEmpty && capability.isEmpty {
            context.error("\(fields.what) changes nothing; expected at least one of trust, affinity, capability", at: fields.node.location)
            return nil
        }
        return Shock(trust: trust, affinity: affinity, capability: capability)
    }
}
