import ArgumentParser
import EntenteKit
import Foundation

/// `entente attribute FILE`: the paired effect of removing each event (or tag), and Shapley values.
struct Attribute: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank events (or tags) by the paired effect of removing each, on common random numbers.",
        discussion: "Writes attribution.csv (and shapley.csv with --shapley) into Results/<stem>/attribute/ (docs/attribution.md). Arms finished before an interruption are kept in <out>.arms/ and reused by the same command."
    )

    @Argument(help: "The scenario YAML file.")
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
            let outcomes = result.effects.map(\.outcome).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            for outcome in outcomes {
                let rows = result.effects.filter { $0.outcome == outcome }.prefix(5)
                let text = rows.map { "\($0.player) \(NumberText.rounded($0.effect, places: 3)) [\(NumberText.rounded($0.ci95Low, places: 3)), \(NumberText.rounded($0.ci95High, places: 3))]" }
                print("\(outcome): " + text.joined(separator: "; "))
            }
            print("\(result.folder): \(result.players.count) \(grouping.rawValue)s, \(result.armsRun) arms run, \(result.armsReused) reused, Shapley \(result.method)")
        }
    }
}
