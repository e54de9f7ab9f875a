extension ScenarioEditor {
    /// Sets `kinds.NAME.delta`: the size of a diplomatic kind the scenario declares under `kinds:` (the
    /// path's own checks — `delta`, not a built-in kind — are ``ScenarioPath``'s).
    mutating func setKindDelta(kind: String, value: YAMLNode) throws {
        let declared = root["kinds"]?.entries?.map(\.key) ?? []
        guard let kinds = root["kinds"], let entry = kinds[kind] else {
            throw PathError(message: "no kind '\(kind)' is declared under `kinds:`\(DidYouMean.hint(for: kind, among: declared)); expected one of: \(declared.isEmpty ? "none declared" : declared.joined(separator: ", "))")
        }
        root = Self.setting(root, key: "kinds", to: Self.setting(kinds, key: kind, to: Self.setting(entry, key: "delta", to: value)))
    }
}
