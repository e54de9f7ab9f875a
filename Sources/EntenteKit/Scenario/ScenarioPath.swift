import EntenteCore

/// A `--set`, variant `set:` or sweep path, parsed once into what it names.
///
/// Parsing checks what the path itself says (a known parameter, a calendar field, `kinds.NAME.delta`
/// rather than a built-in kind); what depends on the scenario (a declared kind, an item with that id)
/// is checked when the path is applied to a tree (``ScenarioEditor/set(_:value:)``). A sweep parses its
/// paths once and applies the typed paths at every point, without building or splitting `NAME=VALUE` text.
public enum ScenarioPath: Hashable, Sendable {
    /// A top-level setting: `seed`, `replicates`, `name` or `model`.
    case setting(String)
    /// A model parameter (`betrayal` or `parameters.betrayal`).
    case parameter(Parameter)
    /// `calendar.start`, `calendar.end` or `calendar.step`.
    case calendar(String)
    /// `kinds.NAME.delta`: the size of a kind the scenario declares under `kinds:`.
    case kindDelta(String)
    /// `states.ID.FIELD`, `blocs.ID.FIELD` or `events.ID.FIELD`.
    case item(list: String, id: String, field: String)

    /// Top-level keys a path of one part sets directly.
    static let settings: Set<String> = ["seed", "replicates", "name", "model"]

    /// Parses `path`; throws ``ScenarioEditor/PathError`` for a path that can name nothing in any scenario.
    public init(_ path: String) throws {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where Self.settings.contains(parts[0]):
            self = .setting(parts[0])
        case 1:
            self = .parameter(try Self.parameter(parts[0]))
        case 2 where parts[0] == "parameters":
            self = .parameter(try Self.parameter(parts[1]))
        case 2 where parts[0] == "calendar":
            guard ["start", "end", "step"].contains(parts[1]) else {
                throw ScenarioEditor.PathError(message: "unknown calendar field '\(parts[1])'; expected start, end or step")
            }
            self = .calendar(parts[1])
        case _ where parts[0] == "observed":
            throw ScenarioEditor.PathError(message: "'observed' records what really happened and cannot be changed by --set or a variant; edit the file instead")
        case 3 where parts[0] == "kinds":
            let (kind, field) = (parts[1], parts[2])
            guard field == "delta" else {
                throw ScenarioEditor.PathError(message: "unknown field '\(field)' of kind '\(kind)'; expected kinds.\(kind).delta")
            }
            if let builtIn = Diplomacy.Kind(rawValue: kind) {
                throw ScenarioEditor.PathError(message: "kind '\(kind)' is built in; set its size with the parameter \(builtIn.sizeParameter.info.name)")
            }
            self = .kindDelta(kind)
        case 3 where ["states", "blocs", "events"].contains(parts[0]):
            self = .item(list: parts[0], id: parts[1], field: parts[2])
        default:
            let hint = DidYouMean.hint(for: path, among: Parameter.names)
            throw ScenarioEditor.PathError(message: "unknown name or path '\(path)'\(hint); expected a parameter name (see docs/model.md), seed, replicates, calendar.FIELD, kinds.NAME.delta, or states|blocs|events.ID.FIELD")
        }
    }

    /// The model parameter a path sets, or nil for any other path (also one that does not parse).
    public static func parameter(of path: String) -> Parameter? {
        if case .parameter(let parameter)? = try? ScenarioPath(path) { return parameter }
        return nil
    }

    private static func parameter(_ name: String) throws -> Parameter {
        guard let parameter = Parameter.named(name) else {
            throw ScenarioEditor.PathError(message: "unknown parameter '\(name)'\(DidYouMean.hint(for: name, among: Parameter.names)); see docs/model.md for the list")
        }
        return parameter
    }
}
