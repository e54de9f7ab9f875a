import EntenteCore

extension CallForHelp {
    /// Reads `bloc`, `response` and `responses`.
    static func decodeAnswers(_ fields: FieldReader, context: inout DecodeContext) -> (bloc: Int??, response: Answer??, responses: [Int: Answer]?) {
        var bloc: Int?? = .some(nil)
        if let node = fields["bloc"] { bloc = context.bloc(node, field: "bloc").map { .some($0) } ?? nil }
        var response: Answer?? = .some(nil)
        if let node = fields["response"] { response = answer(node, field: "response", context: &context).map { .some($0) } ?? nil }
        var responses: [Int: Answer]? = [:]
        if let node = fields["responses"] {
            if let entries = node.entries {
                for entry in entries {
                    let keyNode = YAMLNode(.scalar(entry.key, quoted: false), at: entry.keyLocation)
                    let state = context.state(keyNode, field: "responses")
                    let value = answer(entry.value, field: "responses.\(entry.key)", context: &context)
                    if let state, let value { responses?[state] = value } else { responses = nil }
                }
            } else {
                context.error("'responses' must be a mapping such as {RUS: decline, KAZ: assist}; found \(node.foundDescription)", at: node.location)
                responses = nil
            }
        }
        return (bloc, response, responses)
    }

    private static func answer(_ node: YAMLNode, field: String, context: inout DecodeContext) -> Answer? {
        if let text = node.scalarText, let answer = Answer(rawValue: text) { return answer }
        context.error("'\(field)' must be assist or decline; found \(node.foundDescription)", at: node.location)
        return nil
    }
}
