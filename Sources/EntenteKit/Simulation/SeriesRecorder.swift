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
    /// steps.csv inputs (only with `--record steps`): ``StepSummary/quantities(for:options:)`` values per recorded step, in order.
    public var stepValues: [Double] = []

    let replicate: Int
    /// The arm's name as a CSV field (`compare --record`), written before `replicate` in every row; nil for `run`.
    let variant: [UInt8]?
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
    /// Whether steps.csv values are kept.
    let recordsSteps: Bool

    /// The names and headers of the five files every recording run writes, in the order above
    /// (``SeriesFile/always``).
    public static var headers: [(file: String, columns: [String])] { SeriesFile.always.map { ($0.name, $0.columns) } }

    /// events.csv's columns split out of the event log's `detail`: its `key=value` items with these keys
    /// (docs/outputs.md#eventscsv). The rest of `detail` stays in the `detail` column.
    public static let eventValueKeys = ["bloc", "p", "intensity", "value", "salience", "delta", "gap"]

    /// A recorder for one replicate.
    public init(replicate: Int, scenario: Scenario, labels: [String], options: RecordOptions, variant: String? = nil) {
        self.replicate = replicate
        self.variant = variant.map { name in
            var field = CSVBuffer(capacity: 0)
            field.field(name)
            return field.bytes
        }
        self.labels = labels.map { Array($0.utf8) }
        stateIDs = scenario.states.map { Array($0.id.utf8) }
        blocIDs = scenario.blocs.map { Array($0.id.utf8) }
        pairs = options.trustPairs(for: scenario)
        every = options.every
        lastStep = scenario.calendar.stepCount - 1
        driverParameters = options.drivers ? scenario.parameters : nil
        recordsLandscape = options.landscape
        recordsSteps = options.steps
    }

    public var wantsEvents: Bool { true }

    public mutating func observe(world: World, step: Int, events log: [EventLog.Entry]) {
        let date = labels[step]
        for entry in log {
            events.beginRow(variant, replicate); events.field(step); events.plainField(date); events.field(entry.event)
            events.field(entry.type); events.field(entry.actor); events.field(entry.target)
            Self.splitDetail(entry.detail, into: &events)
            events.endRow()
        }
        guard step % every == 0 || step == lastStep else { return }
        for (from, to) in pairs {
            trust.beginRow(variant, replicate); trust.field(step); trust.plainField(date)
            trust.plainField(stateIDs[from]); trust.plainField(stateIDs[to]); trust.field(world.trust(from, to))
            trust.endRow()
        }
        for i in 0..<world.stateCount {
            for b in 0..<world.blocCount {
                affinity.beginRow(variant, replicate); affinity.field(step); affinity.plainField(date)
                affinity.plainField(stateIDs[i]); affinity.plainField(blocIDs[b]); affinity.field(world.affinity(i, b))
                affinity.plainField(Self.statusWords[Int(world.status(i, b).rawValue)])
                affinity.endRow()
            }
            states.beginRow(variant, replicate); states.field(step); states.plainField(date); states.plainField(stateIDs[i])
            states.field(world.capability[i]); states.field(world.threat[i]); states.field(world.need[i])
            states.endRow()
        }
        for b in 0..<world.blocCount {
            blocs.beginRow(variant, replicate); blocs.field(step); blocs.plainField(date); blocs.plainField(blocIDs[b])
            blocs.field(world.activeCount(b)); blocs.field(world.cohesion(b))
            blocs.endRow()
        }
        if recordsLandscape { recordLandscape(world: world, step: step, date: date) }
        if recordsSteps { recordStepValues(world: world) }
    }

    /// Appends this step's steps.csv values in the order of ``StepSummary/quantities(for:options:)``.
    mutating func recordStepValues(world: World) {
        for (from, to) in pairs { stepValues.append(world.trust(from, to)) }
        let cells = world.stateCount * world.blocCount
        for i in 0..<world.stateCount {
            for b in 0..<world.blocCount { stepValues.append(world.affinity(i, b)) }
        }
        for status in StepSummary.shareStatuses {
            for cell in 0..<cells { stepValues.append(world.status[cell] == status ? 1 : 0) }
        }
        for b in 0..<world.blocCount { stepValues.append(Double(world.activeCount(b))) }
        for b in 0..<world.blocCount { stepValues.append(world.cohesion(b)) }
    }
}

extension SeriesRecorder {
    /// Writes the ``eventValueKeys`` columns (empty when the detail has no such item) and then the
    /// detail's other items, space-separated in their order: `bloc=CSTO p=0.31` → `CSTO,0.31,,,,,,`.
    static func splitDetail(_ detail: String, into row: inout CSVBuffer) {
        var values = [Substring?](repeating: nil, count: eventValueKeys.count)
        var rest: [Substring] = []
        for item in detail.split(separator: " ") {
            if let equals = item.firstIndex(of: "="),
               let key = eventValueKeys.firstIndex(where: { $0[...] == item[..<equals] }), values[key] == nil {
                values[key] = item[item.index(after: equals)...]
            } else {
                rest.append(item)
            }
        }
        for value in values {
            if let value { row.field(String(value)) } else { row.emptyField() }
        }
        row.field(rest.joined(separator: " "))
    }
}

extension CSVBuffer {
    /// Starts a series row: the arm's name (already a CSV field) when there is one, then the replicate.
    mutating func beginRow(_ variant: [UInt8]?, _ replicate: Int) {
        if let variant { plainField(variant) }
        field(replicate)
    }
}
