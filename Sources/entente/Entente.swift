import ArgumentParser
import EntenteKit

/// The `entente` command: parses arguments and hands everything else to EntenteKit.
@main
struct Entente: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entente",
        abstract: "Agent-based scenario simulator of alliance dynamics: trust, blocs, betrayal and exit.",
        discussion: """
        Scenario files (YAML) describe states, blocs and a timeline of events; Entente replays them through a stochastic model, many replicates at a time, and writes tidy CSV. Exit status: 0 success, 64 usage error, 65 bad input data, 66 input missing, 70 a run failed inside the model, 73 output cannot be written, 130/143 interrupted (SIGINT/SIGTERM). See docs/errors.md.
        """,
        version: EntenteVersion.current,
        subcommands: [Check.self, Run.self, Compare.self, Attribute.self, Explain.self, Sweep.self, Merge.self, Analyze.self,
                      Validate.self, LandscapeCommand.self, Calibrate.self]
    )
}
