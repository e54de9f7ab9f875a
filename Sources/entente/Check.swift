import ArgumentParser
import EntenteKit

/// `entente check FILE`: validate a scenario file and summarise it.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a scenario or sweep file and print a summary.",
        discussion: "Reports every problem at once as file:line:column, exits 65 when the file is wrong."
    )

    @Argument(help: "A scenario or sweep YAML file (a sweep file has a `scenario:` key).", completion: Completions.yamlFile)
    var file: String

    @Option(name: .customLong("variant"), help: "Also apply and validate this variant (one; a second --variant is refused).", completion: Completions.variants)
    var variant: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter or numeric field (NAME=VALUE); repeatable.", valueName: "NAME=VALUE"), completion: Completions.settings)
    var settings: [String] = []

    func run() throws {
        try reportingErrors {
            let variant = try VariantOption.single(self.variant)
            let root = try YAMLDocumentReader().read(path: file)
            if SweepFileDetector.isSweep(root) {
                guard variant == nil, settings.isEmpty else {
                    throw EntenteError.usage("--variant and --set apply to scenario files; a sweep file names its variant and parameters itself")
                }
                let (spec, plan) = try SweepRunner.check(root: root, path: file)
                print("\(file): OK — sweep of \(spec.scenarioReference)\(spec.variant.map { " (variant \($0))" } ?? "")")
                print("  design \(spec.design.rawValue): \(NumberText.count(plan.points.count, "point")) × \(NumberText.count(spec.replicates, "replicate")) = \(NumberText.count(plan.runCount, "run"))")
                print("  parameters: \(spec.parameters.map(\.path).joined(separator: ", "))")
                print("  seed \(spec.seed), record \(spec.record.rawValue)")
                if !spec.variants.isEmpty {
                    print("  paired with variants: \(spec.variants.joined(separator: ", ")) (each run also runs every variant on its stream: \(plan.runCount * (spec.variants.count + 1)) simulations)")
                }
                return
            }
            let scenario = try ScenarioLoader().load(root: root, file: file, variant: variant, settings: settings)
            print(ScenarioSummary(scenario: scenario).text)
        }
    }
}
