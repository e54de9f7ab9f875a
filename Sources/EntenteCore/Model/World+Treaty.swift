extension World {
    /// True when i has given notice of leaving b and the exit has not yet taken effect.
    @inline(__always)
    public func isUnderNotice(_ i: Int, _ b: Int) -> Bool {
        hasTreaties && pendingExit[i &* blocCount &+ b] >= 0
    }

    /// A decision of i to leave b at `step`: takes effect at once (status `left`, returns true) when the
    /// bloc has no treaty terms or they allow it this step; otherwise i stays (or becomes) `frozen` under
    /// notice until the effective step, and a `notice` row is logged (returns false).
    public mutating func decideExit(_ i: Int, _ b: Int, step: Int, names: WorldNames, event: String, log: inout EventLog,
                                    detail: @autoclosure () -> String) -> Bool {
        let table = exitSteps[b]
        let effective = table.isEmpty ? step : table[step]
        if effective <= step {
            setStatus(i, b, .left)
            return true
        }
        let cell = i &* blocCount &+ b
        setStatus(i, b, .frozen)
        pendingExit[cell] = effective
        noticeStep[cell] = step
        log.record(step: step, event: event, type: "notice", actor: names.states[i], target: names.blocs[b],
                   detail: detail() + " effective=" + (effective < exitSteps[b].count ? "step \(effective)" : "after the end"))
        return false
    }

    /// Rule 6's hook: the notified exits due at `step` take effect (status `left`, a `leave` row whose detail
    /// names the step notice was given). Runs before the membership checks of the step.
    public mutating func completeExits(step: Int, names: WorldNames, log: inout EventLog) {
        for cell in pendingExit.indices where pendingExit[cell] == step {
            pendingExit[cell] = -1
            status[cell] = .left
            log.record(step: step, event: "", type: "leave", actor: names.states[cell / blocCount], target: names.blocs[cell % blocCount],
                       detail: "notice given at step \(noticeStep[cell])")
        }
    }

    /// Clears the notices pending in bloc b (its dissolution).
    public mutating func clearNotices(bloc b: Int) {
        guard hasTreaties else { return }
        for i in 0..<stateCount { pendingExit[i &* blocCount &+ b] = -1 }
    }
}
