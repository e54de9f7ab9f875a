/// One type of scripted event: how it is read from a scenario and what it does to a world.
///
/// A new event type is one file with a type conforming to this protocol plus one line in
/// ``EventRegistry``. `apply` runs once per occurrence (not per state per step), so the
/// existential call is not in the hot loop.
public protocol EventEffect: Sendable {
    /// The `type:` value in scenario files.
    static var typeName: String { get }
    /// The keys this type accepts besides the common ones (`id`, `at`, `step`, `type`, `tags`, `note`).
    static var fieldNames: [String] { get }
    /// The keys this type requires.
    static var requiredFields: [String] { get }
    /// Reads the type's fields; records diagnostics and returns nil when they are wrong.
    static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Self?

    /// Applies the effect at its step.
    func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog)
    /// Extra occurrences this event schedules, such as the reveal of a covert transfer at `revealed:`.
    func followUps(eventIndex: Int) -> [(step: Int, effect: any EventEffect)]
    /// Checks that need the whole scenario (e.g. a reveal naming a covert transfer).
    func validate(in scenario: Scenario, at location: SourceLocation, context: inout DecodeContext)
    /// The state that acts, for the `actor` column of events.csv.
    var actor: Int? { get }
    /// The state or bloc acted upon, for the `target` column of events.csv.
    func targetName(_ names: WorldNames) -> String
}

extension EventEffect {
    public func followUps(eventIndex: Int) -> [(step: Int, effect: any EventEffect)] { [] }
    public func validate(in scenario: Scenario, at location: SourceLocation, context: inout DecodeContext) {}
    public func targetName(_ names: WorldNames) -> String { "" }
}
