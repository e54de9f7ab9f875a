import ArgumentParser
import EntenteKit

/// `entente check FILE`: validate a scenario file and summarise it.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a scenario file and print a summary.",
        discussion: "Reports every problem at once as file:line:column, exits 65 when the file is wrong."
    )

    @Argument(help: "The scenario YAML file.")
    var file: String

    @Option(name: .customLong("variant"), help: "Also apply and validate this variant.")
    var variant: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter or numeric field (NAME=VALUE); repeatable.", valueName: "NAME=VALUE"))
    var settings: [String] = []

    func run() throws {
        try reportingErrors {
            let scenario = try ScenarioLoader().load(path: file, variant: variant, settings: settings)
            print(ScenarioSummary(scenario: scenario).text)
        }
    }
}
