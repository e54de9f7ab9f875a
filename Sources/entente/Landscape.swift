import ArgumentParser
import EntenteKit
import Foundation

/// `entente landscape FILE`: Axelrod–Bennett landscape and structural balance of a scenario's states.
struct LandscapeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landscape",
        abstract: "Predict two-camp alignments: landscape theory (local minima of the energy) and structural balance.",
        discussion: """
        Sizes are the states' capabilities; propensities come from the file's `propensity:` list, or from trust symmetrised as (T_ij + T_ji)/2 (--source trust), at the start or, with --at, after simulating to that date (mean over replicates, or --replicate R), or as recorded in a run's results folder (--run DIR, which needs --record trust=all). Every bipartition is enumerated up to 26 states (exact basins up to 22); above that, steepest descent from --starts random starts. Writes landscape.csv, balance.csv, actors.csv, manifest.json (and bipartitions.csv with --all) into a results folder; see docs/landscape.md.
        """
    )

    @Argument(help: "The scenario YAML file.", completion: Completions.yamlFile)
    var file: String

    @Option(help: ArgumentHelp("Where propensities come from: propensity or trust (default: propensity when the file has a `propensity:` list, else trust).", valueName: "propensity|trust"))
    var source: String?

    @Option(help: ArgumentHelp("Simulate to the end of the step containing DATE and use that trust and capability (trust only).", valueName: "DATE"))
    var at: String?

    @Option(help: "With --at or --run: use this replicate alone instead of the mean over replicates.")
    var replicate: Int?

    @Option(name: .customLong("run"), help: ArgumentHelp("Read trust (and capability) recorded by `entente run` in this results folder instead of simulating; at --at or its last recorded step.", valueName: "DIR"))
    var runFolder: String?

    @Option(help: "Random descent starts when the landscape is not enumerated exactly (more than 22 states).")
    var starts = 10_000

    @Flag(help: "Also write bipartitions.csv: every bipartition's energy (at most 22 states).")
    var all = false

    @Option(help: "Output folder (default: Results/<file stem>-landscape/).")
    var out: String?

    @OptionGroup var options: ReplicateOptions

    @Flag(help: "No table on stdout, only the results line.")
    var quiet = false

    @OptionGroup var output: FormatOption

    func validate() throws {
        if let source, LandscapeInput.Source(rawValue: source) == nil {
            throw ValidationError("--source must be propensity or trust; found '\(source)'")
        }
        if let at, CalendarDate(parsing: at) == nil {
            throw ValidationError("--at must be a date YYYY, YYYY-MM or YYYY-MM-DD; found '\(at)'")
        }
        if replicate != nil && at == nil && runFolder == nil { throw ValidationError("--replicate needs --at or --run (the start is the same in every replicate)") }
        if runFolder != nil && source == "propensity" { throw ValidationError("--run reads recorded trust; it cannot be used with --source propensity") }
        if let replicate, replicate < 0 { throw ValidationError("--replicate must be 0 or more") }
        if starts < 1 || starts > 100_000_000 { throw ValidationError("--starts must be between 1 and 100000000") }
    }

    func run() throws {
        let interrupts = InterruptWatcher()
        defer { withExtendedLifetime(interrupts) {} }
        try reportingErrors {
            let scenario = try ScenarioLoader().load(path: file, settings: try options.effectiveSettings)
            let seed = try options.seedValue ?? scenario.seed
            let replicates = try options.replicateCount ?? scenario.replicates
            let jobs = try options.jobCount ?? ProcessInfo.processInfo.activeProcessorCount
            let input = try runFolder.map { folder in
                try LandscapeInput.system(scenario, runFolder: folder, at: at.flatMap(CalendarDate.init(parsing:)), replicate: replicate)
            } ?? LandscapeInput.system(scenario, source: source.flatMap(LandscapeInput.Source.init(rawValue:)),
                                       at: at.flatMap(CalendarDate.init(parsing:)), replicate: replicate,
                                       replicates: replicates, seed: seed, jobs: jobs)
            var landscapeOptions = LandscapeOptions()
            landscapeOptions.starts = starts
            landscapeOptions.seed = seed
            landscapeOptions.keepAll = all
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let folder = out ?? "Results/\(stem)-landscape"
            let report = try LandscapeRun.execute(input, scenario: scenario, options: landscapeOptions, out: folder,
                                                  force: options.force, commandLine: CommandLine.arguments.joined(separator: " "))
            if !quiet { output.print([report.table(input: input)]) }
            let files = ["landscape.csv", "balance.csv", "actors.csv"] + (all ? ["bipartitions.csv"] : []) + ["manifest.json"]
            output.status("results: \(folder)/ (\(files.joined(separator: ", ")))")
        }
    }
}
