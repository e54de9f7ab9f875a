import Foundation

/// The cases `entente validate` runs: scenario files named directly, and the `*.yaml` files of
/// named folders (sorted by name, not recursive). Files in a folder without `observed:` are skipped;
/// a file named directly without it is an error.
public struct ValidationCases: Sendable {
    /// Loaded scenarios (with `--set` applied), in order, each file once.
    public var scenarios: [Scenario]
    /// Notes about files of folders that were skipped, for stderr.
    public var skipped: [String]

    /// Loads the cases under `paths`, applying `settings` (model parameters only) to each.
    public static func load(paths: [String], settings: [String]) throws -> ValidationCases {
        try checkSettings(settings)
        var scenarios: [Scenario] = []
        var skipped: [String] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw EntenteError.noInput("\(path): no such file or folder")
            }
            let files: [String]
            if isDirectory.boolValue {
                files = try yamlFiles(in: path)
                if files.isEmpty { skipped.append("note: \(path) holds no *.yaml files") }
            } else {
                files = [path]
            }
            for file in files where seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted {
                let root = try YAMLDocumentReader().read(path: file)
                if SweepFileDetector.isSweep(root) {
                    guard isDirectory.boolValue else {
                        throw EntenteError.usage("\(file) is a sweep file; validate takes scenario files with `observed:`")
                    }
                    skipped.append("note: skipping \(file): a sweep file, not a case")
                    continue
                }
                let scenario = try ScenarioLoader().load(root: root, file: file, settings: settings)
                if scenario.observed.isEmpty {
                    guard isDirectory.boolValue else {
                        throw EntenteError.data([Diagnostic("the scenario has no `observed:` outcomes, so there is nothing to validate; add `observed:` (docs/scenario-format.md#observed)",
                                                            at: SourceLocation(file: file, line: 1, column: 1))])
                    }
                    skipped.append("note: skipping \(file): no `observed:` outcomes")
                    continue
                }
                scenarios.append(scenario)
            }
        }
        guard !scenarios.isEmpty else {
            throw EntenteError.noInput("no case with `observed:` outcomes in \(paths.joined(separator: ", "))")
        }
        return ValidationCases(scenarios: scenarios, skipped: skipped)
    }

    /// `--set` names must be model parameters (or `model`, the rule set): a case's events and states differ from file to file.
    static func checkSettings(_ settings: [String]) throws {
        for setting in settings {
            let (name, _) = try ScenarioLoader.split(setting)
            let bare = name.hasPrefix("parameters.") ? String(name.dropFirst("parameters.".count)) : name
            guard Parameter.named(bare) != nil || name == "model" else {
                throw EntenteError.usage("--set \(setting): validate applies only model parameters to every case, e.g. --set betrayal=0.8; '\(name)' is not one\(DidYouMean.hint(for: bare, among: Parameter.names)) (see docs/model.md)")
            }
        }
    }

    /// The `*.yaml` files directly inside `folder`, sorted by name.
    static func yamlFiles(in folder: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw EntenteError.noInput("cannot read the folder \(folder): \((error as NSError).localizedDescription)")
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().map { base + $0 }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}
