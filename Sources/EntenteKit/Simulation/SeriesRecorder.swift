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
    /// drivers.csv rows (only with `--record drivers`).
    public var drivers = CSVBuffer()
    /// landscape.csv rows (only with `--record landscape`).
    public var landscape = CSVBuffer()

    let replicate: Int
    // Ids, labels and status words as UTF-8 once per recorder: they are validated plain text, so rows
    // append their bytes without building or scanning strings.
    let labels: [[UInt8]]
    let stateIDs: [[UInt8]]
    let blocIDs: [[UInt8]]
    static let statusWords: [[UInt8]] = [MembershipStatus.outside, .member, .frozen, .left].map { Array($0.name.utf8) }
    private let pairs: [(Int, Int)]
    let every: Int
    let lastStep: Int
    /// The parameters drivers.csv needs, or nil when drivers are not recorded.
    let driverParameters: ParameterValues?
    /// Whether landscape.csv is recorded.
    let recordsLandscape: Bool

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
        self.labels = labels.map { Array($0.utf8) }
        stateIDs = scenario.states.map { Array($0.id.utf8) }
        blocIDs = scenario.blocs.map { Array($0.id.utf8) }
        pairs = options.trustPairs(for: scenario)
        every = options.every
        lastStep = scenario.calendar.stepCount - 1
        driverParameters = options.drivers ? scenario.parameters : nil
        recordsLandscape = options.landscape
    }

    public var wantsEvents: Bool { true }

    public mutating func observe(world: World, step: Int, events log: [EventLog.Entry]) {
        let date = labels[step]
        for entry in log {
            events.field(replicate); events.field(step); events.plainField(date); events.field(entry.event)
            events.field(entry.type); events.field(entry.actor); events.field(entry.target); events.field(entry.detail)
            events.endRow()
        }
        guard step % every == 0 || step == lastStep else { return }
        for (from, to) in pairs {
            trust.field(replicate); trust.field(step); trust.plainField(date)
            trust.plainField(stateIDs[from]); trust.plainField(stateIDs[to]); trust.field(world.trust(from, to))
            trust.endRow()
        }
        for i in 0..<world.stateCount {
            for b in 0..<world.blocCount {
                affinity.field(replicate); affinity.field(step); affinity.plainField(date)
                affinity.plainField(stateIDs[i]); affinity.plainField(blocIDs[b]); affinity.field(world.affinity(i, b))
                affinity.plainField(Self.statusWords[Int(world.status(i, b).rawValue)])
                affinity.endRow()
            }
            states.field(replicate); states.field(step); states.plainField(date); states.plainField(stateIDs[i])
            states.field(world.capability[i]); states.field(world.threat[i]); states.field(world.need[i])
            states.endRow()
        }
        for b in 0..<world.blocCount {
            blocs.field(replicate); blocs.field(step); blocs.plainField(date); blocs.plainField(blocIDs[b])
            blocs.field(world.activeCount(b)); blocs.field(world.cohesion(b))
            blocs.endRow()
        }
        if recordsLandscape { recordLandscape(world: world, step: step, date: date) }
    }
}
