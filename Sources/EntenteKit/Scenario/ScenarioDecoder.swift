/// Turns a scenario's YAML tree into a validated ``Scenario``, reporting every problem at once.
public struct ScenarioDecoder {
    /// Top-level keys of a scenario file.
    public static let topLevelKeys = ["name", "description", "calendar", "seed", "replicates", "parameters",
                                      "states", "blocs", "trust", "alignment", "kinds", "events", "outcomes", "variants", "observed",
                                      "propensity", "model"]

    /// The keys of a state entry (the schema of `entente schema` is built from this list too).
    public static let stateKeys = ["id", "name", "capability", "kind", "salience_scale", "autonomy"]

    /// The keys of a bloc entry (the schema of `entente schema` is built from this list too).
    public static let blocKeys = ["id", "name", "leader", "members", "obligation", "covers", "from", "until", "rivals"] + treatyKeys

    /// Locations of values that came from `--set` or a variant: their event dates may lie past the end.
    public var overrideLocations: Set<SourceLocation> = []

    /// Creates a decoder.
    public init(overrideLocations: Set<SourceLocation> = []) {
        self.overrideLocations = overrideLocations
    }

    /// Decodes `root`; throws ``EntenteError/data(_:)`` with all diagnostics when anything is wrong.
    public func decode(_ root: YAMLNode, file: String) throws -> Scenario {
        var context = DecodeContext()
        context.overrideLocations = overrideLocations
        guard let top = FieldReader(root, what: "the scenario", allowed: Self.topLevelKeys,
                                    required: ["calendar", "states"], context: &context) else {
            throw EntenteError.data(context.diagnostics)
        }
        let name = top["name"].flatMap { context.text($0, field: "name") } ?? file
        let calendar = top["calendar"].flatMap { decodeCalendar($0, context: &context) }
        context.calendar = calendar
        let seed = top["seed"].map { context.integer($0, field: "seed", range: 0...Int.max).map(UInt64.init) } ?? 1
        let replicates = top["replicates"].map { context.integer($0, field: "replicates", range: 1...ScenarioLimits.maxReplicates) } ?? 100
        let model = top["model"].map { context.integer($0, field: "model", range: 1...2) } ?? 1
        // Defaults depend on the rule set: model 2 has its own calibrated ones (ModelDefaults).
        var parameters = ModelDefaults.values(model: model ?? 1)
        var explicit = Set<Parameter>()
        if let node = top["parameters"] { decodeParameters(node, into: &parameters, explicit: &explicit, context: &context) }

        let states = top["states"].map { decodeStates($0, context: &context) } ?? []
        var blocs = top["blocs"].map { decodeBlocs($0, context: &context) } ?? []
        if let node = top["blocs"] { decodeRivals(node, into: &blocs, context: &context) }
        let trust = top["trust"].map { decodeTrust($0, context: &context) } ?? []
        let alignment = top["alignment"].map { decodeAlignment($0, context: &context) } ?? []
        if let node = top["kinds"] { decodeKinds(node, context: &context) }
        var fileEvents = top["events"].map { decodeEvents($0, context: &context) } ?? []
        resolveLifts(&fileEvents, context: &context)
        lifetimeProblems(fileEvents, blocs: blocs, context: &context)
        let events = fileEvents + Self.joinEvents(of: blocs, stepCount: calendar?.stepCount ?? 0) + Self.dissolutionEvents(of: blocs)
        let outcomes = top["outcomes"].map { decodeOutcomes($0, context: &context) } ?? []
        let variants = top["variants"].map { VariantDecoder.decode($0, context: &context) } ?? []
        let calendarMoved = ["start", "end", "step"].contains { top["calendar"]?[$0].map { overrideLocations.contains($0.location) } ?? false }
        let observed = top["observed"].map { decodeObserved($0, outcomes: outcomes, declared: Set(top["outcomes"]?.items?.compactMap { $0["name"]?.scalarText } ?? []),
                                                             calendar: calendarMoved ? nil : calendar, context: &context) } ?? []

        let propensity = top["propensity"].map { decodePropensity($0, context: &context) } ?? []

        guard context.diagnostics.isEmpty, let calendar, let seed, let replicates, let model else {
            throw EntenteError.data(context.diagnostics)
        }
        var scenario = Scenario(name: name, file: file, calendar: calendar, seed: seed, replicates: replicates,
                                parameters: parameters, explicitParameters: explicit, states: states, blocs: blocs,
                                trust: trust, alignment: alignment, events: events, outcomes: outcomes, variants: variants,
                                observed: observed)
        scenario.propensity = propensity
        scenario.model = model
        for event in events {
            for problem in event.effect.problems(in: scenario) { context.error(problem, at: event.location) }
        }
        guard context.diagnostics.isEmpty else { throw EntenteError.data(context.diagnostics) }
        return scenario
    }

    func decodeCalendar(_ node: YAMLNode, context: inout DecodeContext) -> SimulationCalendar? {
        guard let fields = FieldReader(node, what: "calendar", allowed: ["start", "end", "step"],
                                       required: ["start", "end"], context: &context) else { return nil }
        let start = fields["start"].flatMap { context.date($0, field: "start") }
        let end = fields["end"].flatMap { context.date($0, field: "end") }
        var unit: SimulationCalendar.Unit? = .month
        if let node = fields["step"] {
            unit = node.scalarText.flatMap(SimulationCalendar.Unit.init(rawValue:))
            if unit == nil {
                context.error("'step' must be one of day, week, month, quarter, year; found \(node.foundDescription)", at: node.location)
            }
        }
        guard let start, let end, let unit else { return nil }
        guard let calendar = SimulationCalendar(start: start, end: end, unit: unit) else {
            context.error("the calendar is empty: end \(end.lastDay) is before start \(start.firstDay); expected end on or after start",
                          at: fields["end"]?.location ?? node.location)
            return nil
        }
        guard calendar.stepCount <= ScenarioLimits.maxSteps else {
            context.error("the calendar has \(calendar.stepCount) steps; expected at most \(ScenarioLimits.maxSteps) (use a longer step)", at: node.location)
            return nil
        }
        return calendar
    }

    func decodeParameters(_ node: YAMLNode, into values: inout ParameterValues, explicit: inout Set<Parameter>, context: inout DecodeContext) {
        guard let entries = node.entries else {
            context.error("'parameters' must be a mapping such as {betrayal: 0.6}; found \(node.foundDescription)", at: node.location)
            return
        }
        for entry in entries {
            guard let parameter = Parameter.named(entry.key) else {
                context.error("unknown parameter '\(entry.key)'\(DidYouMean.hint(for: entry.key, among: Parameter.names)); see docs/model.md for the list",
                              at: entry.keyLocation)
                continue
            }
            let info = parameter.info
            if let value = context.number(entry.value, field: entry.key, range: info.minimum...info.maximum) {
                values[parameter] = value
                explicit.insert(parameter)
            }
        }
    }

    func sequence(_ node: YAMLNode, name: String, limit: Int, context: inout DecodeContext) -> [YAMLNode] {
        guard let items = node.items else {
            if !node.isNull {
                context.error("'\(name)' must be a list (items starting with '-'); found \(node.foundDescription)", at: node.location)
            }
            return []
        }
        if items.count > limit {
            context.error("'\(name)' has \(items.count) items; expected at most \(limit)", at: node.location)
            return []
        }
        return items
    }

    func decodeStates(_ node: YAMLNode, context: inout DecodeContext) -> [StateSpec] {
        var states: [StateSpec] = []
        let items = sequence(node, name: "states", limit: ScenarioLimits.maxStates, context: &context)
        if node.items?.isEmpty == true {  // not when `sequence` refused a list over the limit
            context.error("'states' is empty; expected at least one state", at: node.location)
        }
        for item in items {
            guard let fields = FieldReader(item, what: "a state", allowed: Self.stateKeys,
                                           required: ["id", "capability"], context: &context) else { continue }
            let id = fields["id"].flatMap { context.identifier($0, field: "id") }
            let name = fields["name"].flatMap { context.text($0, field: "name") }
            let capability = fields["capability"].flatMap { context.number($0, field: "capability", range: 0...1e12) }
            let autonomy = fields["autonomy"].map { context.number($0, field: "autonomy", range: 0...1) } ?? 0
            if let node = fields["capability"], capability == 0 {
                context.error("'capability' must be greater than 0; found 0", at: node.location)
            }
            let actor = decodeActorKind(fields, context: &context)
            guard let id else { continue }
            if context.stateIndex[id] != nil {
                context.error("state id '\(id)' is declared twice; expected unique ids", at: fields["id"]?.location ?? item.location)
                continue
            }
            // The id is known even when another field is wrong, so later references do not add false errors.
            context.stateIndex[id] = states.count
            var state = StateSpec(id: id, name: name ?? id, capability: capability ?? 1, location: item.location)
            if let actor {
                state.kind = .group
                state.salienceScale = actor
                context.salienceScales[states.count] = actor
            }
            state.autonomy = autonomy ?? 0
            states.append(state)
        }
        return states
    }

    func decodeBlocs(_ node: YAMLNode, context: inout DecodeContext) -> [BlocSpec] {
        var blocs: [BlocSpec] = []
        for item in sequence(node, name: "blocs", limit: ScenarioLimits.maxBlocs, context: &context) {
            guard let fields = FieldReader(item, what: "a bloc", allowed: Self.blocKeys,
                                           required: ["id", "members"], context: &context) else { continue }
            let id = fields["id"].flatMap { context.identifier($0, field: "id") }
            let name = fields["name"].flatMap { context.text($0, field: "name") }
            let lifetime = decodeLifetime(fields, context: &context)
            var entries = fields["members"].flatMap { decodeMembers($0, context: &context) }
            if let list = entries {
                groupMemberProblems(list, context: &context)
                entries = founding(list, at: lifetime.from, context: &context)
            }
            let members = entries.map { $0.map(\.state) }
            var leader: Int?? = .some(nil)
            if let node = fields["leader"] { leader = context.state(node, field: "leader").map { .some($0) } ?? nil }
            let obligation = fields["obligation"].map { context.number($0, field: "obligation", range: 0...1) } ?? 0.5
            if let members, Set(members).count != members.count, let node = fields["members"] {
                context.error("'members' lists a state twice; expected each member once", at: node.location)
            }
            if let members, let leaderValue = leader, let leaderIndex = leaderValue, !members.contains(leaderIndex), let node = fields["leader"] {
                context.error("leader '\(node.scalarText ?? "")' is not a member of the bloc; expected one of its members", at: node.location)
            }
            guard let id else { continue }
            if context.blocIndex[id] != nil || context.stateIndex[id] != nil {
                context.error("bloc id '\(id)' is already used\(context.stateIndex[id] != nil ? " by a state" : ""); expected unique ids", at: fields["id"]?.location ?? item.location)
                continue
            }
            context.blocIndex[id] = blocs.count
            var bloc = BlocSpec(id: id, name: name ?? id, leader: leader ?? nil, members: [], obligation: obligation ?? 0,
                                location: item.location)
            bloc.setMembers(entries ?? [])
            if let founded = lifetime.from {
                bloc.foundedStep = founded
                bloc.founders = bloc.joins.filter { $0.step == founded }.map(\.state)
            }
            bloc.dissolvedStep = lifetime.until
            bloc.terms = decodeTerms(fields, context: &context)
            if let node = fields["covers"], let scope = decodeScope(node, context: &context) { bloc.covers = scope }
            context.blocMembers.append(bloc.members)
            context.blocLifetimes.append(lifetime)
            blocs.append(bloc)
        }
        return blocs
    }

    func decodeTrust(_ node: YAMLNode, context: inout DecodeContext) -> [TrustSpec] {
        var result: [TrustSpec] = []
        for item in sequence(node, name: "trust", limit: 25_000_000, context: &context) {
            guard let fields = FieldReader(item, what: "a trust entry", allowed: ["from", "to", "value", "mutual"],
                                           required: ["from", "to", "value"], context: &context) else { continue }
            let from = fields["from"].flatMap { context.state($0, field: "from") }
            let to = fields["to"].flatMap { context.state($0, field: "to") }
            let value = fields["value"].flatMap { context.number($0, field: "value", range: -1...1) }
            let mutual = fields["mutual"].map { context.boolean($0, field: "mutual") } ?? false
            if let from, let to, from == to, let node = fields["to"] {
                context.error("'from' and 'to' name the same state; a state's trust in itself is not modelled", at: node.location)
                continue
            }
            guard let from, let to, let value, let mutual else { continue }
            result.append(TrustSpec(from: from, to: to, value: value))
            if mutual { result.append(TrustSpec(from: to, to: from, value: value)) }
        }
        return result
    }

    func decodeAlignment(_ node: YAMLNode, context: inout DecodeContext) -> [AlignmentSpec] {
        var result: [AlignmentSpec] = []
        for item in sequence(node, name: "alignment", limit: 5_000_000, context: &context) {
            guard let fields = FieldReader(item, what: "an alignment entry", allowed: ["state", "bloc", "value"],
                                           required: ["state", "bloc", "value"], context: &context) else { continue }
            let state = fields["state"].flatMap { context.state($0, field: "state") }
            let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
            let value = fields["value"].flatMap { context.number($0, field: "value", range: 0...1) }
            guard let state, let bloc, let value else { continue }
            result.append(AlignmentSpec(state: state, bloc: bloc, value: value))
        }
        return result
    }

    func decodeEvents(_ node: YAMLNode, context: inout DecodeContext) -> [ScenarioEvent] {
        let items = sequence(node, name: "events", limit: ScenarioLimits.maxEvents, context: &context)
        // First pass: ids and types, so reveals can name events declared after them.
        for (index, item) in items.enumerated() {
            guard let idNode = item["id"] else { continue }
            guard let id = context.identifier(idNode, field: "id") else { continue }
            if context.eventIndex[id] != nil {
                context.error("event id '\(id)' is declared twice; expected unique ids", at: idNode.location)
                continue
            }
            context.eventIndex[id] = index
            context.eventTypes[id] = item["type"]?.scalarText ?? ""
        }
        for item in items { context.eventTags.formUnion(item["tags"]?.items?.compactMap(\.scalarText) ?? []) }
        var events: [ScenarioEvent] = []
        for (index, item) in items.enumerated() {
            guard item.entries != nil else {
                context.error("an event must be a mapping such as {at: 2020-09, type: attack, ...}; found \(item.foundDescription)", at: item.location)
                continue
            }
            guard let typeNode = item["type"], let typeName = typeNode.scalarText, !typeNode.isNull else {
                context.error("an event is missing the required key 'type'; expected one of: \(EventRegistry.names.joined(separator: ", "))", at: item.location)
                continue
            }
            guard let type = EventRegistry.type(named: typeName) else {
                context.error("unknown event type '\(typeName)'\(Self.eventTypeHint(typeName)); expected one of: \(EventRegistry.names.joined(separator: ", "))",
                              at: typeNode.location)
                continue
            }
            let idText = item["id"]?.scalarText
            let what = idText.map { "event '\($0)'" } ?? "\(typeName) event"
            guard let fields = FieldReader(item, what: what, allowed: EventRegistry.commonFields + type.fieldNames,
                                           required: type.requiredFields, context: &context) else { continue }
            let step = eventStep(fields, context: &context)
            let tags = fields["tags"].flatMap { node in context.list(node, field: "tags") { context, item in context.identifier(item, field: "tags") } } ?? []
            let note = fields["note"].flatMap { context.text($0, field: "note") }
            let effect = type.decode(fields, context: &context)
            guard let step, let effect else { continue }
            events.append(ScenarioEvent(id: context.eventIndex[idText ?? ""] == index ? idText : nil, type: typeName, step: step,
                                        tags: tags, note: note, location: item.location, effect: effect))
        }
        return events
    }

    func eventStep(_ fields: FieldReader, context: inout DecodeContext) -> Int? {
        switch (fields["at"], fields["step"]) {
        case (let at?, nil):
            return context.step(at, field: "at")
        case (nil, let step?):
            guard let calendar = context.calendar else { return nil }
            return context.integer(step, field: "step", range: 0...(calendar.stepCount - 1))
        case (_?, _?):
            context.error("\(fields.what) gives both 'at' and 'step'; expected one of them", at: fields.node.location)
            return nil
        case (nil, nil):
            context.error("\(fields.what) needs 'at' (a date) or 'step' (a step number)", at: fields.node.location)
            return nil
        }
    }

    func decodeOutcomes(_ node: YAMLNode, context: inout DecodeContext) -> [OutcomeSpec] {
        var outcomes: [OutcomeSpec] = []
        var names = Set<String>()
        for item in sequence(node, name: "outcomes", limit: 10_000, context: &context) {
            guard item.entries != nil else {
                context.error("an outcome must be a mapping such as {name: arm_left, type: left, state: ARM, bloc: CSTO}; found \(item.foundDescription)", at: item.location)
                continue
            }
            guard let typeNode = item["type"], let typeName = typeNode.scalarText else {
                context.error("an outcome is missing the required key 'type'; expected one of: \(OutcomeRegistry.names.joined(separator: ", "))", at: item.location)
                continue
            }
            guard let type = OutcomeRegistry.type(named: typeName) else {
                context.error("unknown outcome type '\(typeName)'\(DidYouMean.hint(for: typeName, among: OutcomeRegistry.names)); expected one of: \(OutcomeRegistry.names.joined(separator: ", "))", at: typeNode.location)
                continue
            }
            guard let fields = FieldReader(item, what: "outcome '\(item["name"]?.scalarText ?? typeName)'",
                                           allowed: ["name", "type"] + type.fieldNames,
                                           required: ["name"] + type.requiredFields, context: &context) else { continue }
            let name = fields["name"].flatMap { context.identifier($0, field: "name") }
            let measure = type.decode(fields, context: &context)
            guard let name, let measure else { continue }
            let reserved: Set<String> = ["replicate", "variant", "point", "seed", "status", "error"]
            let columns = measure.columns(name: name).map(\.name)
            if let clash = columns.first(where: { reserved.contains($0) || names.contains($0) }) {
                context.error("outcome '\(name)' would write the column '\(clash)', which is already used or reserved; expected unique column names", at: fields["name"]?.location ?? item.location)
                continue
            }
            names.formUnion(columns)
            outcomes.append(OutcomeSpec(name: name, type: typeName, location: item.location, measure: measure))
        }
        return outcomes
    }
}
