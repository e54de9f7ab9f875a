import EntenteCore

extension Attack: EventDecoding {
    public static let fieldNames = ["by", "target", "intensity", "bloc", "response", "responses"]

    public static let requiredFields = ["by", "target", "intensity"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Attack? {
        let by = fields["by"].flatMap { context.state($0, field: "by") }
        let target = fields["target"].flatMap { context.state($0, field: "target") }
        let intensity = fields["intensity"].flatMap { context.number($0, field: "intensity", range: 0...10) }
        let answers = CallForHelp.decodeAnswers(fields, context: &context)
        if let by, let target, by == target, let node = fields["target"] {
            context.error("'by' and 'target' name the same state; expected an attack on another state", at: node.location)
        }
        guard let by, let target, let intensity, let bloc = answers.bloc, let response = answers.response,
              let responses = answers.responses else { return nil }
        return Attack(by: by, call: CallForHelp(caller: target, adversary: by, bloc: bloc, intensity: intensity,
                                                response: response, responses: responses))
    }
}
