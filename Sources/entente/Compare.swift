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

    @Option(help: "Number of replicates (default: the file's `replicates`).")
    var replicates: Int?

    @Option(help: "Base seed (default: the file's `seed`).")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter or field in baseline and variants; repeatable.", valueName: "NAME=VALUE"))
    var settings: [String] = []

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Replace an existing results folder.")
    var force = false

    func validate() throws {
        if let replicates, replicates < 1 { throw ValidationError("--replicates must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            var request = Comparison.Request(path: file)
            request.out = out
            request.replicates = replicates
            request.seed = seed
            request.settings = settings
            request.force = force
            if let jobs { request.jobs = jobs }
            request.commandLine = CommandLine.arguments.joined(separator: " ")
            let result = try Comparison.execute(request)
            for line in result.lines { print(line) }
            print("\(result.folder): \(result.variants) variants × \(result.replicates) replicates")
        }
    }
}
