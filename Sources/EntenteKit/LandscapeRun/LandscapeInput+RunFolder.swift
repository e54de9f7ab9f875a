import Foundation

/// Reading the system from a run folder's recorded time series, instead of simulating again.
extension LandscapeInput {
    /// The system of `scenario` from `folder`'s `trust.csv` (and `states.csv` for capability): the rows of
    /// the step containing `date` (default: the last step recorded), averaged over every replicate in the
    /// file, or those of `replicate` alone. Every ordered pair must be recorded (`run --record trust=all`).
    public static func system(_ scenario: Scenario, runFolder folder: String, at date: CalendarDate?,
                              replicate: Int?) throws -> Described {
        let n = scenario.states.count
        var index: [Substring: Int] = [:]
        for (i, state) in scenario.states.enumerated() { index[Substring(state.id)] = i }
        let trustPath = folder + "/trust.csv"
        var step: Int? = nil
        if let date {
            guard let found = scenario.calendar.step(containing: date) else {
                throw EntenteError.usage("--at \(date) falls outside the calendar; expected a date from \(scenario.calendar.start) to \(scenario.calendar.end)")
            }
            step = found
        }
        let trustRows = try rows(trustPath, header: "replicate,step,date,from,to,trust")
        let chosen = try step ?? lastStep(trustRows, path: trustPath)
        let label = scenario.calendar.label(ofStep: chosen)
        var sum = [Double](repeating: 0, count: n * n)
        var count = [Int](repeating: 0, count: n * n)
        var replicates = Set<Int>()
        for row in trustRows {
            let fields = row.fields
            guard fields.count == 6, let r = Int(fields[0]), let s = Int(fields[1]) else {
                throw bad(trustPath, row.line, "expected 6 fields: replicate (whole number), step (whole number), date, from, to, trust")
            }
            guard s == chosen, replicate == nil || replicate == r else { continue }
            guard let from = index[fields[3]], let to = index[fields[4]], from != to else {
                throw bad(trustPath, row.line, "'\(fields[3])' → '\(fields[4])' is not a pair of two states of \(scenario.file); expected the scenario the run was made from")
            }
            guard let value = Double(fields[5]), value.isFinite else {
                throw bad(trustPath, row.line, "trust must be a number; found '\(fields[5])'")
            }
            sum[from * n + to] += value
            count[from * n + to] += 1
            replicates.insert(r)
        }
        guard !replicates.isEmpty else {
            throw EntenteError.usage("\(trustPath) has no rows at \(label)\(replicate.map { " for replicate \($0)" } ?? ""); expected a recorded step (see `every=` in the run's manifest.json)")
        }
        let pairs = (0..<n).flatMap { i in (0..<n).filter { $0 != i }.map { i * n + $0 } }
        let recorded = pairs.filter { count[$0] > 0 }.count
        guard recorded == pairs.count, pairs.allSatisfy({ count[$0] == replicates.count }) else {
            throw EntenteError.usage("\(trustPath) records trust for \(recorded) of the \(pairs.count) ordered pairs at \(label) in every replicate; the landscape needs all of them: run with --record trust=all, or use --at DATE without --run to simulate")
        }
        let trust = (0..<(n * n)).map { count[$0] == 0 ? 0 : sum[$0] / Double(count[$0]) }
        let capability = try capabilities(folder + "/states.csv", scenario: scenario, index: index, step: chosen, replicate: replicate)
        return Described(system: try LandscapeSystem(names: scenario.states.map(\.id), sizes: capability,
                                                     propensity: symmetrised(trust, n: n)),
                         source: .trust, when: label, replicates: replicates.sorted(), runFolder: folder)
    }

    /// Mean capability per state at `step` from states.csv; the initial capabilities when the file is absent.
    private static func capabilities(_ path: String, scenario: Scenario, index: [Substring: Int], step: Int,
                                     replicate: Int?) throws -> [Double] {
        guard FileManager.default.fileExists(atPath: path) else { return scenario.states.map(\.capability) }
        var sum = [Double](repeating: 0, count: scenario.states.count)
        var count = [Int](repeating: 0, count: scenario.states.count)
        for row in try rows(path, header: "replicate,step,date,state,capability,threat,need") {
            let fields = row.fields
            guard fields.count == 7, let r = Int(fields[0]), let s = Int(fields[1]) else {
                throw bad(path, row.line, "expected 7 fields: replicate, step, date, state, capability, threat, need")
            }
            guard s == step, replicate == nil || replicate == r else { continue }
            guard let i = index[fields[3]], let value = Double(fields[4]), value.isFinite else {
                throw bad(path, row.line, "expected a state of \(scenario.file) and a number for its capability")
            }
            sum[i] += value
            count[i] += 1
        }
        guard count.allSatisfy({ $0 > 0 }) else { return scenario.states.map(\.capability) }
        return (0..<sum.count).map { sum[$0] / Double(count[$0]) }
    }

    /// One data row: its 1-based line number and comma-separated fields (Entente's ids and labels need no quotes).
    struct Row {
        let line: Int
        let fields: [Substring]
    }

    /// The data rows of a tidy CSV whose first line must be `header`.
    private static func rows(_ path: String, header: String) throws -> [Row] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EntenteError.noInput("\(path) not found; expected a results folder written by `entente run`")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw FileProblem.cannot("read", path, error: error)
        }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first == Substring(header) else {
            throw bad(path, 1, "expected the header '\(header)'; found '\(lines.first ?? "")'")
        }
        return lines.dropFirst().enumerated().map { Row(line: $0.offset + 2, fields: $0.element.split(separator: ",", omittingEmptySubsequences: false)) }
    }

    /// The largest step in the rows.
    private static func lastStep(_ rows: [Row], path: String) throws -> Int {
        var last: Int?
        for row in rows {
            guard row.fields.count > 1, let step = Int(row.fields[1]) else { throw bad(path, row.line, "expected a whole-number step in the second field") }
            last = max(last ?? step, step)
        }
        guard let last else { throw EntenteError.usage("\(path) has no rows; the run recorded no trust (--record trust=none?)") }
        return last
    }

    private static func bad(_ path: String, _ line: Int, _ message: String) -> EntenteError {
        EntenteError.data([Diagnostic(message, at: SourceLocation(file: path, line: line, column: 1))])
    }
}
