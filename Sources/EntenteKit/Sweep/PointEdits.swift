import Foundation

/// The points of a sweep whose paths are not all model parameters (events, the calendar, kinds): the
/// swept paths parsed once into ``ScenarioPath``s and the template's tree with its variant applied
/// once, so a point's scenario is its typed edits on that tree and one decode. The file is not re-read,
/// the base not decoded again, the variant not re-applied, and no `NAME=VALUE` text is built or split.
///
/// A point the decoder refuses gives nil: ``ScenarioTemplate/instantiate(_:)`` then builds it the way
/// `--set` does, for the message that names the setting to blame (only reached on failure).
struct PointEdits: Sendable {
    private let file: String
    /// The template's tree with its variant applied and no point set.
    private let start: ScenarioEditor
    /// Each swept path as written in the sweep file, and parsed.
    private let paths: [(text: String, path: ScenarioPath)]
    /// `--model N`, set after the swept paths as the template does.
    private let model: Int?

    /// The edits of `paths` on `template`; nil when the template or a path would fail (the template's
    /// own path reports why, with its exact message).
    init?(template: ScenarioTemplate, paths: [String]) {
        guard let base = try? ScenarioDecoder().decode(template.root, file: template.file) else { return nil }
        var editor = ScenarioEditor(root: template.root)
        if let variant = template.variant {
            guard let spec = base.variants.first(where: { $0.name == variant }), (try? editor.apply(spec)) != nil else { return nil }
        }
        var parsed: [(text: String, path: ScenarioPath)] = []
        var canonical: Set<String> = template.model == nil ? [] : ["model"]
        for text in paths {
            // A path `--set` would trim, or one named twice, takes the template's path (and its message).
            guard text == text.trimmingCharacters(in: .whitespaces), canonical.insert(ScenarioEditor.canonicalPath(text)).inserted,
                  let path = try? ScenarioPath(text) else { return nil }
            parsed.append((text, path))
        }
        file = template.file
        start = editor
        self.paths = parsed
        model = template.model
    }

    /// The scenario at a point (`values` in the order of the paths), or nil when it does not decode.
    func scenario(_ values: [Double]) -> Scenario? {
        guard values.count == paths.count else { return nil }
        var editor = start
        do {
            for ((text, path), value) in zip(paths, values) {
                let shown = NumberText.plain(value)
                try editor.set(path, value: YAMLNode(.scalar(shown, quoted: false), at: SourceLocation(argument: "--set \(text)=\(shown)")))
            }
            if let model {
                try editor.set(.setting("model"), value: YAMLNode(.scalar("\(model)", quoted: false), at: SourceLocation(argument: "--set model=\(model)")))
            }
            return try ScenarioDecoder(overrideLocations: editor.overrideLocations).decode(editor.root, file: file)
        } catch {
            return nil
        }
    }
}
