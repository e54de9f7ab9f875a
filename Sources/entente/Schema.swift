import ArgumentParser
import EntenteKit

/// `entente schema scenario|sweep`: the JSON Schema of a file format.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the scenario or sweep format, for editor completion and validation.",
        discussion: "VS Code (YAML extension): `entente schema scenario > scenario.schema.json`, then `# yaml-language-server: $schema=scenario.schema.json` as the first line of a scenario file. Built from the decoders' key tables; `entente check` remains the full validation (ids, dates, references)."
    )

    @Argument(help: ArgumentHelp("Which format.", valueName: "scenario|sweep"))
    var format: String = "scenario"

    func run() throws {
        try reportingErrors {
            switch format {
            case "scenario": print(EntenteSchema.json(EntenteSchema.scenario()), terminator: "")
            case "sweep": print(EntenteSchema.json(EntenteSchema.sweep()), terminator: "")
            default: throw EntenteError.usage("schema \(format): expected scenario or sweep")
            }
        }
    }
}
