import ArgumentParser
import EntenteKit
import Foundation

/// `entente run FILE`: simulate replicates and write CSV.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario's replicates and write CSV into a results folder.",
        discussion: """
        Writes trust.csv, affinity.csv, states.csv, blocs.csv, events.csv, outcomes.csv and manifest.json (docs/outputs.md). The folder is written under a temporary name and renamed into place, so an interrupted run leaves earlier results untouched.
        """
    )

    @Argument(help: "The scenario YAML file.", completion: Completions.yamlFile)
    var file: String

    @Option(help: "Output folder (default: Results/<file stem>/).")
    var out: String?

    @OptionGroup var options: ReplicateOptions

    @OptionGroup var posterior: PosteriorOption

    @Option(help: "Apply a variant declared in the file (one; a second --variant is refused).", completion: Completions.variants)
    var variant: [String] = []

    @Option(help: ArgumentHelp("What to record: every=K (steps), trust=all|pairs|none, drivers (drivers.csv), landscape (landscape.csv); repeatable, each setting once.", valueName: "every=K,trust=...,drivers,landscape"))
    var record: [String] = []

    @Option(help: ArgumentHelp("Most MiB of time-series rows held in memory (default 256); more waits in spool files.", valueName: "MiB"))
    var seriesMemory: Int?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @OptionGroup var output: FormatOption

    func validate() throws {
        if let seriesMemory, seriesMemory < 1 || seriesMemory > 1 << 20 {
            throw ValidationError("--series-memory must be a whole number of MiB from 1 to 1048576")
        }
    }

    func run() throws {
        let interrupts = InterruptWatcher()
        defer { withExtendedLifetime(interrupts) {} }
        try reportingErrors {
            var request = ScenarioRun.Request(path: file)
            request.out = out
            request.replicates = try options.replicateCount
            request.seed = try options.seedValue
            request.variant = try VariantOption.single(variant)
            request.settings = try options.effectiveSettings
            request.force = options.force
            if let jobs = try options.jobCount { request.jobs = jobs }
            if !record.isEmpty { request.record = try RecordOptions(parsing: record) }
            request.posterior = try posterior.value
            if request.posterior != nil && !record.isEmpty {
                throw EntenteError.usage("--record is not available with --posterior, which writes no time series; rerun one draw with --set values from draws.csv to record it")
            }
            if let seriesMemory { request.seriesMemoryBudget = seriesMemory << 20 }
            request.commandLine = CommandLine.arguments.joined(separator: " ")
            let progress = ProgressLine(enabled: !quiet)
            let summary = try ScenarioRun.execute(request) { done, total in progress.update(done: done, total: total) }
            progress.finish()
            if !summary.statistics.isEmpty || !summary.posterior.isEmpty { output.print([summary.table()]) }
            output.status("\(summary.folder): \(NumberText.count(summary.replicates, "replicate"))\(request.posterior.map { " × \(NumberText.count($0.draws, "draw"))" } ?? "")\(summary.statistics.isEmpty && summary.posterior.isEmpty ? " (no outcomes)" : "")")
            if !summary.failures.isEmpty {
                for failure in summary.failures.prefix(5) {
                    printError("error: replicate \(failure.replicate): \(failure.message)")
                }
                printError("error: \(summary.failures.count) of \(NumberText.count(summary.replicates, "replicate")) failed")
                throw ExitCode(70)
            }
        }
    }
}
