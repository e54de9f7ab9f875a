/// The dissolution of a bloc at its `until:` date (scheduled by the decoder, not written as an event).
///
/// Every member on paper (active or frozen, under notice or not) becomes `outside`; a state that had already left stays
/// `left`. With no members left, the bloc gives no cover, receives no calls and accepts no one
/// (joining needs an active member to accept), so it stays empty for the rest of the run.
public struct BlocDissolution: EventEffect {
    public static let typeName = "dissolution"

    /// The bloc dissolved.
    public var bloc: Int

    public var actor: Int? { nil }
    public func targetName(_ names: WorldNames) -> String { names.blocs[bloc] }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        world.clearNotices(bloc: bloc)
        for i in 0..<world.stateCount where world.belongs(i, bloc) {
            let previous = world.status(i, bloc)
            world.setStatus(i, bloc, .outside)
            log.record(step: environment.step, event: "", type: "dissolve", actor: environment.names.states[i],
                       target: environment.names.blocs[bloc], detail: "bloc dissolved; was \(previous.name)")
        }
    }

    /// Creates the value from its fields.
    public init(bloc: Int) { self.bloc = bloc }
}
