import Foundation

/// The rows of the shards' runs.csv files: checked, indexed by (point, replicate), copied in that order.
extension SweepMerger {
    /// Where one run's row is: its (point, replicate) key, its shard and its bytes there.
    struct RowRef { var key: Int; var file: Int; var offset: Int; var length: Int }

    /// Every row of the shards, checked and sorted by key, with the first shard's header bytes and the
    /// number of failed runs.
    struct Rows {
        var header: [UInt8]
        var refs: [RowRef]
        var failed: Int
    }

    /// Checks every row of `shards` (the sweep of the first's manifest) and indexes it.
    static func indexRows(of shards: [ShardFolder]) throws -> Rows {
        let design = shards[0].manifest
        let columns = design.outcomeColumns.map(\.outcomeColumn)
        var refs: [RowRef] = []
        var header: [UInt8] = []
        var failed = 0
        let expectedHeader = ["point", "replicate", "seed"] + design.parameters.map(\.path) + columns.map(\.name) + ["status", "error"]
        var validator = RunsFileValidator(points: design.points, replicates: design.replicates, seed: design.seed, columns: columns, labels: nil)
        for (fileIndex, shard) in shards.enumerated() {
            let runsPath = shard.path + "/runs.csv"
            var reader = try CSVLineReader(path: runsPath)
            guard reader.next() == expectedHeader else {
                throw EntenteError.data([Diagnostic("expected the header \(expectedHeader.joined(separator: ",")) of this sweep's runs.csv; nothing was written",
                                                    at: SourceLocation(file: runsPath, line: 1, column: 1))])
            }
            if fileIndex == 0 {
                header = Array((FileManager.default.contents(atPath: runsPath) ?? Data()).prefix(reader.consumedBytes))
            }
            do {
                try validator.read(&reader, file: runsPath) { row, start, end in
                    refs.append(RowRef(key: row.key, file: fileIndex, offset: start, length: end - start))
                    if row.failed { failed += 1 }
                }
            } catch EntenteError.data(let diagnostics) {
                throw EntenteError.data(diagnostics.map { Diagnostic($0.message + "; nothing was written", at: $0.location) })
            }
            if reader.hasCutLine {
                throw EntenteError.data([Diagnostic("the last line is cut short (no newline at its end): the shard's process was killed while writing; resume the shard with `entente sweep SWEEP --out OUT --shard \(shard.manifest.shard) --resume`; nothing was written",
                                                    at: SourceLocation(file: runsPath, line: reader.nextLine, column: 1))])
            }
        }
        refs.sort { $0.key < $1.key }
        return Rows(header: header, refs: refs, failed: failed)
    }

    /// Writes the header and the rows in key order to `runsPath`, through a temporary file renamed into place.
    static func writeRuns(_ rows: Rows, of shards: [ShardFolder], to runsPath: String) throws {
        let handles = shards.map { FileHandle(forReadingAtPath: $0.path + "/runs.csv") }
        let temporary = runsPath + ".partial-\(getpid())"
        let output = try OutputFile(path: temporary)
        do {
            var chunk = rows.header
            for ref in rows.refs {
                guard let handle = handles[ref.file] else { continue }
                try handle.seek(toOffset: UInt64(ref.offset))
                chunk += handle.readData(ofLength: ref.length)
                if chunk.count > 1 << 20 { try output.write(chunk); chunk.removeAll(keepingCapacity: true) }
            }
            try output.write(chunk)
            try output.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, runsPath) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileProblem.cannot("write", runsPath, errno: code)
        }
    }
}
