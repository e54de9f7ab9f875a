/// `aid_request {from, bloc?, intensity, against?, response?, responses?}`: a call for help without an attack.
///
/// Members answer as for an attack (``CallForHelp``); with `against:` the chance to assist
/// weighs trust in the caller against trust in that adversary, otherwise trust in the caller alone.
public struct AidRequest: EventEffect {
    public static let typeName = "aid_request"

    /// The call.
    public var call: CallForHelp

    public var actor: Int? { call.caller }
    public func targetName(_ names: WorldNames) -> String { call.bloc.map { names.blocs[$0] } ?? "" }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[call.caller], target: call.bloc.map { environment.names.blocs[$0] } ?? "",
                   detail: "intensity=\(call.intensity)")
        call.answer(in: &world, environment: environment, log: &log)
    }

    /// Creates the value from its fields.
    public init(call: CallForHelp) {
        self.call = call
    }
}
