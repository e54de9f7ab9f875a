/// Checking one swept path and value against a template, with the editor's and decoder's typed results
/// (no message text is read back).
extension ScenarioTemplate {
    /// What setting a path to a value does to the template's scenario.
    enum SettingCheck {
        /// The scenario decodes with it.
        case accepted
        /// The path names nothing in the scenario (the editor's reason).
        case unknownPath(String)
        /// The value makes the scenario invalid (the decoder's diagnostics; the value's own location is
        /// a `--set` argument).
        case rejected([Diagnostic])
    }

    /// Sets `path` to `value` on the template (with its variant) and decodes it, as `--set` would.
    func check(path: String, value: Double) throws -> SettingCheck {
        let base = try ScenarioDecoder().decode(root, file: file)
        var editor = ScenarioEditor(root: root)
        if let variant, let spec = base.variants.first(where: { $0.name == variant }) { try editor.apply(spec) }
        let text = NumberText.plain(value)
        let node = YAMLNode(.scalar(text, quoted: false), at: SourceLocation(argument: "--set \(path)=\(text)"))
        do {
            try editor.set(path: path, value: node)
        } catch let error as ScenarioEditor.PathError {
            return .unknownPath(error.message)
        }
        do {
            _ = try ScenarioDecoder(overrideLocations: editor.overrideLocations).decode(editor.root, file: file)
            return .accepted
        } catch EntenteError.data(let diagnostics) {
            return .rejected(diagnostics)
        }
    }
}
