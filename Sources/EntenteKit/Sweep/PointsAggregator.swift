/// Builds points.csv from runs.csv files: per point and numeric outcome, n, mean, sd, 95% interval
/// and percentiles over the point's successful replicates.
///
/// Values are ordered by replicate before any sum, so the result does not depend on the order in
/// which runs finished, on `--jobs`, on resumes or on shards. Memory is bounded: the runs files are
/// read once per batch of points, holding at most about 2 million values at a time.
public struct PointsAggregator {
    /// Swept paths, in order.
    public let parameterPaths: [String]
    /// Parameter values of each point.
    public let points: [[Double]]
    /// Replicates per point.
    public let replicates: Int
    /// Outcome columns, as runs.csv holds them.
    public let columns: [OutcomeColumn]
    /// Most values held at once.
    public var valueBudget = 2_000_000

    /// Creates an aggregator.
    public init(parameterPaths: [String], points: [[Double]], replicates: Int, columns: [OutcomeColumn]) {
        self.parameterPaths = parameterPaths
        self.points = points
        self.replicates = replicates
        self.columns = columns
    }

    /// The header of points.csv.
    public var header: [String] {
        ["point"] + parameterPaths + ["outcome", "n", "mean", "sd", "ci95_low", "ci95_high", "p05", "p50", "p95"]
    }

    /// Reads `runFiles` and returns the bytes of points.csv.
    public func pointsCSV(runFiles: [String]) throws -> [UInt8] {
        let numeric = columns.enumerated().filter { $0.element.kind != .date }
        let pointCount = points.count
        let perPoint = max(1, replicates * max(1, numeric.count))
        let batchSize = max(1, valueBudget / perPoint)
        let firstOutcome = 3 + parameterPaths.count
        var output = CSVBuffer(header: header)
        var batchStart = 0
        while batchStart < pointCount {
            let batchEnd = min(pointCount, batchStart + batchSize)
            var values = [[[(Int, Double)]]](repeating: [[(Int, Double)]](repeating: [], count: numeric.count), count: batchEnd - batchStart)
            for file in runFiles {
                var reader = try CSVLineReader(path: file)
                _ = reader.next()  // header
                while let row = reader.next() {
                    guard row.count >= firstOutcome + columns.count + 2, let point = Int(row[0]), let replicate = Int(row[1]),
                          point >= batchStart, point < batchEnd, row[firstOutcome + columns.count] == "ok" else { continue }
                    for (slot, (column, _)) in numeric.enumerated() {
                        if let value = Double(row[firstOutcome + column]) {
                            values[point - batchStart][slot].append((replicate, value))
                        }
                    }
                }
            }
            for point in batchStart..<batchEnd {
                for (slot, (_, column)) in numeric.enumerated() {
                    let ordered = values[point - batchStart][slot].sorted { $0.0 < $1.0 }.map(\.1)
                    let summary = Statistics.summarize(ordered, binary: column.kind == .flag)
                    output.field(point)
                    for value in points[point] { output.field(value) }
                    output.field(column.name)
                    output.field(summary.n)
                    for value in [summary.mean, summary.sd, summary.ci95Low, summary.ci95High, summary.p05, summary.p50, summary.p95] {
                        output.field(value)
                    }
                    output.endRow()
                }
            }
            batchStart = batchEnd
        }
        return output.bytes
    }
}
