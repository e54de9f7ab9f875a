import Foundation

/// Loads a scenario file with an optional variant and `--set` overrides, validating everything.
public struct ScenarioLoader: Sendable {
    /// Read limits.
    public var limits: YAMLLimits

    /// Creates a loader.
    public init(limits: YAMLLimits = .standard) { self.limits = limits }

    /// The file prefix of override locations in messages.
    static let overridePrefix = "--set "

    /// Loads `path`. Bad overrides throw ``EntenteError/usage(_:)``; bad files ``EntenteError/data(_:)``.
    public func load(path: String, variant: String? = nil, settings: [String] = []) throws -> Scenario {
        let root = try YAMLDocumentReader(limits: limits).read(path: path)
        return try load(root: root, file: path, variant: variant, settings: settings)
    }

    /// Loads an already parsed tree.
    public func load(root: YAMLNode, file: String, variant: String? = nil, settings: [String] = []) throws -> Scenario {
        let base = try ScenarioDecoder().decode(root, file: file)
        var editor = ScenarioEditor(root: root)
        if let variant {
            guard let spec = base.variants.first(where: { $0.name == variant }) else {
                let names = base.variants.map(\.name)
                throw EntenteError.usage("unknown variant '\(variant)'\(DidYouMean.hint(for: variant, among: names)); \(file) declares: \(names.isEmpty ? "none" : names.joined(separator: ", "))")
            }
            try editor.apply(spec)
        }
        for setting in settings {
            let (name, value) = try Self.split(setting)
            let node = YAMLNode(.scalar(value, quoted: false), at: SourceLocation(file: Self.overridePrefix + setting, line: 1, column: 1))
            do { try editor.set(path: name, value: node) } catch let error as ScenarioEditor.PathError {
                throw EntenteError.usage("--set \(setting): \(error.message)")
            }
        }
        if variant == nil && settings.isEmpty { return base }
        do {
            return try ScenarioDecoder(overrideLocations: editor.overrideLocations).decode(editor.root, file: file)
        } catch EntenteError.data(let diagnostics) {
            let fromSettings = diagnostics.filter { $0.location?.file.hasPrefix(Self.overridePrefix) == true }
            if !fromSettings.isEmpty {
                throw EntenteError.usage(fromSettings.map { "\($0.location!.file): \($0.message)" }.joined(separator: "\nerror: "))
            }
            throw EntenteError.data(diagnostics)
        }
    }

    /// Splits `NAME=VALUE`.
    public static func split(_ setting: String) throws -> (String, String) {
        guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
            throw EntenteError.usage("--set \(setting): expected NAME=VALUE, for example --set betrayal=0.8")
        }
        let name = String(setting[..<equals]).trimmingCharacters(in: .whitespaces)
        let value = String(setting[setting.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw EntenteError.usage("--set \(setting): no value after '='; expected NAME=VALUE") }
        return (name, value)
    }
}
