import ArgumentParser
import EntenteKit
import Foundation

/// `entente calibrate CAL.yaml`: fit model parameters to observed history with ABC-SMC.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit model parameters to observed outcomes with ABC-SMC (docs/calibration.md).",
        discussion: """
        CAL.yaml names scenario files (fitted jointly), the parameters to fit with their priors, and optional observation weights. Writes particles.csv (every generation), generations.csv, posterior.csv and manifest.json, the whole folder again after every generation; --resume continues an interrupted or stopped calibration from its last generation to the same results.
        """
    )
    @Argument(help: "The calibration file.")
    var file: String
    @Option(help: "Output folder (default: Results/calibration-NAME/, NAME the calibration file's name without .yaml).")
    var out: String?
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var jobs: Int?
    @Flag(help: "Continue the calibration in --out from its last complete generation.")
    var resume = false
    @Flag(help: "Replace an existing results folder.")
    var force = false
    @Flag(help: "No progress on stderr.")
    var quiet = false
    @Option(help: "Cluster step: compute shard K of N (0 ≤ K < N) of the next generation of the calibration in --out and write it to OUT-shards/generation-T/ (docs/cluster.md).")
    var shard: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Rule set every scenario runs under, 1 or 2 (default: the calibration file's `model:`, else each scenario's own; docs/calibration.md).", valueName: "N"))
    var model: String?
    @Option(name: .customLong("merge-generation"), help: "Cluster step: merge the N shard files of the next generation into --out (docs/cluster.md).")
    var mergeGeneration: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if resume && force { throw ValidationError("--resume continues the results in --out and --force replaces them; give one of the two") }
        if shard != nil && mergeGeneration != nil { throw ValidationError("--shard computes one shard and --merge-generation merges them; give one of the two") }
        if (shard != nil || mergeGeneration != nil) && (resume || force) {
            throw ValidationError("--shard and --merge-generation always continue the calibration in --out; leave out --resume and --force")
        }
        if let mergeGeneration, mergeGeneration < 1 { throw ValidationError("--merge-generation takes the number of shards N ≥ 1") }
        try reportingErrors { _ = try WholeNumberOption.parse(model, option: "--model", range: 1...2) }
    }

    func run() throws {
        try reportingErrors {
            let spec = try CalibrationDecoder().load(path: file, model: WholeNumberOption.parse(model, option: "--model", range: 1...2))
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            var request = CalibrationRun.Request(out: out ?? "Results/calibration-\(name)")
            request.force = force
            request.resume = resume
            if let jobs { request.jobs = jobs }
            request.commandLine = CommandLine.arguments.joined(separator: " ")
            if let text = shard {
                let part = try Shard(parsing: text)
                guard part.count <= spec.settings.particles else {
                    throw EntenteError.usage("--shard \(text): more shards than the \(spec.settings.particles) particles per generation")
                }
                switch try CalibrationRun.runShard(spec, out: request.out, shard: part, jobs: request.jobs) {
                case .shardWritten(let generation, let path): print("generation \(generation), shard \(part): \(path)")
                case .finished(let reason): print("nothing to do: \(request.out) already stopped on \(reason.rawValue)")
                case .merged: break
                }
                return
            }
            if let mergeGeneration {
                switch try CalibrationRun.mergeGeneration(spec, out: request.out, shards: mergeGeneration, jobs: request.jobs,
                                                          commandLine: request.commandLine) {
                case .merged(let generation, let reason?): print("generation \(generation) merged; stopped on \(reason.rawValue); results: \(request.out)/")
                case .merged(let generation, nil): print("generation \(generation) merged; next: the shards of generation \(generation + 1)")
                case .finished(let reason): print("nothing to do: \(request.out) already stopped on \(reason.rawValue)")
                case .shardWritten: break
                }
                return
            }
            let interrupts = InterruptWatcher()
            defer { withExtendedLifetime(interrupts) {} }
            let line = CalibrationProgress(enabled: !quiet, particles: spec.settings.particles)
            let outcome = try CalibrationRun.execute(spec, request: request, progress: { line.update($0) }) { generation in
                line.finishGeneration(generation)
            }
            line.finish()
            if outcome.resumedGenerations == outcome.populations.count {
                print("nothing to do: \(request.out) already holds \(outcome.populations.count) generations, stopped on \(outcome.stopReason.rawValue)")
            }
            let last = outcome.records.last!
            let simulations = outcome.records.reduce(0) { $0 + $1.simulations }
            let tolerance = last.tolerance.isFinite ? NumberText.plain(last.tolerance) : "∞"
            print("stopped on \(outcome.stopReason.rawValue) after generation \(last.generation) (tolerance \(tolerance)); \(simulations) simulations")
            print(try String(contentsOfFile: request.out + "/posterior.csv", encoding: .utf8), terminator: "")
            print("results: \(request.out)/ (particles.csv, generations.csv, posterior.csv, manifest.json)")
        }
    }
}

/// The progress line of a calibration on a terminal: generation, particles accepted, rate and ETA.
final class CalibrationProgress: @unchecked Sendable {
    private let enabled: Bool
    private let particles: Int
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var generationStart = Date()
    private var generation = -1
    private var drawn = false

    init(enabled: Bool, particles: Int) {
        self.enabled = enabled && isatty(2) == 1
        self.particles = particles
    }

    func update(_ progress: CalibrationRun.Progress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if progress.generation != generation {
            generation = progress.generation
            generationStart = Date()
        }
        guard Date().timeIntervalSince(lastDraw) > 0.2 || progress.done == progress.total else { return }
        lastDraw = Date()
        let elapsed = Date().timeIntervalSince(generationStart)
        let remaining = progress.done > 0 ? elapsed / Double(progress.done) * Double(progress.total - progress.done) : 0
        FileHandle.standardError.write(Data("\rgeneration \(progress.generation): \(progress.done)/\(progress.total) particles, ETA \(Int(remaining.rounded())) s   ".utf8))
        drawn = true
    }

    func finishGeneration(_ generation: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }

    func finish() {}
}
