/// Decoding of the optional `observed:` mapping: outcome name → {happened, source, note}.
extension ScenarioDecoder {
    /// Keys of one observation.
    static let observedKeys = ["happened", "source", "note"]

    /// Reads `observed:` after the outcomes it refers to; every problem is a diagnostic at its position.
    /// `declared` holds every outcome name written in the file, so an outcome that failed to decode adds no second error here.
    /// `calendar` is nil when the dates need not lie within it: when `--set` or a variant moved the calendar,
    /// for a run that does not use `observed` (validate accepts only parameter settings).
    func decodeObserved(_ node: YAMLNode, outcomes: [OutcomeSpec], declared: Set<String>, calendar: SimulationCalendar?,
                        context: inout DecodeContext) -> [ObservedOutcome] {
        if node.isNull { return [] }
        guard let entries = node.entries else {
            context.error("'observed' must be a mapping from outcome name to {happened: DATE or never, source: TEXT}; found \(node.foundDescription)", at: node.location)
            return []
        }
        var result: [ObservedOutcome] = []
        var seen = Set<String>()
        for entry in entries {
            let name = entry.key
            guard seen.insert(name).inserted else {
                context.error("'observed' names outcome '\(name)' twice; expected each outcome once", at: entry.keyLocation)
                continue
            }
            let outcome = outcomes.first { $0.name == name }
            if outcome == nil && !declared.contains(name) {
                let names = outcomes.map(\.name)
                context.error("'observed' names unknown outcome '\(name)'\(DidYouMean.hint(for: name, among: names)); expected one of the names under `outcomes`\(names.isEmpty ? " (the file declares none)" : "")",
                              at: entry.keyLocation)
            } else if let outcome, outcome.measure.datedStatus == nil {
                context.error("outcome '\(name)' has type '\(outcome.type)'; only outcomes of type left, frozen, joined, rejoined or unfrozen (dated 0/1 outcomes about a state in a bloc) can be observed",
                              at: entry.keyLocation)
            }
            guard let fields = FieldReader(entry.value, what: "observed outcome '\(name)'", allowed: Self.observedKeys,
                                           required: ["happened", "source"], context: &context) else { continue }
            let happened = fields["happened"].flatMap { observedDate($0, outcome: outcome, calendar: calendar, context: &context) }
            var source: String?
            if let node = fields["source"] {
                source = context.text(node, field: "source")
                if let text = source, text.allSatisfy(\.isWhitespace) || node.isNull {
                    context.error("'source' must be non-empty text saying where the observation comes from; found \(node.foundDescription)", at: node.location)
                    source = nil
                }
            }
            let note = fields["note"].flatMap { context.text($0, field: "note") }
            guard let happened, let source else { continue }
            result.append(ObservedOutcome(outcome: name, happened: happened, source: source, note: note, location: entry.keyLocation))
        }
        return result
    }

    /// A `happened:` value: `never`, or a date inside the calendar (and not after the outcome's `by:`).
    private func observedDate(_ node: YAMLNode, outcome: OutcomeSpec?, calendar: SimulationCalendar?,
                              context: inout DecodeContext) -> CalendarDate?? {
        if case .scalar("never", false) = node.kind { return .some(nil) }
        guard let text = node.scalarText, !node.isNull, let date = CalendarDate(parsing: text) else {
            context.error("'happened' must be a date YYYY, YYYY-MM or YYYY-MM-DD, or never; found \(node.foundDescription)", at: node.location)
            return nil
        }
        guard let calendar else { return .some(date) }
        guard let step = calendar.step(containing: date) else {
            context.error("'happened' date \(text) falls outside the calendar; expected a date from \(calendar.start) to \(calendar.end), or never", at: node.location)
            return nil
        }
        if let by = outcome.flatMap(Self.statusMeasure)?.byStep, step > by {
            context.error("'happened' date \(text) is after the `by:` bound of outcome '\(outcome!.name)', which therefore cannot record it; expected a date up to \(calendar.label(ofStep: by)) or never", at: node.location)
            return nil
        }
        return .some(date)
    }

    /// The state, bloc and bound of a dated status outcome (`left`, `frozen`, `joined`, `rejoined`, `unfrozen`).
    static func statusMeasure(_ outcome: OutcomeSpec) -> StatusOutcome.Measure? {
        outcome.measure.datedStatus
    }
}
