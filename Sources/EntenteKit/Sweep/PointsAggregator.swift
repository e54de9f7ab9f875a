/// Builds points.csv from runs.csv files: per point and numeric outcome, n, mean, sd, 95% interval
/// and percentiles over the point's successful replicates.
///
/// Values are ordered by replicate before any sum, so the result does not depend on the order in
/// which runs finished, on `--jobs`, on resumes or on shards. Memory is bounded: the runs files are
/// read once per batch of points (and of outcome columns), holding at most about 2 million values at a time.
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
    /// The variants of a paired sweep: `columns` then holds the baseline's columns followed by each
    /// variant's (`VARIANT:OUTCOME`); rows are the baseline's, each with per variant its mean and the
    /// mean paired difference with its 95 % interval (``Comparison/effect(variant:outcome:baseline:values:binary:)``).
    public var variants: [String] = []

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
            + variants.flatMap { ["\($0):mean", "\($0):difference", "\($0):difference_ci95_low", "\($0):difference_ci95_high"] }
    }

    /// Reads `runFiles` and returns the bytes of points.csv.
    ///
    /// Values are held in dense arrays indexed by replicate (NaN where a run failed or has no value),
    /// for a batch of points and outcome columns at a time, so memory stays under `valueBudget` doubles
    /// however many runs there are; a large batch count only means more passes over the files.
    public func pointsCSV(runFiles: [String]) throws -> [UInt8] {
        let numeric = columns.enumerated().filter { $0.element.kind != .date }
        let pointCount = points.count
        let perPoint = max(1, replicates * max(1, numeric.count))
        let pointsPerBatch = max(1, valueBudget / perPoint)
        // A paired sweep reads every column of a point at once: a difference needs both arms' values.
        let columnsPerBatch = perPoint <= valueBudget || !variants.isEmpty ? max(1, numeric.count) : max(1, valueBudget / max(1, replicates))
        let baselineCount = numeric.count / (variants.count + 1)
        let firstOutcome = 3 + parameterPaths.count
        // summaries[point - batchStart][slot], filled column batch by column batch
        var output = CSVBuffer(header: header)
        var batchStart = 0
        while batchStart < pointCount {
            let batchEnd = min(pointCount, batchStart + pointsPerBatch)
            var summaries = [[Summary?]](repeating: [Summary?](repeating: nil, count: numeric.count), count: batchEnd - batchStart)
            var effects = [[Comparison.Effect?]](repeating: [Comparison.Effect?](repeating: nil, count: baselineCount * variants.count),
                                                 count: variants.isEmpty ? 0 : batchEnd - batchStart)
            var columnStart = 0
            while columnStart < numeric.count {
                let columnEnd = min(numeric.count, columnStart + columnsPerBatch)
                var values = [[Double]](repeating: [], count: (batchEnd - batchStart) * (columnEnd - columnStart))
                for index in values.indices { values[index] = [Double](repeating: .nan, count: replicates) }
                for file in runFiles {
                    var reader = try CSVLineReader(path: file)
                    _ = reader.next()  // header
                    while let row = reader.next() {
                        guard row.count >= firstOutcome + columns.count + 2, let point = Int(row[0]), let replicate = Int(row[1]),
                              point >= batchStart, point < batchEnd, replicate >= 0, replicate < replicates,
                              row[firstOutcome + columns.count] == "ok" else { continue }
                        for slot in columnStart..<columnEnd {
                            if let value = Double(row[firstOutcome + numeric[slot].offset]) {
                                values[(point - batchStart) * (columnEnd - columnStart) + slot - columnStart][replicate] = value
                            }
                        }
                    }
                }
                if !variants.isEmpty {
                    for point in batchStart..<batchEnd {
                        let row = (point - batchStart) * numeric.count
                        for slot in 0..<baselineCount {
                            let column = numeric[slot].element
                            for variant in variants.indices {
                                effects[point - batchStart][slot * variants.count + variant] = Comparison.effect(
                                    variant: variants[variant], outcome: column.name, baseline: values[row + slot],
                                    values: values[row + (variant + 1) * baselineCount + slot], binary: column.kind == .flag)
                            }
                        }
                    }
                }
                for point in batchStart..<batchEnd {
                    for slot in columnStart..<columnEnd {
                        let index = (point - batchStart) * (columnEnd - columnStart) + slot - columnStart
                        summaries[point - batchStart][slot] = Statistics.summarize(values[index], binary: numeric[slot].element.kind == .flag)
                        values[index] = []
                    }
                }
                columnStart = columnEnd
            }
            for point in batchStart..<batchEnd {
                for (slot, (_, column)) in numeric.enumerated() where slot < baselineCount {
                    guard let summary = summaries[point - batchStart][slot] else { continue }
                    output.field(point)
                    for value in points[point] { output.field(value) }
                    output.field(column.name)
                    output.field(summary.n)
                    for value in [summary.mean, summary.sd, summary.ci95Low, summary.ci95High, summary.p05, summary.p50, summary.p95] {
                        output.field(value)
                    }
                    for variant in variants.indices {
                        guard let effect = effects[point - batchStart][slot * variants.count + variant] else { continue }
                        for value in [effect.variantMean, effect.difference, effect.ci95Low, effect.ci95High] { output.field(value) }
                    }
                    output.endRow()
                }
            }
            batchStart = batchEnd
        }
        return output.bytes
    }
}
