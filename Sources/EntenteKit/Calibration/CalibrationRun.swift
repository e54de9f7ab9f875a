import EntenteCore
import Foundation

/// `entente calibrate`: runs ABC-SMC generation by generation and, after each, writes the whole results
/// folder (particles.csv, generations.csv, posterior.csv, manifest.json) atomically, so an interrupted
/// calibration leaves its last complete generation behind and `--resume` continues from it.
public enum CalibrationRun {
    /// How to run.
    public struct Request: Sendable {
        /// Output folder.
        public var out: String
        /// Replace an existing results folder.
        public var force = false
        /// Continue the calibration in `out` (interrupted, or stopped early and given a looser `stop:`).
        public var resume = false
        /// Worker threads.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// The command line, for the manifest.
        public var commandLine = ""

        /// A request writing into `out`.
        public init(out: String) { self.out = out }
    }

    /// What a calibration produced.
    public struct Outcome: Sendable {
        /// Every generation's population.
        public var populations: [ParticlePopulation]
        /// Every generation's record.
        public var records: [GenerationRecord]
        /// Why it stopped.
        public var stopReason: ABCStopReason
        /// Generations that were already in the folder when resuming (0 for a fresh run).
        public var resumedGenerations: Int
    }

    /// Progress of the running generation.
    public struct Progress: Sendable {
        /// The generation.
        public var generation: Int
        /// Particle slots finished.
        public var done: Int
        /// Particles per generation.
        public var total: Int
    }

    /// Runs the calibration; `progress` may be called from worker threads; `afterGeneration(t)` runs once
    /// generation t is written (tests throw from it to simulate an interruption).
    public static func execute(_ spec: CalibrationSpec, request: Request,
                               progress: @escaping @Sendable (Progress) -> Void = { _ in },
                               afterGeneration: (Int) throws -> Void = { _ in }) throws -> Outcome {
        let started = Date()
        let inputs = [spec.file] + spec.scenarioPaths
        var populations: [ParticlePopulation] = []
        var records: [GenerationRecord] = []
        if request.resume {
            (populations, records) = try previous(spec, folder: request.out)
        }
        let resumed = populations.count
        let smc = ABCSMC(problem: spec.problem(), settings: spec.settings)
        if let reason = smc.stopReason(records) {
            // Already finished under these stop rules: nothing is rewritten.
            return Outcome(populations: populations, records: records, stopReason: reason, resumedGenerations: resumed)
        }
        var folder = try ResultsFolder(path: request.out, force: request.force || request.resume, inputs: inputs)
        do {
            while true {
                let t = populations.count
                let tolerance = populations.last.map { smc.nextTolerance(after: $0, previousTolerance: records.last!.tolerance) } ?? .infinity
                let counter = Counter()
                let total = spec.settings.particles
                let clock = Date()
                guard let (population, record) = smc.generation(t, previous: populations.last, tolerance: tolerance, jobs: max(1, request.jobs),
                                                                progress: { _ in progress(Progress(generation: t, done: counter.increment(), total: total)) }) else {
                    // A slot ran out of attempts: the generation is abandoned, the folder keeps the last complete one.
                    guard !populations.isEmpty else {
                        throw EntenteError.software("generation 0 could not be completed; this cannot happen (every prior draw is accepted)")
                    }
                    try write(folder, spec: spec, request: request, populations: populations, records: records,
                              status: "complete", reason: .minAcceptance, abandoned: t, started: started)
                    try folder.commit()
                    return Outcome(populations: populations, records: records, stopReason: .minAcceptance, resumedGenerations: resumed)
                }
                var timed = record
                timed.seconds = Date().timeIntervalSince(clock)
                populations.append(population)
                records.append(timed)
                let reason = smc.stopReason(records)
                try write(folder, spec: spec, request: request, populations: populations, records: records,
                          status: reason == nil ? "running" : "complete", reason: reason, abandoned: nil, started: started)
                try folder.commit()
                try afterGeneration(t)
                if let reason {
                    return Outcome(populations: populations, records: records, stopReason: reason, resumedGenerations: resumed)
                }
                folder = try ResultsFolder(path: request.out, force: true, inputs: inputs)
            }
        } catch {
            folder.discard()
            throw error
        }
    }

    /// The populations and records already in `folder`, after checking that its calibration is this one.
    static func previous(_ spec: CalibrationSpec, folder: String) throws -> ([ParticlePopulation], [GenerationRecord]) {
        let manifestPath = folder + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: manifestPath),
              let manifest = try? JSONDecoder().decode(CalibrateManifest.self, from: data),
              manifest.header.tool == "entente", manifest.header.command == "calibrate" else {
            throw EntenteError.noInput("--resume: \(folder) holds no calibration results (no manifest.json with \"command\": \"calibrate\"); run without --resume")
        }
        guard manifest.fingerprint == Self.fingerprint(spec) else {
            throw EntenteError.usage("--resume: \(folder) was written by a different calibration (scenario files, parameters, priors, observations, particles, replicates, alpha or seed differ; only `stop:` may change); run without --resume, with --force to replace it")
        }
        let populations = try ParticlesFile.read(path: folder + "/particles.csv")
        let records = try CalibrationOutputs.readGenerations(path: folder + "/generations.csv")
        guard populations.count == records.count, !populations.isEmpty,
              populations.allSatisfy({ $0.count == spec.settings.particles && $0.parameterNames == spec.parameters.map(\.parameter.info.name) }) else {
            throw EntenteError.data([Diagnostic("particles.csv and generations.csv disagree, or the particles do not match the calibration; rerun without --resume",
                                                at: SourceLocation(file: folder + "/particles.csv", line: 1, column: 1))])
        }
        return (populations, records)
    }

    /// A digest of everything a resumed calibration must share with the folder it continues: the bytes
    /// of the scenario files, the priors, targets, particles, replicates, alpha, window and seed (not `stop:`).
    static func fingerprint(_ spec: CalibrationSpec) -> String {
        var text = "particles=\(spec.settings.particles);alpha=\(spec.settings.alpha);seed=\(spec.settings.seed);replicates=\(spec.replicates);window=\(spec.window)\n"
        // The rule set is part of the calibration (only when set, so earlier folders keep their fingerprint).
        if let model = spec.model { text += "model=\(model)\n" }
        for (path, reference) in zip(spec.scenarioPaths, spec.scenarioReferences) {
            text += "scenario \(reference) \(FileManager.default.contents(atPath: path).map { SHA256.hex($0) } ?? "")\n"
        }
        for fitted in spec.parameters { text += "parameter \(fitted.parameter.info.name) \(fitted.prior)\n" }
        for target in spec.targets { text += "target \(target.label) \(target.kind) \(target.weight) \(target.column)\n" }
        return SHA256.hex(Data(text.utf8))
    }

    /// Writes every file of the folder for the generations so far.
    static func write(_ folder: ResultsFolder, spec: CalibrationSpec, request: Request, populations: [ParticlePopulation],
                      records: [GenerationRecord], status: String, reason: ABCStopReason?, abandoned: Int?, started: Date) throws {
        let names = spec.parameters.map(\.parameter.info.name)
        try folder.write("particles.csv", bytes: CalibrationOutputs.particlesCSV(populations, parameterNames: names))
        try folder.write("generations.csv", bytes: CalibrationOutputs.generationsCSV(records, populations: populations))
        try folder.write("posterior.csv", bytes: CalibrationOutputs.posteriorCSV(populations.last!))
        let settings = spec.settings
        let calibration = CalibrateManifest.Settings(
            path: spec.file, sha256: ManifestInput(path: spec.file).sha256, particles: settings.particles,
            replicatesPerParticle: spec.replicates, alpha: settings.alpha, windowMonths: spec.window, seed: settings.seed,
            stop: .init(minAcceptance: settings.minAcceptance, tolerance: settings.tolerance, generations: settings.generations,
                        simulations: settings.simulations),
            parameters: spec.parameters.map { CalibrateManifest.FittedParameter(name: $0.parameter.info.name, prior: $0.prior) },
            observations: spec.targets.map(CalibrateManifest.Observation.init), model: spec.model)
        let scenarios = zip(spec.scenarioReferences, zip(spec.scenarioPaths, spec.scenarios)).map { reference, pair in
            CalibrateManifest.ScenarioEntry(path: reference, name: pair.1.name, sha256: ManifestInput(path: pair.0).sha256,
                                            model: pair.1.model)
        }
        let manifest = CalibrateManifest(commandLine: request.commandLine, started: started, status: status, stopReason: reason?.rawValue,
                                         abandonedGeneration: abandoned, finalGeneration: populations.count - 1,
                                         simulations: records.reduce(0) { $0 + $1.simulations }, fingerprint: fingerprint(spec),
                                         calibration: calibration, scenarios: scenarios)
        try folder.write("manifest.json", bytes: manifest.encoded())
    }
}

/// A thread-safe counter for progress from worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds one and returns the new value.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
