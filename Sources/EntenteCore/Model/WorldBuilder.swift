/// Builds the initial ``World`` of a scenario: the only place ids, defaults and listed values meet.
public enum WorldBuilder {
    /// The world at step 0, before any event.
    ///
    /// Trust: `default_trust` for every ordered pair, `member_trust` for co-members of any
    /// bloc — every state on its member list, those joining later (`from:`) included — then the
    /// values listed under `trust:`; the baseline is this initial matrix.
    /// Affinity: `member_affinity` for a member's blocs, `outsider_affinity` otherwise, then `alignment:`.
    public static func initialWorld(of scenario: Scenario) -> World {
        let n = scenario.states.count
        let blocCount = scenario.blocs.count
        let parameters = scenario.parameters
        var world = World(stateCount: n, blocCount: blocCount, eventCount: scenario.events.count)
        for (i, state) in scenario.states.enumerated() {
            world.capability[i] = state.capability
            world.isGroup[i] = state.kind == .group
        }
        for i in 0..<n { for j in 0..<n where i != j { world.trust[i * n + j] = parameters[.defaultTrust] } }
        for (b, bloc) in scenario.blocs.enumerated() {
            world.leader[b] = bloc.leader ?? -1
            world.obligation[b] = bloc.obligation
            world.scope[b] = bloc.covers
            for i in bloc.members {
                world.status[i * blocCount + b] = .member
                for j in bloc.members where j != i { world.trust[i * n + j] = parameters[.memberTrust] }
            }
            for i in bloc.frozen { world.status[i * blocCount + b] = .frozen }
            // A state on the member list with a later `from:` within the calendar (a founder of a bloc
            // founded later, or a member acceding later) trusts and is trusted by everyone else on the
            // list as co-members are: an accession is prepared, and the bloc is what it joins.
            let joining = bloc.joins.filter { $0.step < scenario.calendar.stepCount }
            let listed = bloc.members + joining.map(\.state).filter { !bloc.members.contains($0) }
            for join in joining {
                let i = join.state
                for j in listed where j != i {
                    world.trust[i * n + j] = parameters[.memberTrust]
                    world.trust[j * n + i] = parameters[.memberTrust]
                }
            }
        }
        for entry in scenario.trust { world.trust[entry.from * n + entry.to] = entry.value }
        world.baseline = world.trust
        for i in 0..<n {
            for b in 0..<blocCount {
                world.affinity[i * blocCount + b] = world.status(i, b) == .member ? parameters[.memberAffinity] : parameters[.outsiderAffinity]
            }
        }
        for (b, bloc) in scenario.blocs.enumerated() {
            for i in bloc.founders { world.affinity[i * blocCount + b] = parameters[.memberAffinity] }
        }
        for (b, bloc) in scenario.blocs.enumerated() {
            guard let terms = bloc.terms else { continue }
            world.exitSteps[b] = (0..<scenario.calendar.stepCount).map { terms.effectiveStep(decidedAt: $0, calendar: scenario.calendar) }
            world.hasTreaties = true
        }
        if world.hasTreaties {
            world.pendingExit = .init(repeating: -1, count: n * blocCount)
            world.noticeStep = world.pendingExit
        }
        for entry in scenario.alignment { world.affinity[entry.state * blocCount + entry.bloc] = entry.value }
        if scenario.model == 2 { addModelTwoState(to: &world, of: scenario) }
        return world
    }

    /// Model 2's arrays: H and its baseline from the initial trust between states sharing no bloc on
    /// paper (enemies at the start are enemies), no grievance, the declared rivalries and autonomies.
    static func addModelTwoState(to world: inout World, of scenario: Scenario) {
        let n = world.stateCount, blocCount = world.blocCount
        world.model = 2
        world.hostility = .init(repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n where j != i { world.hostility[i * n + j] = world.baselineHostility(i, j) } }
        world.hostilityBase = world.hostility
        world.grievance = .init(repeating: 0, count: n * blocCount)
        world.rival = .init(repeating: false, count: blocCount * blocCount)
        for (b, bloc) in scenario.blocs.enumerated() { for r in bloc.rivals { world.rival[b * blocCount + r] = true } }
        world.autonomy = scenario.states.map(\.autonomy)
        world.regimeChanged = .init(repeating: false, count: n)
    }
}
