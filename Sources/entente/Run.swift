import ArgumentParser
import EntenteKit
import Foundation

/// `entente run FILE`: simulate replicates and write CSV.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario's replicates and write CSV into a results folder.",
        discussion: """
        Writes trust.csv, affinity.csv, states.csv, blocs.csv, events.csv, outcomes.csv and
        manifest.json (docs/outputs.md). The folder is written under a temporary name and renamed
        into place, so an interrupted run leaves earlier results untouched.
        """
    )

    @Argument(help: "The scenario YAML file.")
    var file: String

    @Option(help: "Output folder (default: Results/<file stem>/).")
    var out: String?

    @Option(help: "Number of replicates (default: the file's `replicates`).")
    var replicates: Int?

    @Option(help: "Base seed (default: the file's `seed`).")
    var seed: UInt64?

    @Option(help: "Apply a variant declared in the file.")
    var variant: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter or field by path, e.g. betrayal=0.8 or events.polonez-2018-06.value=0.05; repeatable.", valueName: "NAME=VALUE"))
    var settings: [String] = []

    @Option(help: ArgumentHelp("What to record: every=K (steps), trust=all|pairs|none.", valueName: "every=K,trust=..."))
    var record: String?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var jobs: Int?

    @Flag(help: "Replace an existing results folder.")
    var force = false

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        if let replicates, replicates < 1 { throw ValidationError("--replicates must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            var request = ScenarioRun.Request(path: file)
            request.out = out
            request.replicates = replicates
            request.seed = seed
            request.variant = variant
            request.settings = settings
            request.force = force
            if let jobs { request.jobs = jobs }
            if let record { request.record = try RecordOptions(parsing: record) }
            request.commandLine = CommandLine.arguments.joined(separator: " ")
            let progress = ProgressLine(enabled: !quiet)
            let summary = try ScenarioRun.execute(request) { done, total in progress.update(done: done, total: total) }
            progress.finish()
            let means = summary.means.map { "\($0.name)=\(formatMean($0.mean))" }.joined(separator: " ")
            print("\(summary.folder): \(summary.replicates) replicates; means: \(means.isEmpty ? "(no outcomes)" : means)")
            if !summary.failures.isEmpty {
                for failure in summary.failures.prefix(5) {
                    printError("error: replicate \(failure.replicate): \(failure.message)")
                }
                printError("error: \(summary.failures.count) of \(summary.replicates) replicates failed")
                throw ExitCode(70)
            }
        }
    }
}

func formatMean(_ value: Double) -> String {
    value.isNaN ? "NA" : String((value * 10_000).rounded() / 10_000)
}
