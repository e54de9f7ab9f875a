extension ScenarioLoader {
    /// Applies and decodes every declared variant of a valid base file, so `check` (and a run of the base)
    /// refuses a variant that would fail when chosen. Each problem is reported at the variant's own line,
    /// naming it: a value the variant sets keeps its own position; a problem it causes elsewhere (an event
    /// its `set: calendar.end` leaves outside the calendar) is reported at the variant, citing that place.
    /// A setting that gives a path the value it already has (the file's, or a parameter's default) changes
    /// nothing and is refused at the value.
    static func validateVariants(of base: Scenario, root: YAMLNode, file: String) throws {
        var diagnostics: [Diagnostic] = []
        for variant in base.variants {
            var editor = ScenarioEditor(root: root)
            for (path, value) in variant.settings where editor.setsBaseValue(path: path, value: value) {
                diagnostics.append(Diagnostic("variant '\(variant.name)': '\(path)' is already \(editor.baseScalar(at: path) ?? "") in the base scenario, so this setting changes nothing; expected a different value, or remove the setting",
                                              at: value.location))
            }
            do {
                try editor.apply(variant)
                _ = try ScenarioDecoder(overrideLocations: editor.overrideLocations).decode(editor.root, file: file)
            } catch EntenteError.data(let found) {
                for diagnostic in found {
                    let prefix = "variant '\(variant.name)': "
                    let message = diagnostic.message.hasPrefix(prefix) ? String(diagnostic.message.dropFirst(prefix.count)) : diagnostic.message
                    if let location = diagnostic.location, editor.overrideLocations.contains(location) || location == variant.location {
                        diagnostics.append(Diagnostic(prefix + message, at: location))
                    } else {
                        let place = diagnostic.location.map { " (at \($0))" } ?? ""
                        diagnostics.append(Diagnostic(prefix + message + place, at: variant.location))
                    }
                }
            }
        }
        if !diagnostics.isEmpty { throw EntenteError.data(diagnostics) }
    }
}
