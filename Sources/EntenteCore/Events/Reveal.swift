/// `reveal {events: [ids]}`: a leak that applies the held-back perception effects of covert events.
///
/// Once revealed, a covert event is public: if it recurs later (or has not happened yet),
/// its effects apply at once.
public struct Reveal: EventEffect {
    public static let typeName = "reveal"

    /// Indexes of the covert events revealed.
    public var events: [Int]

    public var actor: Int? { nil }

    /// Every revealed event must be a covert transfer (decoding checks it is a transfer).
    public func problems(in scenario: Scenario) -> [String] {
        events.filter { !scenario.events[$0].effect.isCovert }.map {
            "reveal names '\(scenario.events[$0].id ?? "")', which is not covert; expected a transfer with covert: true"
        }
    }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        for index in events {
            world.revealed[index] = true
            world.recordBetrayal(world.heldBack[index], share: environment.parameters[.grievance])  // model 2 only
            world.apply(world.heldBack[index])
            world.heldBack[index].removeAll()
        }
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: "", target: "", detail: "events=" + events.map { environment.names.events[$0] }.joined(separator: ";"))
    }

    /// Creates the value from its fields.
    public init(events: [Int]) {
        self.events = events
    }
}
