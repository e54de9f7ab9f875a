/// `reveal {events: [ids]}`: a leak that applies the held-back perception effects of covert events.
///
/// Once revealed, a covert event is public: if it recurs later (or has not happened yet),
/// its effects apply at once.
public struct Reveal: EventEffect {
    public static let typeName = "reveal"
    public static let fieldNames = ["events"]
    public static let requiredFields = ["events"]

    /// Indexes of the covert events revealed.
    public var events: [Int]

    public var actor: Int? { nil }

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Reveal? {
        guard let node = fields["events"] else { return nil }
        let indexes = context.list(node, field: "events") { context, item -> Int? in
            guard let id = context.identifier(item, field: "events") else { return nil }
            guard let index = context.eventIndex[id] else {
                context.error("'events' names unknown event '\(id)'; expected the id of a covert arms_transfer\(DidYouMean.hint(for: id, among: context.eventIndex.keys.sorted()))", at: item.location)
                return nil
            }
            if context.eventTypes[id] != ArmsTransfer.typeName {
                context.error("'events' names '\(id)', of type \(context.eventTypes[id] ?? "?"); expected a covert arms_transfer", at: item.location)
                return nil
            }
            return index
        }
        return indexes.map(Reveal.init(events:))
    }

    public func validate(in scenario: Scenario, at location: SourceLocation, context: inout DecodeContext) {
        for index in events {
            if let transfer = scenario.events[index].effect as? ArmsTransfer, !transfer.covert {
                context.error("reveal names '\(scenario.events[index].id ?? "")', which is not covert; expected a transfer with covert: true", at: location)
            }
        }
    }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        for index in events {
            world.revealed[index] = true
            world.apply(world.heldBack[index])
            world.heldBack[index].removeAll()
        }
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: "", target: "", detail: "events=" + events.map { environment.names.events[$0] }.joined(separator: ";"))
    }
}
