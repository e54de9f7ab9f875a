import ArgumentParser
import EntenteKit
import Foundation

/// `entente compare FILE`: baseline and every variant with common random numbers.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the baseline and every variant with the same seeds and report paired effects.",
        discussion: "Writes outcomes.csv and effects.csv into Results/<stem>/compare/ (docs/outputs.md)."
    )

    @Argument(help: "The scenario YAML file.")
    var file: String

    @Option(help: "Output folder (default: Results/<file stem>/compare/).")
    var out: String?

    @OptionGroup var options: ReplicateOptions

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
            request.commandLine = CommandLine.arguments.joined(separator: " ")
            let result = try Comparison.execute(request)
            for line in result.lines { print(line) }
            print("\(result.folder): \(result.variants) variants × \(result.replicates) replicates")
        }
    }
}
