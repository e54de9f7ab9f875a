import Foundation

/// Loads a scenario file with an optional variant and `--set` overrides, validating everything.
public struct ScenarioLoader: Sendable {
    /// Read limits.
    public var limits: YAMLLimits

    /// Creates a loader.
    public init(limits: YAMLLimits = .standard) { self.limits = limits }

    /// Loads `path`. Bad overrides throw ``EntenteError/usage(_:)``; bad files ``EntenteError/data(_:)``.
    public func load(path: String, variant: String? = nil, settings: [String] = []) throws -> Scenario {
        let root = try YAMLDocumentReader(limits: limits).read(path: path)
        return try load(root: root, file: path, variant: variant, settings: settings)
    }

    /// Loads an already parsed tree.
    ///
    /// The file is validated alone first, then with the variant, then with the `--set` values: a problem
    /// that appears only with the settings is the command line's (exit 64) and names the `--set` that
    /// caused it, also when it shows at another place of the file (`--set calendar.end=2020-03` leaving an
    /// event outside the calendar).
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
        if variant == nil && settings.isEmpty {
            try Self.validateVariants(of: base, root: root, file: file)
            return base
        }
        let withVariant = editor
        try Self.apply(settings, to: &editor)
        do {
            return try ScenarioDecoder(overrideLocations: editor.overrideLocations).decode(editor.root, file: file)
        } catch EntenteError.data(let diagnostics) {
            if settings.isEmpty { throw EntenteError.data(diagnostics) }
            throw try Self.blame(settings, from: withVariant, file: file)
        }
    }

    /// Applies `--set` values; a path that names nothing, or one set twice (also through another spelling:
    /// `betrayal` and `parameters.betrayal`), is a usage error rather than the last value silently winning.
    static func apply(_ settings: [String], to editor: inout ScenarioEditor) throws {
        var earlier: [String: String] = [:]
        for setting in settings {
            let (name, value) = try split(setting)
            let path = ScenarioEditor.canonicalPath(name)
            if let first = earlier[path] {
                throw EntenteError.usage("--set \(setting): '\(path)' is already set by --set \(first); expected each path once")
            }
            earlier[path] = setting
            let node = YAMLNode(.scalar(value, quoted: false), at: SourceLocation(argument: "--set " + setting))
            do { try editor.set(path: name, value: node) } catch let error as ScenarioEditor.PathError {
                throw EntenteError.usage("--set \(setting): \(error.message)")
            }
        }
    }

    /// The error for settings that make a valid file (or variant) invalid: the variant's own problems if it
    /// fails without them, otherwise the problems of the first setting that breaks it, each naming that
    /// setting. Only reached on failure, so re-decoding costs nothing on the way to a run.
    static func blame(_ settings: [String], from start: ScenarioEditor, file: String) throws -> EntenteError {
        var editor = start
        var failure: (setting: String, diagnostics: [Diagnostic])?
        do {
            _ = try ScenarioDecoder(overrideLocations: editor.overrideLocations).decode(editor.root, file: file)
        } catch EntenteError.data(let diagnostics) {
            return .data(diagnostics)  // the variant alone is invalid
        }
        for setting in settings where failure == nil {
            try apply([setting], to: &editor)
            do {
                _ = try ScenarioDecoder(overrideLocations: editor.overrideLocations).decode(editor.root, file: file)
            } catch EntenteError.data(let diagnostics) {
                failure = (setting, diagnostics)
            }
        }
        guard let (setting, diagnostics) = failure else {
            return .software("--set \(settings.joined(separator: " --set ")) failed validation together but not one by one; please report this")
        }
        let lines = diagnostics.map { diagnostic -> String in
            if let argument = diagnostic.location?.argument { return "\(argument): \(diagnostic.message)" }
            let place = diagnostic.location.map { "\($0): " } ?? ""
            return "--set \(setting): \(place)\(diagnostic.message)"
        }
        return .usage(lines.joined(separator: "\nerror: "))
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
