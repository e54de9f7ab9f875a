import Foundation

/// manifest.json of a sweep folder (or shard folder, or merged folder): what the sweep is, so `--resume`,
/// `merge` and `analyze` can check and read it, and how far it got.
public struct SweepManifest: ManifestFile, Sendable, Equatable {
    /// A swept parameter as recorded: `values`, or `from`/`to`/`scale` (and `steps` for a grid).
    public struct Parameter: Codable, Sendable, Equatable {
        public var path: String
        public var values: [Double]?
        public var from: Double?
        public var to: Double?
        public var scale: String?
        public var steps: Int?

        /// The entry of `parameter`.
        public init(_ parameter: SweepParameter) {
            path = parameter.path
            switch parameter.domain {
            case .values(let values): self.values = values
            case .range(let from, let to, let steps, let scale):
                self.from = from
                self.to = to
                self.scale = scale.rawValue
                self.steps = steps
            }
        }
    }

    /// `shard`: this folder's shard (0 of 1 for a whole or merged sweep).
    public struct ShardEntry: Codable, Sendable, Equatable {
        public var index: Int
        public var count: Int
    }

    /// `design_options`, written for the saltelli and morris designs only.
    public struct Options: Codable, Sendable, Equatable {
        public var secondOrder: Bool
        public var skip: Int
        public var levels: Int
        @NullWhenAbsent public var candidates: Int?

        enum CodingKeys: String, CodingKey { case secondOrder = "second_order", skip, levels, candidates }
    }

    /// An outcome column of runs.csv: its name and kind (`number`, `flag` or `date`).
    public struct Column: Codable, Sendable, Equatable {
        public var name: String
        public var kind: String

        /// The typed column.
        public var outcomeColumn: OutcomeColumn {
            OutcomeColumn(name: name, kind: kind == "flag" ? .flag : kind == "date" ? .date : .number)
        }
    }

    public var header: ManifestHeader
    /// Time of the last write, ISO 8601 in UTC.
    public var updated: String
    public var sweep: ManifestInput
    public var scenario: ManifestInput
    /// SHA-256 of the sweep file's bytes, a zero byte, the scenario file's bytes and, for `design: file`, a
    /// zero byte and the design CSV's bytes (`" model=N"` appended and hashed again under `--model`): the sweep's identity.
    public var sweepHash: String
    @NullWhenAbsent public var variant: String?
    public var seed: UInt64
    public var replicates: Int
    /// The design's name (``DesignName``'s raw value).
    public var design: String
    public var samples: Int
    /// `outcomes` or `full`.
    public var record: String
    public var parameters: [Parameter]
    /// Every point's parameter values, in parameter order.
    public var points: [[Double]]
    public var shardEntry: ShardEntry
    /// `running`, `interrupted` or `complete`.
    public var status: String
    public var runsDone: Int
    public var runsTotal: Int
    public var runsFailed: Int
    public var designOptions: Options?
    public var outcomeColumns: [Column]
    /// The shard folders a merged manifest was made from.
    public var mergedFrom: [String]?
    /// The rule set every run used (the scenario's `model:` or `--model`); 1 when an older manifest lacks it.
    public var model: Int
    /// A paired sweep's variants (written only when there are some).
    public var variants: [String]?
    /// `design: file`'s CSV as the sweep file names it, with the SHA-256 of its bytes.
    public var designFile: ManifestInput?

    /// The shard this folder holds.
    public var shard: Shard {
        get { Shard(index: shardEntry.index, count: shardEntry.count) }
        set { shardEntry = ShardEntry(index: newValue.index, count: newValue.count) }
    }

    /// The manifest of `plan`'s sweep (shard `shard`) started at `started`, at this moment.
    public init(plan: SweepPlan, hash: String, shard: Shard, columns: [OutcomeColumn], model: Int, command: String, started: Date) {
        let spec = plan.spec
        header = ManifestHeader(command: command, started: started)
        updated = header.started
        sweep = ManifestInput(path: spec.file)
        scenario = ManifestInput(path: spec.scenarioPath)
        sweepHash = hash
        variant = spec.variant
        seed = spec.seed
        replicates = spec.replicates
        design = spec.design.rawValue
        samples = spec.samples
        record = spec.record.rawValue
        parameters = spec.parameters.map(Parameter.init)
        points = plan.points
        shardEntry = ShardEntry(index: shard.index, count: shard.count)
        status = "running"
        runsDone = 0
        runsTotal = 0
        runsFailed = 0
        // Only the sensitivity designs have options (`entente analyze` reads them); other manifests are unchanged.
        if spec.design == .saltelli || spec.design == .morris {
            let options = spec.designOptions
            designOptions = Options(secondOrder: options.secondOrder, skip: options.skip, levels: options.levels, candidates: options.candidates)
        }
        outcomeColumns = columns.map { Column(name: $0.name, kind: "\($0.kind)") }
        self.model = model
        // Only paired sweeps name their variants; other manifests are unchanged.
        variants = spec.variants.isEmpty ? nil : spec.variants
        if let design = spec.designOptions.filePath {
            designFile = ManifestInput(path: SweepDecoder.displayPath(design), sha256: ManifestInput(path: design).sha256)
        }
    }

    /// The manifest with `status` and the run counts as of now.
    public func with(status: String, done: Int, total: Int, failed: Int) -> SweepManifest {
        var copy = self
        copy.status = status
        copy.runsDone = done
        copy.runsTotal = total
        copy.runsFailed = failed
        copy.updated = ISO8601DateFormatter().string(from: Date())
        return copy
    }

    /// Identity of a sweep from its files.
    public static func hash(spec: SweepSpec) -> String {
        let sweep = FileManager.default.contents(atPath: spec.file) ?? Data()
        let scenario = FileManager.default.contents(atPath: spec.scenarioPath) ?? Data()
        var bytes = [UInt8](sweep) + [0] + [UInt8](scenario)
        // A changed design file changes the points: `--resume` and `merge` must refuse it like a changed sweep file.
        if let design = spec.designOptions.filePath {
            bytes += [0] + [UInt8](FileManager.default.contents(atPath: design) ?? Data())
        }
        return SHA256.hex(bytes)
    }

    /// Reads a folder's manifest.json; exit 65 when it is missing or not a sweep's.
    public static func read(folder: String) throws -> SweepManifest {
        guard let manifest = decoded(folder: folder) else {
            throw EntenteError.data([Diagnostic("\(folder)/manifest.json is missing or not a sweep manifest; expected a folder written by `entente sweep`", at: nil)])
        }
        return manifest
    }

    /// Writes the manifest atomically (temporary file, then rename).
    public func write(folder: String) throws {
        try AtomicFile.write(encoded(), to: folder + "/manifest.json")
    }

    /// The JSON bytes, as ``ManifestJSON/encode(_:)`` writes them, but with the points list (by far the
    /// largest part, written at the start and the end of every sweep) formatted directly rather than
    /// through `JSONEncoder`'s tree: the bytes are the same (``ManifestTests`` compares both ways).
    public func encoded() throws -> [UInt8] {
        guard !points.isEmpty else { return try ManifestJSON.encode(self) }
        var withoutPoints = self
        withoutPoints.points = []
        let bytes = try ManifestJSON.encode(withoutPoints)
        let empty = Array("\n  \"points\" : [\n\n  ]".utf8)
        guard let start = bytes.firstRange(of: empty)?.lowerBound else { return try ManifestJSON.encode(self) }
        return Array(bytes[..<start]) + Array("\n  \"points\" : ".utf8) + (try Self.pointsJSON(points)) + Array(bytes[(start + empty.count)...])
    }

    /// `points` as `JSONEncoder` writes a `[[Double]]` value of a top-level key (pretty-printed, two-space
    /// indents, shortest round-trip numbers without a trailing `.0`); throws for a non-finite value as it does.
    static func pointsJSON(_ points: [[Double]]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(points.count * (points.first?.count ?? 1) * 28 + 16)
        out += Array("[\n".utf8)
        for (index, point) in points.enumerated() {
            if index > 0 { out += Array(",\n".utf8) }
            if point.isEmpty {
                out += Array("    [\n\n    ]".utf8)
                continue
            }
            out += Array("    [\n".utf8)
            for (slot, value) in point.enumerated() {
                guard value.isFinite else {
                    throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "a point holds \(value)"))
                }
                if slot > 0 { out += Array(",\n".utf8) }
                out += Array("      ".utf8)
                var text = value.description
                if text.hasSuffix(".0") { text.removeLast(2) }
                out += Array(text.utf8)
            }
            out += Array("\n    ]".utf8)
        }
        out += Array("\n  ]".utf8)
        return out
    }

    enum CodingKeys: String, CodingKey {
        case updated, sweep, scenario, sweepHash = "sweep_sha256", variant, seed, replicates, design, samples, record
        case parameters, points, shardEntry = "shard", status, runsDone = "runs_done", runsTotal = "runs_total"
        case runsFailed = "runs_failed", designOptions = "design_options", outcomeColumns = "outcome_columns"
        case mergedFrom = "merged_from", model, variants, designFile = "design_file"
    }

    public init(from decoder: any Decoder) throws {
        header = try ManifestHeader(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        updated = try container.decodeIfPresent(String.self, forKey: .updated) ?? ""
        sweep = try container.decode(ManifestInput.self, forKey: .sweep)
        scenario = try container.decode(ManifestInput.self, forKey: .scenario)
        sweepHash = try container.decode(String.self, forKey: .sweepHash)
        _variant = try container.decode(NullWhenAbsent<String>.self, forKey: .variant)
        seed = try container.decode(UInt64.self, forKey: .seed)
        replicates = try container.decode(Int.self, forKey: .replicates)
        design = try container.decode(String.self, forKey: .design)
        samples = try container.decode(Int.self, forKey: .samples)
        record = try container.decode(String.self, forKey: .record)
        parameters = try container.decode([Parameter].self, forKey: .parameters)
        points = try container.decode([[Double]].self, forKey: .points)
        shardEntry = try container.decode(ShardEntry.self, forKey: .shardEntry)
        status = try container.decode(String.self, forKey: .status)
        runsDone = try container.decode(Int.self, forKey: .runsDone)
        runsTotal = try container.decode(Int.self, forKey: .runsTotal)
        runsFailed = try container.decode(Int.self, forKey: .runsFailed)
        designOptions = try container.decodeIfPresent(Options.self, forKey: .designOptions)
        outcomeColumns = try container.decode([Column].self, forKey: .outcomeColumns)
        mergedFrom = try container.decodeIfPresent([String].self, forKey: .mergedFrom)
        model = try container.decodeIfPresent(Int.self, forKey: .model) ?? 1
        variants = try container.decodeIfPresent([String].self, forKey: .variants)
        designFile = try container.decodeIfPresent(ManifestInput.self, forKey: .designFile)
    }

    public func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(updated, forKey: .updated)
        try container.encode(sweep, forKey: .sweep)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(sweepHash, forKey: .sweepHash)
        try container.encode(_variant, forKey: .variant)
        try container.encode(seed, forKey: .seed)
        try container.encode(replicates, forKey: .replicates)
        try container.encode(design, forKey: .design)
        try container.encode(samples, forKey: .samples)
        try container.encode(record, forKey: .record)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(points, forKey: .points)
        try container.encode(shardEntry, forKey: .shardEntry)
        try container.encode(status, forKey: .status)
        try container.encode(runsDone, forKey: .runsDone)
        try container.encode(runsTotal, forKey: .runsTotal)
        try container.encode(runsFailed, forKey: .runsFailed)
        try container.encodeIfPresent(designOptions, forKey: .designOptions)
        try container.encode(outcomeColumns, forKey: .outcomeColumns)
        try container.encodeIfPresent(mergedFrom, forKey: .mergedFrom)
        try container.encode(model, forKey: .model)
        try container.encodeIfPresent(variants, forKey: .variants)
        try container.encodeIfPresent(designFile, forKey: .designFile)
    }
}
