import Foundation

/// The per-arm files that make `entente attribute` resumable: one file per arm (a set of removed
/// events or tags) in `<out>.arms/`, holding that arm's outcomes for every replicate, written
/// atomically when the arm finishes. A rerun with the same scenario bytes, settings, seed, replicates
/// and grouping reuses every arm whose file carries the same key, and the folder is deleted once
/// attribution.csv is committed (docs/attribution.md#resuming).
struct ArmCache {
    /// The folder.
    let folder: URL
    /// What every arm's key starts with: scenario bytes, settings, seed, replicates, grouping.
    let runKey: String

    private static let marker = ".entente-attribute"

    /// Opens (creating if needed) the cache folder beside `out`; refuses a folder Entente did not write.
    init(out: String, runKey: String) throws {
        let standardized = URL(fileURLWithPath: out).standardizedFileURL
        folder = standardized.deletingLastPathComponent().appendingPathComponent(standardized.lastPathComponent + ".arms", isDirectory: true)
        self.runKey = runKey
        let markerPath = folder.appendingPathComponent(Self.marker).path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, FileManager.default.fileExists(atPath: markerPath) else {
                throw EntenteError.cannotCreate("\(folder.path) exists and was not written by entente attribute; move it away or choose another --out")
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data().write(to: URL(fileURLWithPath: markerPath))
            } catch {
                throw EntenteError.cannotCreate("cannot create \(folder.path): \(error.localizedDescription)")
            }
        }
    }

    private func key(_ removed: [String]) -> String { SHA256.hex(Array((runKey + "\n" + removed.joined(separator: "\n")).utf8)) }

    private func path(_ removed: [String]) -> URL { folder.appendingPathComponent("arm-" + key(removed).prefix(20) + ".csv") }

    /// The stored outcomes of the arm removing `removed`, or nil when not stored (or stored for another run).
    func load(_ removed: [String], replicates: Int, columns: Int) -> [[Double]]? {
        guard let text = try? String(contentsOf: path(removed), encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring("# " + key(removed)) else { return nil }
        lines.removeFirst()
        if lines.last == "" { lines.removeLast() }
        guard lines.count == replicates else { return nil }
        var rows: [[Double]] = []
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == columns else { return nil }
            var row: [Double] = []
            for cell in cells {
                if cell.isEmpty { row.append(.nan); continue }
                guard let value = Double(cell) else { return nil }
                row.append(value)
            }
            rows.append(row)
        }
        return rows
    }

    /// Stores an arm's outcomes (temporary file, then rename: a crash leaves no half file under the name).
    func store(_ removed: [String], rows: [[Double]]) throws {
        var buffer = CSVBuffer()
        for row in rows {
            for value in row { buffer.field(value) }
            buffer.endRow()
        }
        let target = path(removed)
        let temporary = folder.appendingPathComponent("." + target.lastPathComponent + ".tmp")
        do {
            try Data(Array(("# " + key(removed) + "\n").utf8) + buffer.bytes).write(to: temporary)
            if rename(temporary.path, target.path) != 0 { throw EntenteError.cannotCreate("cannot rename \(temporary.path): \(String(cString: strerror(errno)))") }
        } catch let error as EntenteError {
            throw error
        } catch {
            throw EntenteError.cannotCreate("cannot write \(target.path): \(error.localizedDescription)")
        }
    }

    /// Deletes the folder's arm files and the folder (all written by entente attribute).
    func remove() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix("arm-") || name.hasPrefix(".arm-") || name == Self.marker {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        rmdir(folder.path)  // only when empty: files someone else put there stay
    }
}
