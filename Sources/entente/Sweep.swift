import ArgumentParser
import EntenteKit
import Foundation

/// `entente sweep FILE`: a parameter design × replicates on every core, resumable and shardable.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a sweep file: a design of parameter points × replicates, on all cores.",
        discussion: """
        Rows go to runs.csv as runs finish (a crash loses only runs in flight); points.csv holds per-point statistics at the end; manifest.json identifies the sweep (docs/sweeps.md, docs/outputs.md). Ctrl-C stops cleanly and prints how to resume. With --shard K/N (or a Slurm job array's SLURM_ARRAY_TASK_* variables) only shard K of N runs, into <out>/shard-K-of-N/; `entente merge` joins them.
        """
    )

    @Argument(help: "The sweep YAML file.", completion: Completions.yamlFile)
    var file: String

    @Option(help: "Output folder (default: Results/<sweep file stem>/).")
    var out: String?

    @Option(parsing: .unconditional, help: "Worker threads, 1 to 1024 (default: all cores). Results do not depend on it.")
    var jobs: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Rule set of every run, 1 or 2 (default: the scenario's `model:`, else 1; docs/model.md).", valueName: "N"))
    var model: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Run only shard K (0-based) of N.", valueName: "K/N"))
    var shard: String?

    @Flag(help: "Continue an interrupted sweep in its folder.")
    var resume = false

    @Flag(help: "Replace an existing results folder written by Entente (one holding its manifest.json).")
    var force = false

    @Flag(help: "With --resume: run again the runs recorded with status=error, replacing their rows.")
    var retryFailed = false

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        try reportingErrors {
            _ = try WholeNumberOption.parse(jobs, option: "--jobs", range: 1...WholeNumberOption.maxJobs)
            _ = try WholeNumberOption.parse(model, option: "--model", range: 1...2)
        }
        if resume && force { throw ValidationError("--resume and --force exclude each other") }
        if retryFailed && !resume { throw ValidationError("--retry-failed needs --resume (it re-runs the failed runs of an existing sweep folder)") }
    }

    func run() throws {
        try reportingErrors {
            var request = SweepRunner.Request(path: file)
            request.out = out
            request.resume = resume
            request.force = force
            request.retryFailed = retryFailed
            if let jobs = try WholeNumberOption.parse(jobs, option: "--jobs", range: 1...WholeNumberOption.maxJobs) { request.jobs = jobs }
            request.shard = try resolveShard()
            request.model = try WholeNumberOption.parse(model, option: "--model", range: 1...2)
            request.commandLine = CommandLine.arguments.joined(separator: " ")
            let flag = CancellationFlag()
            let signals = SignalWatcher(flag: flag)
            let progress = SweepProgress(enabled: !quiet)
            let outcome = try SweepRunner.execute(request, cancellation: flag) { done, total in
                progress.update(done: done, total: total)
            }
            progress.finish()
            _ = signals
            let shardNote = request.shard.count > 1 ? " --shard \(request.shard)" : ""
            if outcome.interruptedBy != 0 || outcome.done < outcome.total {
                printError("interrupted: \(outcome.done) of \(outcome.total) runs recorded in \(outcome.folder)/runs.csv")
                printError("resume with: \(InvokedCommand.name) sweep \(InvokedCommand.quoted(file))\(out.map { " --out \(InvokedCommand.quoted($0))" } ?? "")\(shardNote) --resume")
                throw ExitCode(outcome.interruptedBy == SIGTERM ? 143 : 130)
            }
            let failedNote = outcome.failed > 0 ? ", \(outcome.failed) failed (status=error in runs.csv)" : ""
            let pointsNote = request.shard.count > 1 ? "merge the shards with: \(InvokedCommand.name) merge \(InvokedCommand.quoted(out ?? "Results/\(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)"))" : "points.csv written"
            print("\(outcome.folder): \(NumberText.count(outcome.points, "point")), \(NumberText.count(outcome.done, "run")) (\(outcome.executed) run now)\(failedNote); \(pointsNote)")
            if outcome.failed > 0 { throw ExitCode(70) }
            if request.shard.count == 1 && SensitivityAnalysis.applies(to: outcome.folder) {
                let analysis = try SensitivityAnalysis.analyze(folder: outcome.folder)
                print("\(analysis.path): \(analysis.rows) rows")
            }
        }
    }

    /// `--shard`, or the Slurm array variables when it is not given.
    func resolveShard() throws -> Shard {
        if let shard { return try Shard(parsing: shard) }
        guard let (shard, note) = try Shard.fromSlurm(environment: ProcessInfo.processInfo.environment) else { return .whole }
        printError("note: \(note)")
        return shard
    }
}

/// Turns SIGINT and SIGTERM into a cancellation request instead of killing the process.
final class SignalWatcher {
    private var sources: [DispatchSourceSignal] = []

    init(flag: CancellationFlag) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if !flag.isCancelled {
                    printError("\nstopping: letting runs in flight finish (Ctrl-C again is ignored until then)")
                }
                flag.cancel(signal: number)
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// Sweep progress on stderr: a redrawn bar on a terminal, a plain line every ~10 s otherwise.
final class SweepProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let terminal: Bool
    private let started = Date()
    private var last = Date.distantPast
    private var drawn = false
    private var baseline: Int?

    init(enabled: Bool) {
        self.enabled = enabled
        terminal = isatty(2) == 1
    }

    func update(done: Int, total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard let baseline else {
            baseline = done  // runs recorded before this session (resume)
            return
        }
        let now = Date()
        let interval = terminal ? 0.25 : 10
        guard now.timeIntervalSince(last) >= interval || (terminal && done == total) else { return }
        last = now
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done - baseline) / elapsed : 0
        let eta = rate > 0 ? Int((Double(total - done) / rate).rounded()) : 0
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        if terminal {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) runs, \(Int(rate)) runs/s, ETA \(eta) s ".utf8))
            drawn = true
        } else {
            FileHandle.standardError.write(Data("progress: \(done)/\(total) runs (\(Int(fraction * 100))%), \(Int(rate)) runs/s, ETA \(eta) s\n".utf8))
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
