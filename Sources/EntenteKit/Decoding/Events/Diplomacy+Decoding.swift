import EntenteCore

extension Diplomacy: EventDecoding {
    public static let fieldNames = ["from", "from_bloc", "to", "bloc", "kind", "intensity", "delta"]

    public static let requiredFields = ["kind"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Diplomacy? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let fromBloc = fields["from_bloc"].flatMap { context.bloc($0, field: "from_bloc") }
        switch (fields["from"], fields["from_bloc"]) {
        case (nil, nil):
            context.error("\(fields.what) needs 'from' (a state) or 'from_bloc' (a bloc whose active members all make the move)", at: fields.node.location)
            return nil
        case (_?, let node?):
            context.error("\(fields.what) gives both 'from' and 'from_bloc'; expected one initiator", at: node.location)
            return nil
        case (nil, _?) where fields["to"] == nil:
            context.error("\(fields.what) with 'from_bloc' needs 'to' (a state); a bloc addressing a bloc is not modelled", at: fields.node.location)
            return nil
        default: break
        }
        var to: Int?? = .some(nil)
        if let node = fields["to"] { to = context.state(node, field: "to").map { .some($0) } ?? nil }
        var bloc: Int?? = .some(nil)
        if let node = fields["bloc"] { bloc = context.bloc(node, field: "bloc").map { .some($0) } ?? nil }
        switch (fields["to"], fields["bloc"]) {
        case (nil, nil):
            context.error("\(fields.what) needs 'to' (a state) or 'bloc' (a bloc whose active members it addresses)", at: fields.node.location)
            return nil
        case (_?, let node?):
            context.error("\(fields.what) gives both 'to' and 'bloc'; expected one addressee", at: node.location)
            return nil
        default: break
        }
        var kind: (name: String, size: Size)?
        if let node = fields["kind"] {
            let text = node.scalarText ?? ""
            if let builtIn = Kind(rawValue: text) {
                kind = (text, .parameter(builtIn.sizeParameter))
            } else if let declared = context.declaredKinds[text] {
                kind = (text, .declared(declared))
            } else {
                let names = Kind.allCases.map(\.rawValue) + context.declaredKinds.keys.sorted()
                context.error("'kind' must be one of \(names.joined(separator: ", ")) (or a kind declared under `kinds:`); found \(node.foundDescription)\(DidYouMean.hint(for: text, among: names))", at: node.location)
            }
        }
        let intensity = fields["intensity"].map { context.number($0, field: "intensity", range: 0...10) } ?? 1
        var delta: Double?? = .some(nil)
        if let node = fields["delta"] { delta = context.number(node, field: "delta", range: -2...2).map { .some($0) } ?? nil }
        if let from, let toValue = to, let to = toValue, from == to, let node = fields["to"] {
            context.error("'from' and 'to' name the same state; expected two states", at: node.location)
        }
        if fields["from_bloc"] != nil {
            guard let fromBloc, let toValue = to, let to = toValue, let kind, let intensity, let delta else { return nil }
            return Diplomacy(from: to, fromBloc: fromBloc, to: to, kindName: kind.name, size: kind.size, intensity: intensity, delta: delta)
        }
        guard let from, let to, let bloc, let kind, let intensity, let delta else { return nil }
        return Diplomacy(from: from, to: to, bloc: bloc, kindName: kind.name, size: kind.size, intensity: intensity, delta: delta)
    }
}
