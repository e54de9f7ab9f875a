/// `aid_request {from, bloc?, intensity, against?, response?, responses?}`: a call for help without an attack.
///
/// Members answer as for an attack (``CallForHelp``); with `against:` the chance to assist
/// weighs trust in the caller against trust in that adversary, otherwise trust in the caller alone.
public struct AidRequest: EventEffect {
    public static let typeName = "aid_request"
    public static let fieldNames = ["from", "bloc", "intensity", "against", "response", "responses"]
    public static let requiredFields = ["from", "intensity"]

    /// The call.
    public var call: CallForHelp

    public var actor: Int? { call.caller }
    public func targetName(_ names: WorldNames) -> String { call.bloc.map { names.blocs[$0] } ?? "" }

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> AidRequest? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let intensity = fields["intensity"].flatMap { context.number($0, field: "intensity", range: 0...10) }
        var against: Int?? = .some(nil)
        if let node = fields["against"] { against = context.state(node, field: "against").map { .some($0) } ?? nil }
        let answers = CallForHelp.decodeAnswers(fields, context: &context)
        guard let from, let intensity, let against, let bloc = answers.bloc, let response = answers.response,
              let responses = answers.responses else { return nil }
        return AidRequest(call: CallForHelp(caller: from, adversary: against, bloc: bloc, intensity: intensity,
                                            response: response, responses: responses))
    }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[call.caller], target: call.bloc.map { environment.names.blocs[$0] } ?? "",
                   detail: "intensity=\(call.intensity)")
        call.answer(in: &world, environment: environment, log: &log)
    }
}
