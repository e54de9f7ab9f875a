/// A ``SeriesRecorder`` that moves its rows to spool files on disk whenever they pass `threshold`
/// bytes, so one replicate's series never holds more than `threshold` bytes plus one step's rows in
/// memory. ``SeriesStream`` later copies the spool files, then the rows still in memory, into the
/// results in replicate order: the bytes are those of the recorder alone.
struct SpillingRecorder: StepObserver {
    /// The buffers of a ``SeriesRecorder``, one per ``SeriesFile/all`` entry in order (a file not recorded
    /// leaves its buffer empty).
    nonisolated(unsafe) static let buffers: [WritableKeyPath<SeriesRecorder, CSVBuffer>] = SeriesFile.all.map(\.rows)

    /// The recorder; its buffers hold the rows not spilled yet.
    var recorder: SeriesRecorder
    /// Bytes held in memory above which the rows are spilled.
    let threshold: Int
    /// Path prefix of this replicate's spool files (`PREFIX-0` … `PREFIX-6`).
    let spoolPrefix: String
    /// Spool files opened so far, one per buffer.
    private(set) var spools: [OutputFile?] = Array(repeating: nil, count: SpillingRecorder.buffers.count)
    /// The first error writing a spool file; later rows are dropped (the run is then reported failed).
    private(set) var error: EntenteError?

    init(recorder: SeriesRecorder, threshold: Int, spoolPrefix: String) {
        self.recorder = recorder
        self.threshold = threshold
        self.spoolPrefix = spoolPrefix
    }

    var wantsEvents: Bool { recorder.wantsEvents }

    var wantsDrivers: Bool { recorder.wantsDrivers }

    mutating func observeDrivers(world: World, blocTrust: UnsafeBufferPointer<Double>, cover: UnsafeBufferPointer<Double>, step: Int) {
        recorder.observeDrivers(world: world, blocTrust: blocTrust, cover: cover, step: step)
    }

    mutating func observeModelTwoDrivers(world: World, scratch: Scratch, step: Int) {
        recorder.observeModelTwoDrivers(world: world, scratch: scratch, step: step)
    }

    /// Bytes held in memory.
    var heldBytes: Int { Self.buffers.reduce(0) { $0 + recorder[keyPath: $1].bytes.count } }

    mutating func observe(world: World, step: Int, events: [EventLog.Entry]) {
        recorder.observe(world: world, step: step, events: events)
        if heldBytes > threshold { spill() }
    }

    /// Appends the rows held to the spool files and empties the buffers.
    mutating func spill() {
        for (index, path) in Self.buffers.enumerated() where !recorder[keyPath: path].bytes.isEmpty {
            if error == nil {
                do {
                    if spools[index] == nil { spools[index] = try OutputFile(path: spoolPrefix + "-\(index)") }
                    try spools[index]!.write(recorder[keyPath: path].bytes)
                } catch let failure as EntenteError {
                    error = failure
                } catch {
                    self.error = .cannotCreate("cannot write \(spoolPrefix)-\(index): \(error)")
                }
            }
            recorder[keyPath: path].removeAll()
        }
    }
}
