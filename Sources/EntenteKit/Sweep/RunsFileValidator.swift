import Foundation

/// Checks every row of a runs.csv read back by `sweep --resume` and `merge` before it is trusted:
/// the number of fields, the point and replicate (integers within the design), the stream seed,
/// the parameter values of the point, the status word, each outcome cell against its kind, and
/// that no run appears twice. A row that fails is reported as `file:line:column: error: …` (exit 65):
/// a runs.csv edited by hand, cut inside a row, or mixed with another sweep's is refused rather
/// than counted into points.csv.
struct RunsFileValidator {
    /// Parameter values of each point.
    let points: [[Double]]
    /// Replicates per point.
    let replicates: Int
    /// The sweep's seed, whose stream keys fill the `seed` column.
    let seed: UInt64
    /// Outcome columns, in order.
    let columns: [OutcomeColumn]
    /// Calendar labels a date cell may hold; nil to accept any `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    let labels: Set<String>?
    /// Fields of every row.
    let fieldCount: Int
    /// One bit per run: seen already.
    private var seen: [UInt64]
    /// When true, a run seen before is returned with `repeated` set instead of refused (resume keeps
    /// the first row of a run and drops the others: runs are deterministic, so copies agree).
    var acceptRepeats = false
    /// The first file read, for the duplicate message.
    private var firstFile: String?

    /// One checked row.
    struct Row {
        /// Run number: point × replicates + replicate.
        var key: Int
        /// True for status=error.
        var failed: Bool
        /// True when the run was already seen (only with ``acceptRepeats``).
        var repeated = false
    }

    init(points: [[Double]], replicates: Int, seed: UInt64, columns: [OutcomeColumn], labels: [String]?) {
        self.points = points
        self.replicates = replicates
        self.seed = seed
        self.columns = columns
        self.labels = labels.map(Set.init)
        fieldCount = 3 + (points.first?.count ?? 0) + columns.count + 2
        seen = [UInt64](repeating: 0, count: (points.count * replicates + 63) / 64)
    }

    /// Checks `row`, which starts on `line` of `file`, and remembers its run.
    mutating func check(_ row: [String], file: String, line: Int) throws -> Row {
        func fail(_ field: Int, _ message: String) -> EntenteError {
            let column = 1 + row.prefix(min(field, row.count)).reduce(0) { $0 + $1.utf8.count + 1 }
            return EntenteError.data([Diagnostic(message + "; the file was cut, edited or mixed with another sweep's — rerun the sweep with --force, or restore the file",
                                                 at: SourceLocation(file: file, line: line, column: column))])
        }
        guard row.count == fieldCount else {
            throw fail(min(row.count, fieldCount), "expected \(fieldCount) fields in a row of runs.csv; found \(row.count)")
        }
        guard let point = Int(row[0]), point >= 0, point < points.count else {
            throw fail(0, "'point' must be a whole number from 0 to \(points.count - 1); found '\(row[0])'")
        }
        guard let replicate = Int(row[1]), replicate >= 0, replicate < replicates else {
            throw fail(1, "'replicate' must be a whole number from 0 to \(replicates - 1); found '\(row[1])'")
        }
        let expectedSeed = StreamSeed.key(seed: seed, point: point, replicate: replicate)
        guard UInt64(row[2]) == expectedSeed else {
            throw fail(2, "'seed' of point \(point), replicate \(replicate) must be \(expectedSeed); found '\(row[2])'")
        }
        for (index, value) in points[point].enumerated() where Double(row[3 + index]) != value {
            throw fail(3 + index, "parameter \(index + 1) of point \(point) must be \(CSVBuffer.format(value)); found '\(row[3 + index])'")
        }
        let first = 3 + points[point].count
        let status = row[first + columns.count]
        let error = row[first + columns.count + 1]
        switch status {
        case "ok":
            guard error.isEmpty else { throw fail(first + columns.count + 1, "a run with status ok has an empty 'error'; found '\(error)'") }
            for (offset, column) in columns.enumerated() {
                let cell = row[first + offset]
                if let problem = problem(cell, kind: column.kind) {
                    throw fail(first + offset, "'\(column.name)' must be \(problem); found '\(cell)'")
                }
            }
        case "error":
            guard !error.isEmpty else { throw fail(first + columns.count + 1, "a run with status error names its error; found an empty 'error'") }
            if let offset = columns.indices.first(where: { !row[first + $0].isEmpty }) {
                throw fail(first + offset, "a failed run has empty outcome cells; found '\(row[first + offset])' in '\(columns[offset].name)'")
            }
        default:
            throw fail(first + columns.count, "'status' must be ok or error; found '\(status)'")
        }
        let key = point * replicates + replicate
        let bit = UInt64(1) << UInt64(key % 64)
        if seen[key / 64] & bit != 0 {
            if acceptRepeats { return Row(key: key, failed: status == "error", repeated: true) }
            throw fail(0, "run (point \(point), replicate \(replicate)) appears twice: it is already on an earlier line\(firstFile == file ? "" : " of this file or of an earlier shard's runs.csv")")
        }
        seen[key / 64] |= bit
        if firstFile == nil { firstFile = file }
        return Row(key: key, failed: status == "error")
    }

    /// What a cell of `kind` must look like, or nil when `cell` is fine. Empty means "no value".
    private func problem(_ cell: String, kind: OutcomeColumn.Kind) -> String? {
        if cell.isEmpty { return nil }
        switch kind {
        case .flag: return cell == "0" || cell == "1" ? nil : "0, 1 or empty"
        case .number: return Double(cell).map { $0.isFinite } == true ? nil : "a finite number or empty"
        case .date:
            if let labels { return labels.contains(cell) ? nil : "a date of the scenario's calendar or empty" }
            let parts = cell.split(separator: "-", omittingEmptySubsequences: false)
            let widths = [4, 2, 2]
            let valid = parts.count <= 3 && parts.enumerated().allSatisfy { index, part in
                part.count == widths[index] && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
            }
            return valid ? nil : "a date (YYYY, YYYY-MM or YYYY-MM-DD) or empty"
        }
    }

    /// Checks every remaining row of `reader` (opened on `file`, its header already read); `body` gets
    /// each row with its byte range in the file.
    mutating func read(_ reader: inout CSVLineReader, file: String, _ body: (Row, _ start: Int, _ end: Int) throws -> Void) throws {
        var start = reader.consumedBytes
        while let row = reader.next() {
            let end = reader.consumedBytes
            try body(try check(row, file: file, line: reader.line), start, end)
            start = end
        }
    }
}
