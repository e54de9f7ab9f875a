/// One time-series file of `run`, `compare --record` and a `record: full` sweep: its name, its header,
/// the ``SeriesRecorder`` buffer its rows are written into, and when it is recorded.
///
/// ``all`` is the one list of them, in the order the files are created and streamed: ``SeriesFiles``
/// opens them, ``SpillingRecorder`` spills and ``SeriesStream`` copies their buffers, a sweep's
/// `record: full` runs write and check them, and ``ResultsFolder`` recognises their names. A new series
/// file is a buffer the recorder fills plus one entry here (docs/architecture.md, "An output file").
public struct SeriesFile {
    /// When a file is written.
    public enum Recorded: Sendable {
        /// By every recording run (the five files of `--record`'s default).
        case always
        /// With `--record drivers`.
        case drivers
        /// With `--record landscape`.
        case landscape
    }

    /// The file name, `trust.csv`; `.gz` is added when compressed.
    public let name: String
    /// The header's columns (without `compare`'s leading `variant`) under model 1.
    public let columns: [String]
    /// The header's columns for a run under `model` (only drivers.csv's differ: model 2 adds columns).
    public func columns(model: Int) -> [String] {
        recorded == .drivers ? SeriesRecorder.driversHeader(model: model) : columns
    }
    /// The recorder's buffer that holds the rows.
    public let rows: WritableKeyPath<SeriesRecorder, CSVBuffer>
    /// When it is written.
    public let recorded: Recorded

    /// Whether a run recording with `options` writes it.
    public func isRecorded(by options: RecordOptions) -> Bool {
        switch recorded {
        case .always: return true
        case .drivers: return options.drivers
        case .landscape: return options.landscape
        }
    }

    /// Every series file, in order: trust, affinity, states, blocs, events, then drivers and landscape.
    nonisolated(unsafe) public static let all: [SeriesFile] = [
        SeriesFile(name: "trust.csv", columns: ["replicate", "step", "date", "from", "to", "trust"], rows: \.trust, recorded: .always),
        SeriesFile(name: "affinity.csv", columns: ["replicate", "step", "date", "state", "bloc", "affinity", "status"], rows: \.affinity, recorded: .always),
        SeriesFile(name: "states.csv", columns: ["replicate", "step", "date", "state", "capability", "threat", "need"], rows: \.states, recorded: .always),
        SeriesFile(name: "blocs.csv", columns: ["replicate", "step", "date", "bloc", "active_members", "cohesion"], rows: \.blocs, recorded: .always),
        SeriesFile(name: "events.csv", columns: ["replicate", "step", "date", "event", "type", "actor", "target"] + SeriesRecorder.eventValueKeys + ["detail"],
                   rows: \.events, recorded: .always),
        SeriesFile(name: "drivers.csv", columns: SeriesRecorder.driversHeader, rows: \.drivers, recorded: .drivers),
        SeriesFile(name: "landscape.csv", columns: SeriesRecorder.landscapeHeader, rows: \.landscape, recorded: .landscape),
    ]

    /// The files every recording run writes (a `record: full` sweep's run writes exactly these).
    nonisolated(unsafe) public static let always: [SeriesFile] = all.filter { $0.recorded == .always }
}
