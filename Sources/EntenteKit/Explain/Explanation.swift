import Foundation

/// `entente explain RUN_DIR --state S --bloc B`: the affinity of S for B taken apart into the terms of
/// its target over time, for the median replicate and on average over replicates, with the events at
/// which each term jumped (docs/outputs.md#explain). Reads drivers.csv and events.csv of a run.
public struct Explanation: Sendable {
    /// One recorded step of the decomposition.
    public struct Point: Sendable, Equatable {
        public var step: Int
        public var date: String
        public var status: String
        public var affinity: Double
        public var target: Double
        public var trust: Double
        public var security: Double
        public var clamp: Double
        /// Model 2's grievance term (0 under model 1).
        public var grievance: Double = 0
        /// Model 2's hierarchy term (0 under model 1).
        public var hierarchy: Double = 0
    }

    /// A jump of one term between two consecutive recorded steps of the median replicate, with the
    /// events of that replicate in the steps it spans.
    public struct Jump: Sendable, Equatable {
        public var term: String
        public var step: Int
        public var date: String
        public var change: Double
        public var events: [String]
    }

    /// The replicate whose affinity trajectory is closest (least sum of squares) to the across-replicate
    /// median at every recorded step; the lowest number on a tie.
    public var medianReplicate: Int
    /// Replicates in drivers.csv.
    public var replicates: Int
    /// The median replicate's decomposition, every recorded step.
    public var median: [Point]
    /// Means over replicates at every recorded step (status: the most common one).
    public var mean: [Point]
    /// The median replicate's largest jumps of the trust and security terms (at most `jumps` per term),
    /// in time order; under model 2 also of the grievance and hierarchy terms.
    public var jumps: [Jump]
    /// Whether drivers.csv is model 2's (its target has grievance and hierarchy terms).
    public var modelTwo = false

    /// Explains `state`'s affinity for `bloc` from the run folder `folder`.
    public static func load(folder: String, state: String, bloc: String, jumps jumpCount: Int = 5) throws -> Explanation {
        let driversPath = (folder as NSString).appendingPathComponent("drivers.csv")
        guard FileManager.default.fileExists(atPath: driversPath) else {
            if FileManager.default.fileExists(atPath: driversPath + ".gz") {
                throw EntenteError.noInput("\(folder) has drivers.csv.gz (written with --compress) and explain reads drivers.csv; decompress it first with `gunzip -k \(driversPath).gz` (docs/outputs.md#compress)")
            }
            throw EntenteError.noInput("\(folder) has no drivers.csv; run the scenario again with `entente run FILE --record drivers` (docs/outputs.md#driverscsv)")
        }
        var reader = try CSVLineReader(path: driversPath)
        guard let header = reader.next(), header == SeriesRecorder.driversHeader || header == SeriesRecorder.driversModelTwoHeader else {
            throw EntenteError.data([Diagnostic("expected the drivers.csv header of model 1 (\(SeriesRecorder.driversHeader.joined(separator: ","))) or of model 2 (the same, then \(SeriesRecorder.driversModelTwoColumns.joined(separator: ",")))", at: SourceLocation(file: driversPath, line: 1, column: 1))])
        }
        let modelTwo = header == SeriesRecorder.driversModelTwoHeader
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var series: [Int: [Point]] = [:]
        var states = Set<String>(), blocs = Set<String>()
        while let row = reader.next() {
            guard row.count == header.count else {
                throw EntenteError.data([Diagnostic("expected \(header.count) fields; found \(row.count)", at: SourceLocation(file: driversPath, line: reader.line, column: 1))])
            }
            states.insert(row[column["state"]!]); blocs.insert(row[column["bloc"]!])
            guard row[column["state"]!] == state, row[column["bloc"]!] == bloc else { continue }
            let number = { (name: String) -> Double in Double(row[column[name]!]) ?? .nan }
            guard let replicate = Int(row[0]), let step = Int(row[1]) else {
                throw EntenteError.data([Diagnostic("expected a replicate and a step number; found '\(row[0])', '\(row[1])'", at: SourceLocation(file: driversPath, line: reader.line, column: 1))])
            }
            series[replicate, default: []].append(Point(step: step, date: row[2], status: row[column["status"]!],
                                                        affinity: number("affinity"), target: number("target"),
                                                        trust: number("trust_term"), security: number("security_term"),
                                                        clamp: number("clamp"),
                                                        grievance: modelTwo ? number("grievance_term") : 0,
                                                        hierarchy: modelTwo ? number("hierarchy_term") : 0))
        }
        guard states.contains(state) else {
            throw EntenteError.usage("--state \(state): not in \(driversPath)\(DidYouMean.hint(for: state, among: states.sorted())); its states: \(states.sorted().joined(separator: ", "))")
        }
        guard blocs.contains(bloc) else {
            throw EntenteError.usage("--bloc \(bloc): not in \(driversPath)\(DidYouMean.hint(for: bloc, among: blocs.sorted())); its blocs: \(blocs.sorted().joined(separator: ", "))")
        }
        let replicates = series.keys.sorted()
        let length = series[replicates[0]]!.count
        guard replicates.allSatisfy({ series[$0]!.count == length }) else {
            throw EntenteError.data([Diagnostic("\(driversPath): replicates have different numbers of recorded steps", at: nil)])
        }
        // The pointwise median affinity, then the replicate nearest to it.
        var medianPath: [Double] = []
        for index in 0..<length {
            let values = replicates.map { series[$0]![index].affinity }.sorted()
            let middle = values.count / 2
            medianPath.append(values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2)
        }
        var best = replicates[0]
        var bestDistance = Double.infinity
        for replicate in replicates {
            var distance = 0.0
            for (index, point) in series[replicate]!.enumerated() { distance += (point.affinity - medianPath[index]) * (point.affinity - medianPath[index]) }
            if distance < bestDistance { best = replicate; bestDistance = distance }
        }
        let median = series[best]!
        var mean: [Point] = []
        for index in 0..<length {
            let points = replicates.map { series[$0]![index] }
            let count = Double(points.count)
            var statuses: [String: Int] = [:]
            for point in points { statuses[point.status, default: 0] += 1 }
            let status = statuses.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }[0].key
            mean.append(Point(step: points[0].step, date: points[0].date, status: status,
                              affinity: points.map(\.affinity).reduce(0, +) / count, target: points.map(\.target).reduce(0, +) / count,
                              trust: points.map(\.trust).reduce(0, +) / count, security: points.map(\.security).reduce(0, +) / count,
                              clamp: points.map(\.clamp).reduce(0, +) / count,
                              grievance: points.map(\.grievance).reduce(0, +) / count,
                              hierarchy: points.map(\.hierarchy).reduce(0, +) / count))
        }
        let events = try eventsByStep(folder: folder, replicate: best)
        var found: [Jump] = []
        var terms: [(String, KeyPath<Point, Double>)] = [("trust", \Point.trust), ("security", \Point.security)]
        if modelTwo { terms += [("grievance", \Point.grievance), ("hierarchy", \Point.hierarchy)] }
        for (term, value) in terms {
            var candidates: [Jump] = []
            for index in 1..<max(1, length) {
                let change = median[index][keyPath: value] - median[index - 1][keyPath: value]
                guard change != 0 else { continue }
                // Events of the steps after the previous recorded step up to this one: they act before perception.
                let spanned = (median[index - 1].step + 1)...median[index].step
                let names = Self.grouped(spanned.flatMap { events[$0] ?? [] })
                candidates.append(Jump(term: term, step: median[index].step, date: median[index].date, change: change, events: names))
            }
            candidates.sort { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.step < $1.step }
            found += candidates.prefix(jumpCount)
        }
        found.sort { $0.step != $1.step ? $0.step < $1.step : $0.term > $1.term }
        return Explanation(medianReplicate: best, replicates: replicates.count, median: median, mean: mean, jumps: found, modelTwo: modelTwo)
    }

    /// Consecutive rows of one event folded into one entry: `war-2020 (attack AZE→ARM; +5 rows)`.
    static func grouped(_ rows: [(id: String, label: String)]) -> [String] {
        var result: [(id: String, label: String, extra: Int)] = []
        for row in rows {
            if let last = result.last, last.id == row.id { result[result.count - 1].extra += 1 } else { result.append((row.id, row.label, 0)) }
        }
        return result.map { $0.extra == 0 ? $0.label : "\($0.label) +\($0.extra) more rows" }
    }

    /// Scripted events of one replicate by step, as `id (type actor→target)`; missing events.csv gives none.
    static func eventsByStep(folder: String, replicate: Int) throws -> [Int: [(id: String, label: String)]] {
        let path = (folder as NSString).appendingPathComponent("events.csv")
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        var reader = try CSVLineReader(path: path)
        _ = reader.next()
        var result: [Int: [(id: String, label: String)]] = [:]
        let wanted = String(replicate)
        while let row = reader.next() {
            guard row.count >= 7, row[0] == wanted, let step = Int(row[1]) else { continue }
            let id = row[3].isEmpty ? row[4] : row[3]
            let label = row[5].isEmpty && row[6].isEmpty ? id : "\(id) (\(row[4]) \(row[5])→\(row[6]))"
            result[step, default: []].append((id, label))
        }
        return result
    }
}
