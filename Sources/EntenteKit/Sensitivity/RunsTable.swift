import Foundation

/// The numeric outcome values of a sweep's runs.csv, dense by (point, replicate), NaN where a run
/// failed or has no value.
struct RunsTable {
    /// Numeric outcome columns (flags and numbers), in runs.csv order.
    var outcomes: [String]
    /// values[outcome][point · replicates + replicate].
    var values: [[Double]]
    var points: Int
    var replicates: Int
    /// For an effect outcome (`VARIANT:OUTCOME:difference`, a paired sweep), the rows of its baseline and
    /// variant outcomes in `values` and whether they are flags; nil for the others.
    var pairs: [(baseline: Int, variant: Int, binary: Bool)?] = []

    static func read(path: String, manifest: SweepManifest) throws -> RunsTable {
        guard FileManager.default.fileExists(atPath: path) else { throw EntenteError.noInput("\(path) not found") }
        var reader = try CSVLineReader(path: path)
        let names = manifest.parameters.map(\.path)
        let columns = manifest.outcomeColumns
        let expected = ["point", "replicate", "seed"] + names + columns.map(\.name) + ["status", "error"]
        guard reader.next() == expected else {
            throw EntenteError.data([Diagnostic("expected the header \(expected.joined(separator: ",")) of this sweep's runs.csv",
                                                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        let numeric = columns.enumerated().filter { $0.element.kind != "date" }
        let points = manifest.points.count, replicates = manifest.replicates
        var table = RunsTable(outcomes: numeric.map(\.element.name),
                              values: Array(repeating: Array(repeating: .nan, count: points * replicates), count: numeric.count),
                              points: points, replicates: replicates)
        let first = 3 + names.count
        var starts: [Int] = []
        while let row = reader.nextRowBytes() {
            // A row without quotes (every successful run) is parsed in place; a quoted one (a failed run's
            // message) field by field.
            let fields = CSVLineReader.fieldStarts(row, into: &starts) ? nil : CSVLineReader.fields(of: row)
            let count = fields?.count ?? starts.count - 1
            let point = fields.map { Int($0[0]) } ?? CSVLineReader.integer(row, starts, 0)
            let replicate = fields.map { Int($0[1]) } ?? CSVLineReader.integer(row, starts, 1)
            guard count == expected.count, let point, let replicate, (0..<points).contains(point), (0..<replicates).contains(replicate) else {
                throw EntenteError.data([Diagnostic("expected a run of this sweep (point, replicate, …, \(expected.count) fields)",
                                                    at: SourceLocation(file: path, line: reader.line, column: 1))])
            }
            guard fields.map({ $0[count - 2] == "ok" }) ?? CSVLineReader.field(row, starts, count - 2, equals: "ok") else { continue }
            for (slot, column) in numeric.enumerated() {
                let index = first + column.offset
                table.values[slot][point * replicates + replicate] =
                    fields.map { Double($0[index]) ?? .nan } ?? CSVLineReader.number(row, starts, index)
            }
        }
        table.pairs = Array(repeating: nil, count: numeric.count)
        table.addEffects(variants: manifest.variants ?? [], binary: numeric.map { $0.element.kind == "flag" })
        return table
    }

    /// Mean over successful replicates at each point (NaN where none).
    func pointMeans(outcome: Int) -> [Double] {
        (0..<points).map { point in
            var sum = 0.0, n = 0
            for replicate in 0..<replicates {
                let value = values[outcome][point * replicates + replicate]
                if !value.isNaN { sum += value; n += 1 }
            }
            return n > 0 ? sum / Double(n) : .nan
        }
    }

    /// Replicate noise: `single` = mean within-point variance (divisor n − 1) ÷ variance of the
    /// first successful replicate's value across points (divisor P − 1), the share of one run's
    /// variance that is noise; `ofMeans` = mean within-point variance ÷ n̄ ÷ variance of the point
    /// means, the share of the analysed outputs' variance that is noise. NaN when undefined.
    func noiseShares(outcome: Int) -> (single: Double, ofMeans: Double) {
        var within = 0.0, withinPoints = 0, replicateSum = 0
        var singles: [Double] = [], means: [Double] = []
        for point in 0..<points {
            let present = (0..<replicates).map { values[outcome][point * replicates + $0] }.filter { !$0.isNaN }
            guard let first = present.first else { continue }
            singles.append(first)
            let mean = present.reduce(0, +) / Double(present.count)
            means.append(mean)
            replicateSum += present.count
            if present.count > 1 {
                within += present.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(present.count - 1)
                withinPoints += 1
            }
        }
        func variance(_ x: [Double]) -> Double {
            guard x.count > 1 else { return .nan }
            let m = x.reduce(0, +) / Double(x.count)
            return x.reduce(0.0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
        }
        guard withinPoints > 0 else { return (.nan, .nan) }
        let noise = within / Double(withinPoints)
        let perMean = noise / (Double(replicateSum) / Double(means.count))
        let single = variance(singles), ofMeans = variance(means)
        return (single > 0 ? noise / single : .nan, ofMeans > 0 ? perMean / ofMeans : .nan)
    }
}
