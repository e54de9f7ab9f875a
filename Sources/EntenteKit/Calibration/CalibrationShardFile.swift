import EntenteCore
import Foundation

/// The file one `entente calibrate --shard K/N` process writes for its part of a generation:
/// `OUT-shards/generation-T/shard-K-of-N.csv` (one row per particle slot,
/// `particle,attempts,evaluated,share,<parameter>…,distance_1,…,distance_k`, empty cells for a slot
/// that ran out of attempts, numbers in shortest round-trip form) and beside it `shard-K-of-N.json`
/// (``CalibrationShardManifest``: the calibration's fingerprint, the generation and the shard's
/// seconds), which the merge checks.
public enum CalibrationShardFile {
    /// The folder of generation `generation`'s shard files for results folder `out`.
    public static func folder(out: String, generation: Int) -> String {
        (out.hasSuffix("/") ? String(out.dropLast()) : out) + "-shards/generation-\(generation)"
    }

    /// The CSV path of shard `shard`.
    public static func path(out: String, generation: Int, shard: Shard) -> String {
        folder(out: out, generation: generation) + "/\(shard.folderName).csv"
    }

    /// Writes the slots and the sidecar, each atomically (a file that exists is complete).
    public static func write(_ slots: [ParticleSlot], parameterNames: [String], replicates: Int, out: String, generation: Int,
                             shard: Shard, fingerprint: String, seconds: Double) throws {
        let path = path(out: out, generation: generation, shard: shard)
        do {
            try FileManager.default.createDirectory(atPath: folder(out: out, generation: generation), withIntermediateDirectories: true)
        } catch {
            throw EntenteError.cannotCreate("\(folder(out: out, generation: generation)): cannot create the shard folder (\(error.localizedDescription))")
        }
        var buffer = CSVBuffer(header: ["particle", "attempts", "evaluated", "share"] + parameterNames
                                   + (1...max(1, replicates)).map { "distance_\($0)" })
        for slot in slots {
            buffer.field(slot.particle)
            buffer.field(slot.attempts)
            buffer.field(slot.evaluated)
            buffer.field(slot.share)
            for value in slot.theta { buffer.field(value) }
            for distance in slot.distances { buffer.field(distance) }
            buffer.endRow()
        }
        let sidecar = CalibrationShardManifest(fingerprint: fingerprint, generation: generation, shard: shard, seconds: seconds)
        do {
            try Data(buffer.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            try Data(sidecar.encoded()).write(to: URL(fileURLWithPath: String(path.dropLast(4)) + ".json"), options: .atomic)
        } catch {
            throw EntenteError.cannotCreate("\(path): cannot write the shard's results (\(error.localizedDescription))")
        }
    }

    /// Reads shard `shard` of generation `generation`, checking that it belongs to this calibration;
    /// returns its slots and seconds. A missing file exits 66, a foreign or damaged one 65.
    public static func read(out: String, generation: Int, shard: Shard, fingerprint: String,
                            parameterCount: Int, replicates: Int) throws -> (slots: [ParticleSlot], seconds: Double) {
        let path = path(out: out, generation: generation, shard: shard)
        let sidecarPath = String(path.dropLast(4)) + ".json"
        guard FileManager.default.fileExists(atPath: path), let data = FileManager.default.contents(atPath: sidecarPath) else {
            throw EntenteError.noInput("\(path): shard \(shard) of generation \(generation) has not been written; run `entente calibrate … --shard \(shard)` first (docs/cluster.md#calibration-on-a-cluster)")
        }
        guard let sidecar = try? JSONDecoder().decode(CalibrationShardManifest.self, from: data),
              sidecar.tool == "entente", sidecar.fingerprint == fingerprint, sidecar.generation == generation else {
            throw EntenteError.data([Diagnostic("this shard was written by a different calibration or for another generation; rerun the shard",
                                                at: SourceLocation(file: sidecarPath, line: 1, column: 1))])
        }
        var reader = try CSVLineReader(path: path)
        let width = 4 + parameterCount + replicates
        guard let header = reader.next(), header.count == width else {
            throw EntenteError.data([Diagnostic("expected a header of \(width) columns (particle,attempts,evaluated,share,<parameter>…,distance_1…distance_\(replicates)); rerun the shard",
                                                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        var slots: [ParticleSlot] = []
        while let row = reader.next() {
            func number(_ field: Int) -> Double? { row[field].isEmpty ? .nan : Double(row[field]) }
            guard row.count == width, let particle = Int(row[0]), let attempts = Int(row[1]), let evaluated = Int(row[2]),
                  let share = Double(row[3]) else {
                throw EntenteError.data([Diagnostic("expected \(width) fields: particle, attempts, evaluated, share, the parameters and \(replicates) distances; the shard file was cut or edited — rerun the shard",
                                                    at: SourceLocation(file: path, line: reader.line, column: 1))])
            }
            let numbers = (4..<width).map(number)
            guard numbers.allSatisfy({ $0 != nil }) else {
                throw EntenteError.data([Diagnostic("expected numbers; the shard file was cut or edited — rerun the shard",
                                                    at: SourceLocation(file: path, line: reader.line, column: 1))])
            }
            let values = numbers.map { $0! }
            slots.append(ParticleSlot(particle: particle, theta: Array(values[0..<parameterCount]), distances: Array(values[parameterCount...]),
                                      share: share, attempts: attempts, evaluated: evaluated))
        }
        return (slots, sidecar.seconds)
    }
}
