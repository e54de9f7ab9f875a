/// Records one replicate's time series as CSV rows: trust, affinity, states, blocs, events.
public struct SeriesRecorder: StepObserver {
    /// trust.csv rows.
    public var trust = CSVBuffer()
    /// affinity.csv rows.
    public var affinity = CSVBuffer()
    /// states.csv rows.
    public var states = CSVBuffer()
    /// blocs.csv rows.
    public var blocs = CSVBuffer()
    /// events.csv rows.
    public var events = CSVBuffer()

    private let replicate: Int
    private let labels: [String]
    private let names: WorldNames
    private let pairs: [(Int, Int)]
    private let every: Int
    private let lastStep: Int

    /// The headers of the five files, in the order above.
    public static let headers: [(file: String, columns: [String])] = [
        ("trust.csv", ["replicate", "step", "date", "from", "to", "trust"]),
        ("affinity.csv", ["replicate", "step", "date", "state", "bloc", "affinity", "status"]),
        ("states.csv", ["replicate", "step", "date", "state", "capability", "threat", "need"]),
        ("blocs.csv", ["replicate", "step", "date", "bloc", "active_members", "cohesion"]),
        ("events.csv", ["replicate", "step", "date", "event", "type", "actor", "target", "detail"]),
    ]

    /// A recorder for one replicate.
    public init(replicate: Int, scenario: Scenario, labels: [String], options: RecordOptions) {
        self.replicate = replicate
        self.labels = labels
        names = scenario.names
        pairs = options.trustPairs(for: scenario)
        every = options.every
        lastStep = scenario.calendar.stepCount - 1
    }

    public var wantsEvents: Bool { true }

    public mutating func observe(world: World, step: Int, events log: [EventLog.Entry]) {
        let date = labels[step]
        for entry in log {
            events.field(replicate); events.field(step); events.field(date); events.field(entry.event)
            events.field(entry.type); events.field(entry.actor); events.field(entry.target); events.field(entry.detail)
            events.endRow()
        }
        guard step % every == 0 || step == lastStep else { return }
        for (from, to) in pairs {
            trust.field(replicate); trust.field(step); trust.field(date)
            trust.field(names.states[from]); trust.field(names.states[to]); trust.field(world.trust(from, to))
            trust.endRow()
        }
        for i in 0..<world.stateCount {
            for b in 0..<world.blocCount {
                affinity.field(replicate); affinity.field(step); affinity.field(date)
                affinity.field(names.states[i]); affinity.field(names.blocs[b]); affinity.field(world.affinity(i, b))
                affinity.field(world.status(i, b).name)
                affinity.endRow()
            }
            states.field(replicate); states.field(step); states.field(date); states.field(names.states[i])
            states.field(world.capability[i]); states.field(world.threat[i]); states.field(world.need[i])
            states.endRow()
        }
        for b in 0..<world.blocCount {
            blocs.field(replicate); blocs.field(step); blocs.field(date); blocs.field(names.blocs[b])
            blocs.field(world.activeCount(b)); blocs.field(world.cohesion(b))
            blocs.endRow()
        }
    }
}
