/// One type of scripted event: what it does to a world.
///
/// A new event type is one file here with a type conforming to this protocol, one file in
/// EntenteKit/Decoding/Events/ reading it (``EventDecoding``), and one line in ``EventRegistry``.
/// `apply` runs once per occurrence (not per state per step), so the existential call is not in the
/// hot loop.
public protocol EventEffect: Sendable {
    /// The `type:` value in scenario files and in events.csv.
    static var typeName: String { get }

    /// Applies the effect at its step.
    func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog)
    /// Extra occurrences this event schedules, such as the reveal of a covert transfer at `revealed:`.
    func followUps(eventIndex: Int) -> [(step: Int, effect: any EventEffect)]
    /// Domain rules that need the whole scenario (e.g. a reveal naming a covert transfer): one message
    /// per problem, which the decoder reports at the event's position.
    func problems(in scenario: Scenario) -> [String]
    /// Whether its effects are hidden until a reveal (covert transfers).
    var isCovert: Bool { get }
    /// The state that acts, for the `actor` column of events.csv.
    var actor: Int? { get }
    /// The state or bloc acted upon, for the `target` column of events.csv.
    func targetName(_ names: WorldNames) -> String
    /// The membership change this event scripts (a state joining, freezing, unfreezing or leaving a
    /// bloc), for the rules that ask which states a bloc can ever hold; nil for other events.
    var scriptedMembership: MembershipChange? { get }
    /// The lasting measure this event imposes, which a `lift` event can name and the decoder places at
    /// its step; nil for one-off events.
    var lastingMeasure: (any LiftableMeasure)? { get }
    /// The `lift` this event is, which the decoder resolves against the measure it names; nil otherwise.
    var liftRequest: Lift? { get }
}

extension EventEffect {
    public func followUps(eventIndex: Int) -> [(step: Int, effect: any EventEffect)] { [] }
    public func problems(in scenario: Scenario) -> [String] { [] }
    public var isCovert: Bool { false }
    public func targetName(_ names: WorldNames) -> String { "" }
    public var scriptedMembership: MembershipChange? { nil }
    public var lastingMeasure: (any LiftableMeasure)? { nil }
    public var liftRequest: Lift? { nil }
}
