import EntenteCore

extension AidRequest: EventDecoding {
    public static let fieldNames = ["from", "bloc", "intensity", "against", "response", "responses"]

    public static let requiredFields = ["from", "intensity"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> AidRequest? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let intensity = fields["intensity"].flatMap { context.number($0, field: "intensity", range: 0...10) }
        var against: Int?? = .some(nil)
        if let node = fields["against"] { against = context.state(node, field: "against").map { .some($0) } ?? nil }
        let answers = CallForHelp.decodeAnswers(fields, context: &context)
        if let from, let againstValue = against, againstValue == from, let node = fields["against"] {
            context.error("'against' names \(node.scalarText ?? ""), the state that calls for help; expected another state (the one it needs help against)", at: node.location)
            return nil
        }
        guard let from, let intensity, let against, let bloc = answers.bloc, let response = answers.response,
              let responses = answers.responses else { return nil }
        return AidRequest(call: CallForHelp(caller: from, adversary: against, bloc: bloc, intensity: intensity,
                                            response: response, responses: responses))
    }
}
