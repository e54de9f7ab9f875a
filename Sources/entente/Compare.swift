import ArgumentParser
import EntenteKit
import Foundation

/// `entente compare FILE`: baseline and every variant with common random numbers.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the baseline and every variant with the same seeds and report paired effects.",
        discussion: "Writes outcomes.csv and effects.csv into Results/<stem>/compare/ and prints a variant × outcome table: baseline, variant and paired difference with its 95% interval, marked * where it excludes 0 (docs/outputs.md)."
    )

    @Argument(help: "The scenario YAML file.", completion: Completions.yamlFile)
    var file: String

    @Option(help: "Output folder (default: Results/<file stem>/compare/).")
    var out: String?

    @OptionGroup var options: ReplicateOptions

    @OptionGroup var posterior: PosteriorOption

    @OptionGroup var output: FormatOption

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func run() throws {
        let interrupts = InterruptWatcher()
        defer { withExtendedLifetime(interrupts) {} }
        try reportingErrors {
            var request = Comparison.Request(path: file)
            request.out = out
            request.replicates = try options.replicateCount
            request.seed = try options.seedValue
            request.settings = try options.effectiveSettings
            request.force = options.force
            if let jobs = try options.jobCount { request.jobs = jobs }
            request.posterior = try posterior.value
            request.commandLine = CommandLine.arguments.joined(separator: " ")
            let progress = ProgressLine(enabled: !quiet)
            let result = try Comparison.execute(request) { done, total in progress.update(done: done, total: total) }
            progress.finish()
            output.print([Comparison.table(effects: result.effects, replicates: result.replicates)])
            output.status("\(result.folder): \(NumberText.count(result.variants, "variant")) × \(NumberText.count(result.replicates, "replicate"))\(request.posterior.map { " × \(NumberText.count($0.draws, "draw"))" } ?? "")")
        }
    }
}
