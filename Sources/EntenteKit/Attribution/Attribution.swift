import Foundation

/// `entente attribute`: which events (or tags) carry the outcomes. The baseline and one arm per event
/// or tag with it removed, every arm on the same random stream keys as the baseline (common random
/// numbers, as `compare` pairs variants), give the paired effect of removing each; with `shapley`,
/// every coalition of removals gives Shapley values that add up to the effect of removing them all
/// (docs/attribution.md).
public struct Attribution {
    /// Players: events by id, or tags.
    public enum Grouping: String, Sendable { case event, tag }

    /// What to attribute.
    public struct Request: Sendable {
        /// Scenario file.
        public var path: String
        /// Events or tags.
        public var by: Grouping = .event
        /// Also compute Shapley values.
        public var shapley = false
        /// Permutations sampled for Shapley values when there are more than ``Attribution/exactLimit`` players.
        public var permutations = 200
        /// Replicates, overriding the file's.
        public var replicates: Int?
        /// Seed, overriding the file's.
        public var seed: UInt64?
        /// `--set` overrides applied to every arm.
        public var settings: [String] = []
        /// Output folder; default `Results/<stem>/attribute/`.
        public var out: String?
        /// Replace an existing folder.
        public var force = false
        /// Worker threads (replicates of one arm run in parallel).
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// Command line for the manifest.
        public var commandLine = ""

        /// A request for `path`.
        public init(path: String) { self.path = path }
    }

    /// Most players for exact Shapley values (2^12 = 4096 arms); beyond, permutation sampling.
    public static let exactLimit = 12

    /// attribution.csv columns.
    public static let columns = ["by", "removed", "outcome", "n", "baseline_mean", "removed_mean", "effect", "ci95_low", "ci95_high"]
    /// shapley.csv columns.
    public static let shapleyColumns = ["by", "player", "outcome", "n", "shapley", "ci95_low", "ci95_high", "method"]

    /// One row of attribution.csv or shapley.csv.
    public struct Row: Sendable {
        public var player: String
        public var outcome: String
        public var n: Int
        public var baselineMean: Double
        public var removedMean: Double
        public var effect: Double
        public var ci95Low: Double
        public var ci95High: Double
    }

    /// What `attribute` reports.
    public struct Result {
        public var folder: String
        /// The players (event ids or tags) in declaration order.
        public var players: [String]
        /// attribution.csv rows in file order.
        public var effects: [Row]
        /// shapley.csv rows in file order (empty without `shapley`); the row named `all` is the full effect.
        public var shapley: [Row]
        /// Arms run / reused from an earlier interrupted run.
        public var armsRun: Int, armsReused: Int
        /// `exact` or `permutation`.
        public var method: String
    }

    /// Runs every arm and writes attribution.csv (and shapley.csv) to the output folder.
    public static func execute(_ request: Request, progress: (Int, Int) -> Void = { _, _ in }) throws -> Result {
        let started = Date()
        let root = try YAMLDocumentReader(limits: .standard).read(path: request.path)
        let base = try ScenarioLoader().load(root: root, file: request.path, settings: request.settings)
        let players = Self.players(of: base, by: request.by)
        guard !players.isEmpty else {
            throw EntenteError.usage(request.by == .event
                ? "\(request.path) has no events with an id to remove; give events an `id:` (docs/scenario-format.md)"
                : "\(request.path) has no event tags; give events `tags: [...]` or use --by event (docs/scenario-format.md)")
        }
        guard players.count <= 62 else { throw EntenteError.usage("attribute takes at most 62 \(request.by.rawValue)s; \(request.path) has \(players.count)") }
        let replicates = request.replicates ?? base.replicates
        let seed = request.seed ?? base.seed
        let stem = URL(fileURLWithPath: request.path).deletingPathExtension().lastPathComponent
        let out = request.out ?? "Results/\(stem)/attribute"
        let folder = try ResultsFolder(path: out, force: request.force, inputs: [request.path])
        let columns = Engine(scenario: base).outcomeColumns
        let k = players.count
        let exact = k <= exactLimit
        // The arms: every coalition for exact Shapley values, the sampled orders' prefixes beyond, else ∅ and each single removal.
        var permutations: [[Int]] = []
        var masks: [Int]
        if request.shapley && exact {
            masks = Array(0..<(1 << k))
        } else {
            var set: Set<Int> = Set((0..<k).map { 1 << $0 }).union([0])
            if request.shapley {
                permutations = ShapleyValues.permutations(players: k, count: request.permutations, seed: seed)
                set.formUnion(ShapleyValues.coalitions(of: permutations))
            }
            masks = set.sorted()
        }
        let fileBytes = (try? Data(contentsOf: URL(fileURLWithPath: request.path))) ?? Data()
        let runKey = [SHA256.hex([UInt8](fileBytes)), request.settings.joined(separator: "\u{1F}"), "\(seed)", "\(replicates)",
                      request.by.rawValue, EntenteVersion.current].joined(separator: "\n")
        let cache: ArmCache
        do { cache = try ArmCache(out: out, runKey: runKey) } catch { folder.discard(); throw error }
        var values: [Int: [[Double]]] = [:]
        var run = 0, reused = 0
        do {
            for (done, mask) in masks.enumerated() {
                let removed = (0..<k).filter { mask & (1 << $0) != 0 }.map { players[$0] }
                if let stored = cache.load(removed, replicates: replicates, columns: columns.count) {
                    values[mask] = stored
                    reused += 1
                } else {
                    let scenario = try arm(root: root, file: request.path, settings: request.settings, removing: removed, by: request.by)
                    let engine = Engine(scenario: scenario)
                    let runs = ParallelMap.run(count: replicates, jobs: request.jobs) { replicate -> RunResult in
                        return engine.runOutcomes(replicate: replicate, seed: seed)
                    }
                    if let failed = runs.firstIndex(where: { $0.error != nil }) {
                        throw EntenteError.software("removing \(removed.isEmpty ? "nothing" : removed.joined(separator: ", ")): replicate \(failed) failed: \(runs[failed].error!)")
                    }
                    let rows = runs.map(\.outcomes)
                    try cache.store(removed, rows: rows)
                    values[mask] = rows
                    run += 1
                }
                progress(done + 1, masks.count)
            }
        } catch {
            folder.discard()
            throw error
        }
        let effects = leaveOneOut(players: players, columns: columns, values: values)
        var shapley: [Row] = []
        if request.shapley {
            shapley = shapleyRows(players: players, columns: columns, replicates: replicates, values: values,
                                  permutations: exact ? nil : permutations)
        }
        do {
            var table = CSVBuffer(header: Self.columns)
            for row in effects {
                table.field(request.by.rawValue); table.field(row.player); table.field(row.outcome); table.field(row.n)
                table.field(row.baselineMean); table.field(row.removedMean); table.field(row.effect)
                table.field(row.ci95Low); table.field(row.ci95High)
                table.endRow()
            }
            try folder.write("attribution.csv", bytes: table.bytes)
            if request.shapley {
                var values = CSVBuffer(header: Self.shapleyColumns)
                for row in shapley {
                    values.field(request.by.rawValue); values.field(row.player); values.field(row.outcome); values.field(row.n)
                    values.field(row.effect); values.field(row.ci95Low); values.field(row.ci95High)
                    values.field(row.player == "all" ? "total" : (exact ? "exact" : "permutation"))
                    values.endRow()
                }
                try folder.write("shapley.csv", bytes: values.bytes)
            }
            let run = ScenarioRunManifest(command: request.commandLine, scenario: base, scenarioPath: request.path, variant: nil,
                                          settings: request.settings, seed: seed, replicates: replicates, started: started)
            let settings = AttributeManifest.Settings(by: request.by.rawValue, players: players, arms: masks.count,
                                                      shapley: request.shapley ? (exact ? "exact" : "permutation") : "none",
                                                      permutations: exact || !request.shapley ? 0 : request.permutations)
            let manifest = AttributeManifest(run: run, attribute: settings)
            try folder.write("manifest.json", bytes: manifest.encoded())
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
        cache.remove()
        return Result(folder: out, players: players, effects: effects, shapley: shapley, armsRun: run, armsReused: reused,
                      method: request.shapley ? (exact ? "exact" : "permutation") : "none")
    }

    /// Event ids (events without one cannot be named and are left in every arm) or distinct tags, in declaration order.
    public static func players(of scenario: Scenario, by: Grouping) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for event in scenario.events {
            let names = by == .event ? (event.id.map { [$0] } ?? []) : event.tags
            for name in names where seen.insert(name).inserted { result.append(name) }
        }
        return result
    }

    /// The scenario with `removed` events or tags taken out (as a variant's `remove:` does), then the settings.
    static func arm(root: YAMLNode, file: String, settings: [String], removing removed: [String], by: Grouping) throws -> Scenario {
        var editor = ScenarioEditor(root: root)
        editor.dropVariants()
        editor.removeEvents(ids: by == .event ? Set(removed) : [], tags: by == .tag ? Set(removed) : [])
        try ScenarioLoader.apply(settings, to: &editor)
        do {
            return try ScenarioDecoder(overrideLocations: editor.overrideLocations).decode(editor.root, file: file)
        } catch EntenteError.data(let diagnostics) {
            throw EntenteError.data(diagnostics.map { diagnostic in
                var copy = diagnostic
                copy.message = "with \(removed.joined(separator: ", ")) removed: " + diagnostic.message
                return copy
            })
        }
    }

    /// Paired effect of removing each player alone, per outcome (declared order), largest |effect| first.
    static func leaveOneOut(players: [String], columns: [OutcomeColumn], values: [Int: [[Double]]]) -> [Row] {
        var rows: [Row] = []
        let baseline = values[0]!
        for (index, column) in columns.enumerated() where column.kind != .date {
            var block: [Row] = []
            for (p, player) in players.enumerated() {
                let arm = values[1 << p]!
                let effect = Comparison.effect(variant: player, outcome: column.name, baseline: baseline.map { $0[index] },
                                               values: arm.map { $0[index] }, binary: column.kind == .flag)
                block.append(Row(player: player, outcome: column.name, n: effect.n, baselineMean: effect.baselineMean,
                                 removedMean: effect.variantMean, effect: effect.difference,
                                 ci95Low: effect.ci95Low, ci95High: effect.ci95High))
            }
            block.sort { abs($0.effect) != abs($1.effect) ? abs($0.effect) > abs($1.effect) : $0.player < $1.player }
            rows += block
        }
        return rows
    }

    /// Shapley values per outcome, per replicate then averaged with a t interval across replicates, and
    /// the row `all`: the effect of removing every player, which the values add up to.
    static func shapleyRows(players: [String], columns: [OutcomeColumn], replicates: Int, values: [Int: [[Double]]],
                            permutations: [[Int]]?) -> [Row] {
        let k = players.count
        let full = (1 << k) - 1
        let needed = permutations.map { ShapleyValues.coalitions(of: $0) } ?? Set(0...full)
        var rows: [Row] = []
        for (index, column) in columns.enumerated() where column.kind != .date {
            var perPlayer = [[Double]](repeating: [], count: k)
            var totals: [Double] = []
            for replicate in 0..<replicates {
                let base = values[0]![replicate][index]
                let value = { (mask: Int) -> Double in values[mask]![replicate][index] - base }
                // A replicate whose outcome is missing in any arm it needs is left out (as compare leaves out unpaired ones).
                if base.isNaN || needed.contains(where: { values[$0]![replicate][index].isNaN }) { continue }
                let phi = permutations.map { ShapleyValues.sampled(players: k, permutations: $0, value: value) }
                    ?? ShapleyValues.exact(players: k, value: value)
                for p in 0..<k { perPlayer[p].append(phi[p]) }
                totals.append(value(full))
            }
            var block: [Row] = []
            for (p, player) in players.enumerated() { block.append(summaryRow(player, column.name, perPlayer[p])) }
            block.sort { abs($0.effect) != abs($1.effect) ? abs($0.effect) > abs($1.effect) : $0.player < $1.player }
            rows += block
            rows.append(summaryRow("all", column.name, totals))
        }
        return rows
    }

    private static func summaryRow(_ player: String, _ outcome: String, _ values: [Double]) -> Row {
        let summary = Statistics.summarize(values, binary: false)
        var interval = (summary.ci95Low, summary.ci95High)
        if summary.n > 1 && summary.sd == 0 { interval = (summary.mean, summary.mean) }
        return Row(player: player, outcome: outcome, n: summary.n, baselineMean: .nan, removedMean: .nan,
                   effect: summary.mean, ci95Low: interval.0, ci95High: interval.1)
    }
}
