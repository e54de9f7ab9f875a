extension ScenarioEditor {
    /// Sets `kinds.NAME.delta`: the size of a diplomatic kind the scenario declares under `kinds:`.
    mutating func setKindField(kind: String, field: String, value: YAMLNode) throws {
        guard field == "delta" else { throw PathError(message: "unknown field '\(field)' of kind '\(kind)'; expected kinds.\(kind).delta") }
        if let builtIn = Diplomacy.Kind(rawValue: kind) {
            throw PathError(message: "kind '\(kind)' is built in; set its size with the parameter \(builtIn.sizeParameter.info.name)")
        }
        let declared = root["kinds"]?.entries?.map(\.key) ?? []
        guard let kinds = root["kinds"], let entry = kinds[kind] else {
            throw PathError(message: "no kind '\(kind)' is declared under `kinds:`\(DidYouMean.hint(for: kind, among: declared)); expected one of: \(declared.isEmpty ? "none declared" : declared.joined(separator: ", "))")
        }
        root = Self.setting(root, key: "kinds", to: Self.setting(kinds, key: kind, to: Self.setting(entry, key: "delta", to: value)))
    }
}
