import EntenteCore

extension LastingMeasure: EventDecoding {
    public static var fieldNames: [String] { [Kind.fieldNames.by, Kind.fieldNames.target, "intensity", "until"] }

    public static var requiredFields: [String] { [Kind.fieldNames.by, Kind.fieldNames.target] }

    /// Reads the fields; the start step is set after decoding (``LiftableMeasure/placed(at:)``), and an
    /// `until:` on or before the start is refused then.
    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> LastingMeasure? {
        let (byKey, targetKey) = Kind.fieldNames
        let by = fields[byKey].flatMap { context.state($0, field: byKey) }
        let target = fields[targetKey].flatMap { context.state($0, field: targetKey) }
        let intensity = fields["intensity"].map { context.number($0, field: "intensity", range: 0...10) } ?? 1
        let stepCount = context.calendar?.stepCount ?? 0
        var until: Int?? = .some(nil)
        if let node = fields["until"] { until = context.boundStep(node, field: "until").map { .some($0) } ?? nil }
        if let by, let target, by == target, let node = fields[targetKey] {
            context.error("'\(byKey)' and '\(targetKey)' name the same state; expected a \(Kind.name) \(byKey == "by" ? "of" : "by") another state", at: node.location)
        }
        guard let by, let target, let intensity, let until else { return nil }
        let end = min(until ?? stepCount, stepCount)
        return LastingMeasure(by: by, target: target, intensity: intensity, startStep: 0, endStep: end,
                              endsByUntil: until.map { $0 < stepCount } ?? false)
    }
}

extension Lift: EventDecoding {
    public static let fieldNames = ["event"]

    public static let requiredFields = ["event"]

    static let measureTypes = [OccupationKind.name, BlockadeKind.name, SanctionKind.name, BasingKind.name]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Lift? {
        guard let node = fields["event"], let id = context.identifier(node, field: "event") else { return nil }
        guard let index = context.eventIndex[id] else {
            context.error("'event' names unknown event '\(id)'\(DidYouMean.hint(for: id, among: context.eventIndex.keys.sorted())); expected the id of an occupation, blockade, sanction or basing",
                          at: node.location)
            return nil
        }
        let type = context.eventTypes[id] ?? ""
        guard measureTypes.contains(type) else {
            context.error("'event' names '\(id)', a\(type.first.map { "aeiou".contains($0) } == true ? "n" : "") \(type) event; expected an occupation, blockade, sanction or basing (only lasting measures are lifted)",
                          at: node.location)
            return nil
        }
        return Lift(measureID: id, measure: index, by: 0, target: 0, measureType: type)
    }
}

extension ScenarioDecoder {
    /// Places each lasting measure at its event's step (refusing an `until:` not after it) and ends each
    /// measure named by a `lift` event at the lift's step (refusing a lift not after the measure, after its
    /// `until:`, or a second lift of the same measure).
    func resolveLifts(_ events: inout [ScenarioEvent], context: inout DecodeContext) {
        var byID: [String: Int] = [:]
        for k in events.indices {
            guard let measure = events[k].effect.lastingMeasure else { continue }
            events[k].effect = measure.placed(at: events[k].step)
            if let id = events[k].id { byID[id] = k }
            if measure.endsByUntil, measure.endStep <= events[k].step {
                context.error("\(events[k].type) ends ('until') on or before it starts; expected an 'until' date after its 'at'", at: events[k].location)
            }
        }
        var lifted = Set<String>()
        for k in events.indices {
            guard var lift = events[k].effect.liftRequest, let target = byID[lift.measureID],
                  let measure = events[target].effect.lastingMeasure else { continue }
            let what = "the lift of '\(lift.measureID)'"
            if lifted.contains(lift.measureID) {
                context.error("\(what) is the second one; expected one lift per measure", at: events[k].location)
            } else if events[k].step <= measure.startStep {
                context.error("\(what) is not after the \(events[target].type) starts; expected a date after its 'at'", at: events[k].location)
            } else if measure.endsByUntil, events[k].step >= measure.endStep {
                context.error("\(what) comes on or after its 'until'; expected a date before it, or no 'until'", at: events[k].location)
            } else if events[k].step < measure.endStep {
                events[target].effect = measure.lifted(at: events[k].step)
            }
            lifted.insert(lift.measureID)
            lift.measure = target
            lift.by = measure.by
            lift.target = measure.target
            events[k].effect = lift
        }
    }
}
