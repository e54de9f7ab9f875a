import EntenteKit

/// The text `entente check` prints for a valid scenario.
struct ScenarioSummary {
    let scenario: Scenario

    /// For week, quarter and year steps, whose labels do not show where the calendar ends: the days
    /// simulated, ` (2018-07-01 to 2024-06-30)`; empty for day and month steps.
    var period: String {
        let calendar = scenario.calendar
        switch calendar.unit {
        case .week, .quarter, .year: return " (\(calendar.start) to \(calendar.end))"
        default: return ""
        }
    }

    var text: String {
        let calendar = scenario.calendar
        var counts: [String: Int] = [:]
        for event in scenario.events { counts[event.type, default: 0] += 1 }
        let byType = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var lines = [
            "\(scenario.file): OK — \(scenario.name)",
            "  calendar: \(calendar.label(ofStep: 0)) to \(calendar.label(ofStep: calendar.stepCount - 1)), \(NumberText.count(calendar.stepCount, calendar.unit.rawValue + " step"))\(period)",
            "  states: \(scenario.states.count) (\(scenario.states.map(\.id).joined(separator: ", ")))",
            "  blocs: \(scenario.blocs.count)" + (scenario.blocs.isEmpty ? "" : " (" + scenario.blocs.map { "\($0.id): \($0.members.count) members" }.joined(separator: ", ") + ")"),
            "  events: \(scenario.events.count)" + (byType.isEmpty ? "" : " (\(byType))"),
            "  outcomes: \(scenario.outcomes.count)" + (scenario.outcomes.isEmpty ? "" : " (\(scenario.outcomes.map(\.name).joined(separator: ", ")))"),
            "  seed \(scenario.seed), \(NumberText.count(scenario.replicates, "replicate"))",
        ]
        if !scenario.observed.isEmpty {
            let events = scenario.observed.filter(\.isEvent).count
            let nonEvents = scenario.observed.count - events
            lines.append("  observed: \(scenario.observed.count) outcomes (\(events) event\(events == 1 ? "" : "s"), \(nonEvents) non-event\(nonEvents == 1 ? "" : "s"))")
        }
        if !scenario.propensity.isEmpty {
            lines.append("  propensity: \(scenario.propensity.count) pairs (for `entente landscape`)")
        }
        if !scenario.variants.isEmpty {
            lines.append("  variants: \(scenario.variants.map(\.name).joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
