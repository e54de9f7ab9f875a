import ArgumentParser
import EntenteKit

/// Options shared by `run` and `compare`: how many replicates, which seed, which overrides, how many threads.
struct ReplicateOptions: ParsableArguments {
    @Option(help: "Number of replicates (default: the file's `replicates`).")
    var replicates: Int?

    @Option(help: "Base seed (default: the file's `seed`).")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter or field by path, e.g. betrayal=0.8 or events.polonez-2018-06.value=0.05; repeatable.", valueName: "NAME=VALUE"))
    var settings: [String] = []

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var jobs: Int?

    @Flag(help: "Replace an existing results folder written by Entente (one holding its manifest.json).")
    var force = false

    func validate() throws {
        if let replicates, !(1...ScenarioLimits.maxReplicates).contains(replicates) {
            throw ValidationError("--replicates must be between 1 and \(ScenarioLimits.maxReplicates)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
