/// Turns a loaded scenario into a ``LandscapeSystem``: sizes are capabilities, propensities the file's
/// `propensity:` or the symmetrised trust p_ij = (T_ij + T_ji)/2, at the start or after simulating to a date.
public enum LandscapeInput {
    /// Where the propensities come from.
    public enum Source: String, Sendable {
        /// The scenario's `propensity:` list (unlisted pairs 0).
        case propensity
        /// Symmetrised trust (T_ij + T_ji)/2.
        case trust
    }

    /// What was used, for the manifest and the terminal.
    public struct Described: Sendable {
        /// The system.
        public var system: LandscapeSystem
        /// The source used.
        public var source: Source
        /// `start` or the date label simulated to.
        public var when: String
        /// Replicates averaged (none at the start).
        public var replicates: [Int]
        /// The run folder whose recorded trust was read (`--run`), nil when simulated or at the start.
        public var runFolder: String? = nil
    }

    /// The system of `scenario`. `source` nil: `propensity:` when the file has one, else trust. With `at`
    /// (trust only), the model runs to the end of the step containing that date and trust and capability are
    /// averaged over `replicates` replicates 0…R−1 (or taken from `replicate` alone), streams (seed, 0, r).
    public static func system(_ scenario: Scenario, source: Source? = nil, at date: CalendarDate? = nil,
                              replicate: Int? = nil, replicates: Int, seed: UInt64, jobs: Int) throws -> Described {
        let engine = Engine(scenario: scenario)
        let n = scenario.states.count
        let names = scenario.states.map(\.id)
        let chosen = source ?? (scenario.propensity.isEmpty ? .trust : .propensity)
        if chosen == .propensity {
            if scenario.propensity.isEmpty {
                throw EntenteError.usage("\(scenario.file) has no `propensity:` list; use --source trust or add one (docs/scenario-format.md#propensity)")
            }
            if date != nil { throw EntenteError.usage("--at simulates trust; it needs --source trust (this file's `propensity:` does not change over time)") }
            var p = [Double](repeating: 0, count: n * n)
            for entry in scenario.propensity {
                p[entry.from * n + entry.to] = entry.value
                p[entry.to * n + entry.from] = entry.value
            }
            return Described(system: try LandscapeSystem(names: names, sizes: engine.initialWorld.capability, propensity: p),
                             source: .propensity, when: "start", replicates: [])
        }
        guard let date else {
            return Described(system: try LandscapeSystem(names: names, sizes: engine.initialWorld.capability,
                                                         propensity: symmetrised(engine.initialWorld.trust, n: n)),
                             source: .trust, when: "start", replicates: [])
        }
        guard let step = scenario.calendar.step(containing: date) else {
            throw EntenteError.usage("--at \(date) falls outside the calendar; expected a date from \(scenario.calendar.start) to \(scenario.calendar.end)")
        }
        let runs = replicate.map { [$0] } ?? Array(0..<replicates)
        let snapshots = ParallelMap.run(count: runs.count, jobs: max(1, jobs)) { index -> (Snapshot, String?) in
            var observer = Snapshot(step: step)
            let result = engine.run(replicate: runs[index], seed: seed, observer: &observer)
            return (observer, result.error)
        }
        var trust = [Double](repeating: 0, count: n * n)
        var capability = [Double](repeating: 0, count: n)
        for (index, (snapshot, error)) in snapshots.enumerated() {
            if let error { throw EntenteError.software("\(scenario.file): replicate \(runs[index]) failed: \(error)") }
            for k in trust.indices { trust[k] += snapshot.trust[k] }
            for k in capability.indices { capability[k] += snapshot.capability[k] }
        }
        let count = Double(runs.count)
        return Described(system: try LandscapeSystem(names: names, sizes: capability.map { $0 / count },
                                                     propensity: symmetrised(trust.map { $0 / count }, n: n)),
                         source: .trust, when: scenario.calendar.label(ofStep: step), replicates: runs)
    }

    /// p_ij = (T_ij + T_ji)/2 of a row-major trust matrix.
    public static func symmetrised(_ trust: [Double], n: Int) -> [Double] {
        var p = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n where j != i { p[i * n + j] = (trust[i * n + j] + trust[j * n + i]) / 2 } }
        return p
    }

    /// Keeps trust and capability at the end of one step.
    struct Snapshot: StepObserver {
        let step: Int
        var trust: [Double] = []
        var capability: [Double] = []
        init(step: Int) { self.step = step }
        mutating func observe(world: World, step: Int, events: [EventLog.Entry]) {
            if step == self.step { trust = world.trust; capability = world.capability }
        }
        var wantsEvents: Bool { false }
    }
}
