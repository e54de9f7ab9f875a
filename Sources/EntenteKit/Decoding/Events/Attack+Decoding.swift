import EntenteCore

extension Attack: EventDecoding {
    public static let fieldNames = ["by", "target", "intensity", "bloc", "response", "responses"]

    public static let requiredFields = ["by", "target", "intensity"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Attack? {
        let attackers = fields["by"].flatMap { decodeAttackers($0, context: &context) }
        let by = attackers?.first
        let target = fields["target"].flatMap { context.state($0, field: "target") }
        let intensity = fields["intensity"].flatMap { context.number($0, field: "intensity", range: 0...10) }
        let answers = CallForHelp.decodeAnswers(fields, context: &context)
        if let attackers, let target, attackers.contains(target), let node = fields["target"] {
            context.error(attackers.count == 1 ? "'by' and 'target' name the same state; expected an attack on another state"
                                               : "'by' lists the target; expected attackers other than the target", at: node.location)
        }
        guard let by, let target, let intensity, let bloc = answers.bloc, let response = answers.response,
              let responses = answers.responses else { return nil }
        var call = CallForHelp(caller: target, adversary: by, bloc: bloc, intensity: intensity, response: response, responses: responses)
        call.moreAdversaries = Array(attackers?.dropFirst() ?? [])
        return Attack(by: by, call: call)
    }

    /// `by`: one state, or a list of two or more distinct states (a coalition).
    static func decodeAttackers(_ node: YAMLNode, context: inout DecodeContext) -> [Int]? {
        guard node.items != nil else { return context.state(node, field: "by").map { [$0] } }
        guard let list = context.list(node, field: "by", element: { context, item in context.state(item, field: "by") }) else { return nil }
        guard !list.isEmpty else {
            context.error("'by' is an empty list; expected an attacker or a list of attackers such as [A, B]", at: node.location)
            return nil
        }
        guard Set(list).count == list.count else {
            context.error("'by' lists a state twice; expected each attacker once", at: node.location)
            return nil
        }
        return list
    }
}
