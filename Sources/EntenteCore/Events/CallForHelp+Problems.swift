extension CallForHelp {
    /// Scripted `responses:` that can never be read: a state that is the caller or the adversary, or that is
    /// in no bloc the call can reach — not a declared member of `bloc` (or, without `bloc:`, of any bloc with
    /// an obligation) and not joining it through a `membership` event.
    public func responseProblems(in scenario: Scenario) -> [String] {
        let reachable = bloc.map { [$0] } ?? scenario.blocs.indices.filter { scenario.blocs[$0].obligation > 0 }
        var callable = Set<Int>()
        for b in reachable { callable.formUnion(scenario.blocs[b].members) }
        for event in scenario.events {
            if let change = event.effect.scriptedMembership, change.action == .join, reachable.contains(change.bloc) { callable.insert(change.state) }
        }
        var problems: [String] = []
        for state in responses.keys.sorted() {
            let id = scenario.states[state].id
            if state == caller {
                problems.append("'responses' names \(id), the state that calls for help; expected members of the bloc\(bloc == nil ? "s" : "") it calls")
            } else if state == adversary || moreAdversaries.contains(state) {
                problems.append("'responses' names \(id), the state help is called against; expected members of the bloc\(bloc == nil ? "s" : "") called")
            } else if !callable.contains(state) {
                let blocs = reachable.map { scenario.blocs[$0].id }
                problems.append("'responses' names \(id), which is never called: it is not a member of \(blocs.isEmpty ? "any bloc with an obligation" : blocs.joined(separator: " or ")) and no membership event makes it join; expected a member that the call reaches")
            }
        }
        return problems
    }
}
