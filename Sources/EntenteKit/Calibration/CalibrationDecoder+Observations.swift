import EntenteCore

extension CalibrationDecoder {
    /// The targets: every `observed:` outcome of every scenario with weight 1, then the `observations:`
    /// entries applied in order — `{scenario?, outcome, weight}` re-weights an observed outcome (weight 0
    /// leaves it out), `{scenario?, outcome, value, scale, weight?}` adds a numeric observation of an
    /// outcome column. `scenario` may be omitted when there is one scenario.
    func decodeTargets(_ nodes: [YAMLNode], references: [String], scenarios: [Scenario], window: Int,
                       root: YAMLNode, context: inout DecodeContext) -> [CalibrationTarget] {
        var targets: [CalibrationTarget] = []
        var columnsOf: [[OutcomeColumn]] = []
        var months: [[Int]] = []
        for (index, scenario) in scenarios.enumerated() {
            let columns = Engine(scenario: scenario).outcomeColumns
            columnsOf.append(columns)
            let calendar = scenario.calendar
            let monthOfStep = (0..<calendar.stepCount).map { ValidationScorer.monthIndex(calendar.firstDay(ofStep: $0)) }
            months.append(monthOfStep)
            for observed in scenario.observed {
                guard let column = columns.firstIndex(where: { $0.name == observed.outcome + "_date" }) else { continue }
                let kind: CalibrationTarget.Kind = observed.happened.map { .event(observedMonth: ValidationScorer.monthIndex($0), window: window) } ?? .nonEvent
                targets.append(CalibrationTarget(scenario: index, column: column, kind: kind, weight: 1,
                                                 label: "\(references[index]):\(observed.outcome)", monthOfStep: monthOfStep))
            }
        }
        var numeric: [CalibrationTarget] = []
        var dropped = Set<Int>()
        for node in nodes {
            guard let fields = FieldReader(node, what: "an observation", allowed: Self.observationKeys, required: ["outcome"], context: &context) else { continue }
            var scenario = 0
            if let scenarioNode = fields["scenario"] {
                guard let text = context.text(scenarioNode, field: "scenario") else { continue }
                guard let index = references.firstIndex(of: text) else {
                    context.error("'scenario' names \(text), which is not under `scenarios:`\(DidYouMean.hint(for: text, among: references)); expected one of: \(references.joined(separator: ", "))", at: scenarioNode.location)
                    continue
                }
                scenario = index
            } else if references.count > 1 {
                context.error("an observation needs 'scenario' when the calibration has several scenarios; expected one of: \(references.joined(separator: ", "))", at: node.location)
                continue
            }
            guard let outcomeNode = fields["outcome"], let outcome = context.text(outcomeNode, field: "outcome") else { continue }
            var weight = 1.0
            if let weightNode = fields["weight"] {
                guard let value = context.number(weightNode, field: "weight", range: 0...1e6) else { continue }
                weight = value
            }
            let label = "\(references[scenario]):\(outcome)"
            if fields.has("value") || fields.has("scale") {
                guard let valueNode = fields["value"], let scaleNode = fields["scale"] else {
                    context.error("a numeric observation needs both 'value' and 'scale'", at: node.location)
                    continue
                }
                let columns = columnsOf[scenario]
                guard let column = columns.firstIndex(where: { $0.name == outcome && $0.kind != .date }) else {
                    let names = columns.filter { $0.kind != .date }.map(\.name)
                    context.error("'outcome' \(outcome) is not a numeric outcome column of \(references[scenario])\(DidYouMean.hint(for: outcome, among: names)); expected one of: \(names.joined(separator: ", "))", at: outcomeNode.location)
                    continue
                }
                guard let value = context.number(valueNode, field: "value"), let scale = context.number(scaleNode, field: "scale") else { continue }
                guard scale > 0 else {
                    context.error("'scale' must be greater than 0; found \(NumberText.plain(scale))", at: scaleNode.location)
                    continue
                }
                if weight > 0 {
                    numeric.append(CalibrationTarget(scenario: scenario, column: column, kind: .number(value: value, scale: scale),
                                                     weight: weight, label: label, monthOfStep: months[scenario]))
                }
                continue
            }
            guard let index = targets.firstIndex(where: { $0.label == label }) else {
                let observed = targets.filter { $0.scenario == scenario }.map { String($0.label.dropFirst(references[scenario].count + 1)) }
                context.error("'outcome' \(outcome) has no `observed:` entry in \(references[scenario])\(DidYouMean.hint(for: outcome, among: observed)); a weight applies to an observed outcome, and a numeric observation needs 'value' and 'scale'", at: outcomeNode.location)
                continue
            }
            targets[index].weight = weight
            if weight == 0 { dropped.insert(index) } else { dropped.remove(index) }
        }
        let kept = targets.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) + numeric
        if kept.isEmpty && context.diagnostics.isEmpty {
            context.error("the calibration has nothing to fit: its scenarios have no `observed:` outcomes and `observations:` adds no numeric one", at: root.location)
        }
        return kept
    }
}
