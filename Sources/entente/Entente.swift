import ArgumentParser
import EntenteKit
import Foundation

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
                      Validate.self, LandscapeCommand.self, Calibrate.self, Init.self, Schema.self, CompletionsCommand.self]
    )

    /// Parses and runs the command line; `entente help NAME` with an unknown NAME is a usage error
    /// (64) naming the commands, not the general help with status 0.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count >= 2, arguments[0] == "help", !arguments[1].hasPrefix("-") {
            let names = configuration.subcommands.map { $0._commandName } + ["help"]
            if !names.contains(arguments[1]) {
                printError("error: 'entente help \(arguments[1])': no command named '\(arguments[1])'\(DidYouMean.hint(for: arguments[1], among: names)); expected one of: \(names.joined(separator: ", "))")
                Foundation.exit(64)
            }
        }
        main(arguments)
    }
}
