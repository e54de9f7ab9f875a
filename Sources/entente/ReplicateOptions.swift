import ArgumentParser
import EntenteKit

/// Options shared by `run` and `compare`: how many replicates, which seed, which overrides, how many threads.
struct ReplicateOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Number of replicates (default: the file's `replicates`).")
    var replicates: String?

    @Option(parsing: .unconditional, help: "Base seed, 0 to 9223372036854775807 (default: the file's `seed`).")
    var seed: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter or field by path, e.g. betrayal=0.8 or events.polonez-2018-06.value=0.05; repeatable.", valueName: "NAME=VALUE"), completion: Completions.settings)
    var settings: [String] = []

    @Option(parsing: .unconditional, help: "Worker threads, 1 to 1024 (default: all cores). Results do not depend on it.")
    var jobs: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Rule set, 1 or 2 (default: the file's `model:`, else 1; docs/model.md).", valueName: "N"))
    var model: String?

    @Flag(help: "Replace an existing results folder written by Entente (one holding its manifest.json).")
    var force = false

    /// `--replicates` as a number.
    var replicateCount: Int? {
        get throws { try WholeNumberOption.parse(replicates, option: "--replicates", range: 1...ScenarioLimits.maxReplicates) }
    }

    /// `--seed` as a number: the range a scenario file's `seed` accepts.
    var seedValue: UInt64? {
        get throws { try WholeNumberOption.parse(seed, option: "--seed", range: 0...Int.max).map(UInt64.init) }
    }

    /// `--model` as a number.
    var modelNumber: Int? {
        get throws { try WholeNumberOption.parse(model, option: "--model", range: 1...2) }
    }

    /// The `--set` overrides followed by `model=N` for `--model N`, which therefore wins over `--set model=…`.
    var effectiveSettings: [String] {
        get throws { try settings + (modelNumber.map { ["model=\($0)"] } ?? []) }
    }

    /// `--jobs` as a number.
    var jobCount: Int? {
        get throws { try WholeNumberOption.parse(jobs, option: "--jobs", range: 1...WholeNumberOption.maxJobs) }
    }

    func validate() throws {
        try reportingErrors {
            _ = try replicateCount
            _ = try seedValue
            _ = try jobCount
            _ = try modelNumber
        }
    }
}
