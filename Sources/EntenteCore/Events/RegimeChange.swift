/// `regime_change {state, shift?, baseline?, others?}`: a change of government in `state`; what
/// memory pulls its trust back to is re-anchored.
///
/// In this order, at the event's step: (1) each `shift` item adds its delta to T_state,j (clamped to
/// [-1, 1]); (2) row `state` of the baseline is re-anchored: B_state,j := the value listed under
/// `baseline` for j, or T_state,j (current trust, after the shifts) for every partner not listed;
/// (3) with `others: current`, column `state` is re-anchored too: B_j,state := T_j,state for every
/// other j (with the default `others: keep` the others' baselines towards it are untouched). Trust
/// itself changes only by the shifts; from the next memory pass on it relaxes toward the new baseline.
public struct RegimeChange: EventEffect {
    public static let typeName = "regime_change"

    /// The state whose government changes.
    public var state: Int
    /// (partner, delta) added to T_state,partner before re-anchoring.
    public var shifts: [(partner: Int, delta: Double)]
    /// (partner, value) for B_state,partner; partners not listed take current trust.
    public var anchors: [(partner: Int, value: Double)]
    /// Whether B_j,state is re-anchored to T_j,state for every j.
    public var reanchorOthers: Bool

    public var actor: Int? { state }
    public func targetName(_ names: WorldNames) -> String { names.states[state] }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let n = world.stateCount
        for shift in shifts { world.addTrust(state, shift.partner, shift.delta) }
        for j in 0..<n where j != state { world.baseline[state &* n &+ j] = world.trust(state, j) }
        for anchor in anchors where anchor.partner != state {
            world.baseline[state &* n &+ anchor.partner] = min(1, max(-1, anchor.value))
        }
        if reanchorOthers {
            for j in 0..<n where j != state { world.baseline[j &* n &+ state] = world.trust(j, state) }
        }
        world.reanchorModelTwo(after: state, others: reanchorOthers)  // model 2 only
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[state], target: environment.names.states[state],
                   detail: "shifts=\(shifts.count) anchors=\(anchors.count) others=\(reanchorOthers ? "current" : "keep")")
    }

    /// Creates the value from its fields.
    public init(state: Int, shifts: [(partner: Int, delta: Double)], anchors: [(partner: Int, value: Double)], reanchorOthers: Bool) {
        self.state = state
        self.shifts = shifts
        self.anchors = anchors
        self.reanchorOthers = reanchorOthers
    }
}
