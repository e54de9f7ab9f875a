import EntenteCore
import Foundation

/// A calibration as a chain of cluster jobs (docs/cluster.md#calibration-on-a-cluster): for each
/// generation, N shard processes (`calibrate --shard K/N`) compute the particle slots p with
/// p mod N = K, then one merge step (`calibrate --merge-generation N`) assembles the generation,
/// computes its weights and writes the results folder exactly as the one-machine run does. Every slot
/// depends only on (seed, generation, slot, attempt) and the previous generation, so the folder is
/// byte-identical to the one-machine run's (but for the `seconds` column and the manifest's times).
extension CalibrationRun {
    /// What a shard or merge step did.
    public enum StepOutcome: Sendable, Equatable {
        /// Shard written: generation, path.
        case shardWritten(generation: Int, path: String)
        /// Generation merged; nil stop reason when more generations follow.
        case merged(generation: Int, stopReason: ABCStopReason?)
        /// The calibration in the folder already stopped: nothing was written.
        case finished(ABCStopReason)
    }

    /// The generations already in `out` (none when it holds no calibration manifest yet).
    static func state(_ spec: CalibrationSpec, out: String) throws -> ([ParticlePopulation], [GenerationRecord]) {
        guard FileManager.default.fileExists(atPath: out + "/manifest.json") else { return ([], []) }
        return try previous(spec, folder: out)
    }

    /// Runs shard `shard` of the next generation of the calibration in `out` and writes its file.
    public static func runShard(_ spec: CalibrationSpec, out: String, shard: Shard, jobs: Int) throws -> StepOutcome {
        let clock = Date()
        let (populations, records) = try state(spec, out: out)
        let smc = ABCSMC(problem: spec.problem(), settings: spec.settings)
        if let reason = smc.stopReason(records) { return .finished(reason) }
        let t = populations.count
        let tolerance = populations.last.map { smc.nextTolerance(after: $0, previousTolerance: records.last!.tolerance) } ?? .infinity
        let mine = (0..<spec.settings.particles).filter { $0 % shard.count == shard.index }
        let slots = smc.slots(t, previous: populations.last, tolerance: tolerance, particles: mine, jobs: max(1, jobs))
        try CalibrationShardFile.write(slots, parameterNames: spec.parameters.map(\.parameter.info.name), replicates: spec.replicates,
                                       out: out, generation: t, shard: shard, fingerprint: fingerprint(spec),
                                       seconds: Date().timeIntervalSince(clock))
        return .shardWritten(generation: t, path: CalibrationShardFile.path(out: out, generation: t, shard: shard))
    }

    /// Merges the `shards` shard files of the next generation into the results folder `out` (written
    /// atomically, as after each generation of a one-machine run). The record's `seconds` is the sum
    /// of the shards' seconds.
    public static func mergeGeneration(_ spec: CalibrationSpec, out: String, shards: Int, jobs: Int, commandLine: String) throws -> StepOutcome {
        let started = Date()
        let (populations, records) = try state(spec, out: out)
        let smc = ABCSMC(problem: spec.problem(), settings: spec.settings)
        if let reason = smc.stopReason(records) { return .finished(reason) }
        let t = populations.count
        let tolerance = populations.last.map { smc.nextTolerance(after: $0, previousTolerance: records.last!.tolerance) } ?? .infinity
        var slots = [ParticleSlot?](repeating: nil, count: spec.settings.particles)
        var seconds = 0.0
        let key = fingerprint(spec)
        for index in 0..<shards {
            let shard = Shard(index: index, count: shards)
            let part = try CalibrationShardFile.read(out: out, generation: t, shard: shard, fingerprint: key,
                                                     parameterCount: spec.parameters.count, replicates: spec.replicates)
            seconds += part.seconds
            let expected = (0..<spec.settings.particles).filter { $0 % shards == index }
            guard part.slots.map(\.particle) == expected else {
                throw EntenteError.data([Diagnostic("expected the particle slots \(expected.prefix(3).map(String.init).joined(separator: ", "))… of shard \(shard); found others — it was written with another shard count; rerun it with --shard \(shard)",
                                                    at: SourceLocation(file: CalibrationShardFile.path(out: out, generation: t, shard: shard), line: 2, column: 1))])
            }
            for slot in part.slots { slots[slot.particle] = slot }
        }
        let all = slots.map { $0! }
        let inputs = [spec.file] + spec.scenarioPaths
        let folder = try ResultsFolder(path: out, force: !populations.isEmpty, inputs: inputs)
        var request = Request(out: out)
        request.commandLine = commandLine
        do {
            guard let (population, record) = smc.assemble(t, previous: populations.last, tolerance: tolerance, slots: all, jobs: max(1, jobs)) else {
                guard !populations.isEmpty else {
                    throw EntenteError.software("generation 0 could not be completed; this cannot happen (every prior draw is accepted)")
                }
                try write(folder, spec: spec, request: request, populations: populations, records: records,
                          status: "complete", reason: .minAcceptance, abandoned: t, started: started)
                try folder.commit()
                return .merged(generation: t, stopReason: .minAcceptance)
            }
            var timed = record
            timed.seconds = seconds
            let all = populations + [population]
            let allRecords = records + [timed]
            let reason = smc.stopReason(allRecords)
            try write(folder, spec: spec, request: request, populations: all, records: allRecords,
                      status: reason == nil ? "running" : "complete", reason: reason, abandoned: nil, started: started)
            try folder.commit()
            return .merged(generation: t, stopReason: reason)
        } catch {
            folder.discard()
            throw error
        }
    }
}
