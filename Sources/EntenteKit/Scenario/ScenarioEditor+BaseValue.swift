import EntenteCore

extension ScenarioEditor {
    /// The scalar a `set:` path holds in the tree before any edit: the file's value, or the default (under the file's
    /// `model:`) of a parameter the file does not set; nil when the path holds no scalar (absent field, list, mapping) or
    /// names nothing (``set(path:value:)`` reports that).
    func baseScalar(at path: String) -> String? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func parameter(_ name: String) -> String? {
            guard let parameter = Parameter.named(name) else { return nil }
            return root["parameters"]?[name]?.scalarText ?? NumberText.plain(ModelDefaults.value(of: parameter, model: Int(root["model"]?.scalarText ?? "") ?? 1))
        }
        switch parts.count {
        case 1 where ["seed", "replicates", "name"].contains(parts[0]): return root[parts[0]]?.scalarText
        case 1: return parameter(parts[0])
        case 2 where parts[0] == "parameters": return parameter(parts[1])
        case 2 where parts[0] == "calendar": return root["calendar"]?[parts[1]]?.scalarText
        case 3 where parts[0] == "kinds": return root["kinds"]?[parts[1]]?[parts[2]]?.scalarText
        case 3 where ["states", "blocs", "events"].contains(parts[0]):
            return root[parts[0]]?.items?.first { $0["id"]?.scalarText == parts[1] }?[parts[2]]?.scalarText
        default: return nil
        }
    }

    /// True when setting `path` to `value` leaves the base unchanged: the same text, or two numbers that are equal.
    func setsBaseValue(path: String, value: YAMLNode) -> Bool {
        guard let new = value.scalarText, !value.isNull, let old = baseScalar(at: path) else { return false }
        if new == old { return true }
        if let a = DecodeContext.parseNumber(new), let b = DecodeContext.parseNumber(old) { return a == b }
        return false
    }
}
