/// The names a scenario file declares, read without validating the file: what shell completion offers
/// after `--variant` and `--set` while the user is still writing the file.
public struct ScenarioNames: Sendable, Equatable {
    /// `variants:` names, in file order.
    public var variants: [String] = []
    /// `--set` paths of the fields the file's states, blocs and events have (`events.war-2020.intensity`),
    /// in file order; `id` and `type` left out (they cannot be set).
    public var fieldPaths: [String] = []

    /// The names in the YAML file at `path`; empty when it cannot be read (completion never fails loudly).
    public init(path: String) {
        guard let root = try? YAMLDocumentReader().read(path: path) else { return }
        variants = root["variants"]?.items?.compactMap { $0["name"]?.scalarText } ?? []
        for list in ["states", "blocs", "events"] {
            for item in root[list]?.items ?? [] {
                guard let id = item["id"]?.scalarText, let entries = item.entries else { continue }
                fieldPaths += entries.map(\.key).filter { $0 != "id" && $0 != "type" }.map { "\(list).\(id).\($0)" }
            }
        }
    }

    /// What `--set NAME=VALUE` can name, each ending in `=`: the model parameters, then the file's fields.
    public var settingNames: [String] {
        (Parameter.names + fieldPaths).map { $0 + "=" }
    }
}
