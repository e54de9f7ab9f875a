import ArgumentParser
import EntenteKit
import Foundation

/// `entente attribute FILE`: the paired effect of removing each event (or tag), and Shapley values.
struct Attribute: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank events (or tags) by the paired effect of removing each, on common random numbers.",
        discussion: "Writes attribution.csv (and shapley.csv with --shapley) into Results/<stem>/attribute/ (docs/attribution.md). Arms finished before an interruption are kept in <out>.arms/ and reused by the same command."
    )

    @Argument(help: "The scenario YAML file.", completion: Completions.yamlFile)
    var file: String

    @Option(help: "Players: event (each event with an id) or tag.")
    var by: String = "event"

    @Flag(help: "Also compute Shapley values over all 2^k removal sets (k ≤ 12), or by permutation sampling beyond.")
    var shapley = false

    @Option(parsing: .unconditional, help: "Orders sampled for Shapley values beyond 12 players (default 200).")
    var permutations: String?

    @Option(help: "Output folder (default: Results/<file stem>/attribute/).")
    var out: String?

    @OptionGroup var options: ReplicateOptions

    @OptionGroup var output: FormatOption

    func run() throws {
        let interrupts = InterruptWatcher()
        defer { withExtendedLifetime(interrupts) {} }
        try reportingErrors {
            guard let grouping = Attribution.Grouping(rawValue: by) else {
                throw EntenteError.usage("--by \(by): expected event or tag")
            }
            var request = Attribution.Request(path: file)
            request.by = grouping
            request.shapley = shapley
            if let count = try WholeNumberOption.parse(permutations, option: "--permutations", range: 1...1_000_000) {
                request.permutations = count
            }
            request.out = out
            request.replicates = try options.replicateCount
            request.seed = try options.seedValue
            request.settings = try options.effectiveSettings
            request.force = options.force
            if let jobs = try options.jobCount { request.jobs = jobs }
            request.commandLine = CommandLine.arguments.joined(separator: " ")
            let result = try Attribution.execute(request)
            output.print([result.table(by: grouping, top: output.format == .table ? 5 : nil)])
            output.status("\(result.folder): \(NumberText.count(result.players.count, grouping.rawValue)), \(NumberText.count(result.armsRun, "arm")) run, \(result.armsReused) reused, Shapley \(result.method)")
        }
    }
}
