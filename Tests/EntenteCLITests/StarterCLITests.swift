import EntenteKit
import Foundation
import XCTest

/// `entente init`, `entente schema` and `entente completions` (issue 20): starter files that pass `check`,
/// a schema that accepts every key the starter files use, and completion of variant and parameter names.
final class StarterCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-starter" }

    /// Runs `entente arguments` in the folder: status, stdout, stderr.
    func testInitWritesAScenarioAndASweepThatCheckAcceptsAndNeverOverwrites() throws {
        let binary = try BuiltBinary.required("entente").path
        let first = try entente(["init", "demo"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "wrote demo.yaml and demo-sweep.yaml; next: \(binary) check demo.yaml\n")
        let scenario = try entente(["check", "demo.yaml"])
        XCTAssertEqual(scenario.status, 0, scenario.stderr)
        XCTAssertTrue(scenario.stdout.hasPrefix("demo.yaml: OK — demo\n  calendar: 2020-01 to 2022-12, 36 month steps\n  states: 3 (AAA, BBB, CCC)\n"), scenario.stdout)
        XCTAssertTrue(scenario.stdout.hasSuffix("  variants: no-leak, forgiving\n"), scenario.stdout)
        let sweep = try entente(["check", "demo-sweep.yaml"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        XCTAssertTrue(sweep.stdout.contains("  design grid: 12 points × 20 replicates = 240 runs\n"), sweep.stdout)

        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("demo-sweep.yaml"))
        let before = try text("demo.yaml")
        let again = try entente(["init", "demo"])
        XCTAssertEqual(again.status, 73)
        XCTAssertEqual(again.stderr, "error: demo.yaml exists; init never replaces a file (choose another name or remove it)\n")
        XCTAssertEqual(try text("demo.yaml"), before)
        XCTAssertEqual(try text("demo-sweep.yaml"), "mine\n")

        let bad = try entente(["init", "-x"])
        XCTAssertEqual(bad.status, 64)
        let dotted = try entente(["init", ".hidden"])
        XCTAssertEqual(dotted.status, 64)
        XCTAssertEqual(dotted.stderr, "error: init .hidden: expected a name of letters, digits, -, _ and . (not starting with . or -), used as the file stem\n")
    }

    /// The keys of every mapping in `node` must be allowed by `schema`, recursively through the
    /// properties, items and if/then cases the schema declares; returns the keys refused, as paths.
    private func refusedKeys(_ node: YAMLNode, _ schema: [String: Any], path: String) -> [String] {
        var refused: [String] = []
        if let items = node.items, let itemSchema = schema["items"] as? [String: Any] {
            for (index, item) in items.enumerated() { refused += refusedKeys(item, itemSchema, path: "\(path)[\(index)]") }
        }
        guard let entries = node.entries else { return refused }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        var allowedNames: Set<String>? = schema["additionalProperties"] as? Bool == false ? Set(properties.keys) : nil
        for rule in schema["allOf"] as? [[String: Any]] ?? [] {
            guard let condition = rule["if"] as? [String: Any], let then = rule["then"] as? [String: Any],
                  let constant = ((condition["properties"] as? [String: Any])?["type"] as? [String: Any])?["const"] as? String,
                  node["type"]?.scalarText == constant else { continue }
            allowedNames = Set(((then["propertyNames"] as? [String: Any])?["enum"] as? [String]) ?? [])
        }
        for entry in entries {
            if let allowedNames, !allowedNames.contains(entry.key) { refused.append("\(path).\(entry.key)"); continue }
            let child = properties[entry.key] as? [String: Any] ?? schema["additionalProperties"] as? [String: Any] ?? [:]
            refused += refusedKeys(entry.value, child, path: "\(path).\(entry.key)")
        }
        return refused
    }

    func testTheSchemaAcceptsEveryKeyOfTheStarterFilesAndListsTheDecodersKeys() throws {
        XCTAssertEqual(try entente(["init", "demo"]).status, 0)
        let scenarioOut = try entente(["schema", "scenario"])
        XCTAssertEqual(scenarioOut.status, 0, scenarioOut.stderr)
        let scenarioSchema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(scenarioOut.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(scenarioSchema["$schema"] as? String, "http://json-schema.org/draft-07/schema#")
        XCTAssertEqual(Set((scenarioSchema["properties"] as? [String: Any] ?? [:]).keys), Set(ScenarioDecoder.topLevelKeys))
        let root = try YAMLDocumentReader().read(path: folder.appendingPathComponent("demo.yaml").path)
        XCTAssertEqual(refusedKeys(root, scenarioSchema, path: "demo.yaml"), [])

        let sweepOut = try entente(["schema", "sweep"])
        XCTAssertEqual(sweepOut.status, 0, sweepOut.stderr)
        let sweepSchema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sweepOut.stdout.utf8)) as? [String: Any])
        let sweepRoot = try YAMLDocumentReader().read(path: folder.appendingPathComponent("demo-sweep.yaml").path)
        XCTAssertEqual(refusedKeys(sweepRoot, sweepSchema, path: "demo-sweep.yaml"), [])

        // The check works: a misspelt key and an attack's field on a diplomacy event are refused.
        try Data("""
            calendar: {start: 2020-01, end: 2020-02}
            states: [{id: A, capability: 1, capabilty: 2}]
            events: [{type: diplomacy, from: A, to: A, kind: summit, target: A}]
            """.utf8).write(to: folder.appendingPathComponent("bad.yaml"))
        let bad = try YAMLDocumentReader().read(path: folder.appendingPathComponent("bad.yaml").path)
        XCTAssertEqual(refusedKeys(bad, scenarioSchema, path: "bad.yaml"), ["bad.yaml.states[0].capabilty", "bad.yaml.events[0].target"])
        XCTAssertEqual(try entente(["schema", "json"]).status, 64)
    }

    func testCompletionScriptsCompleteScenarioFilesVariantNamesAndSetPaths() throws {
        let bash = try entente(["completions", "bash"])
        XCTAssertEqual(bash.status, 0, bash.stderr)
        XCTAssertTrue(bash.stdout.contains("-fX '!*.@(yaml|yml)'"), "scenario files are completed by extension")
        XCTAssertTrue(bash.stdout.contains("---completion run -- --variant"), "--variant asks entente for names")
        for shell in ["zsh", "fish"] { XCTAssertEqual(try entente(["completions", shell]).status, 0, shell) }
        let unknown = try entente(["completions", "tcsh"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertEqual(unknown.stderr, "error: completions tcsh: expected bash, zsh or fish\n")

        // What the scripts ask (swift-argument-parser's protocol): ---completion SUBCOMMAND -- OPTION CWORD CURSOR WORDS...
        XCTAssertEqual(try entente(["init", "demo"]).status, 0)
        let variants = try entente(["---completion", "run", "--", "--variant", "4", "0", "entente", "run", "demo.yaml", "--variant", ""])
        XCTAssertEqual(variants.stdout, "no-leak\nforgiving\n")
        let sale = try entente(["---completion", "compare", "--", "--set", "4", "9", "entente", "compare", "demo.yaml", "--set", "events.sa"])
        XCTAssertEqual(sale.stdout, "events.sale.at=\nevents.sale.from=\nevents.sale.to=\nevents.sale.value=\nevents.sale.covert=\n")
        let parameter = try entente(["---completion", "check", "--", "--set", "4", "4", "entente", "check", "demo.yaml", "--set", "betr"])
        XCTAssertEqual(parameter.stdout, "betrayal=\n")
    }
}
