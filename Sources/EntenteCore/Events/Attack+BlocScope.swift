extension CallForHelp {
    /// The problem with a call that names one `bloc:` its caller can never be in: not listed under the
    /// bloc's `members` and never joined by a scripted `membership` event. Such a call reaches nobody
    /// (it would be a silent no-op), so the file is refused. A state that could only join through the
    /// model's own dynamics is refused too: scripting the join says what the case assumes.
    public func blocScopeProblem(in scenario: Scenario, event: String) -> String? {
        guard let bloc, bloc < scenario.blocs.count, caller < scenario.states.count else { return nil }
        let spec = scenario.blocs[bloc]
        if spec.members.contains(caller) { return nil }
        let joins = scenario.events.contains { event in
            guard let change = event.effect.scriptedMembership else { return false }
            return change.state == caller && change.bloc == bloc && change.action == .join
        }
        if joins { return nil }
        return "\(event) names bloc '\(spec.id)', but its target '\(scenario.states[caller].id)' is not a member of it (not listed under its members, and no membership event joins it); expected a bloc the target belongs to, or no 'bloc'"
    }
}

extension Attack {
    /// An attack naming a bloc its target is never in (``CallForHelp/blocScopeProblem(in:event:)``); when the
    /// bloc is right, `responses:` must name states the target's call reaches (``CallForHelp/responseProblems(in:)``).
    public func problems(in scenario: Scenario) -> [String] {
        if let scope = call.blocScopeProblem(in: scenario, event: "the attack") { return [scope] }
        return call.responseProblems(in: scenario)
    }
}
