/// Makes the engine of each sweep point.
///
/// When every path of the sweep names a model parameter, a point is a typed edit of one decoded
/// ``Scenario`` value: the compiled engine is re-parameterised (its world rebuilt only when an
/// initial-value parameter changes) and no YAML is touched. Paths that change events, the calendar
/// or anything else are typed edits of the template's tree (``PointEdits``), decoded once per point so
/// the edited scenario is validated as `--set` would validate it; a point that fails is rebuilt through
/// the ``ScenarioTemplate`` for the exact `--set` message.
struct PointEngines: Sendable {
    private let template: ScenarioTemplate
    /// The model parameter set by each path, or nil when some path is not a model parameter.
    private let parameters: [Parameter]?
    /// The scenario with the variant and no point applied, for the typed path.
    private let base: Engine?
    /// The paths' edits of the template's tree, when some path is not a model parameter.
    private let edits: PointEdits?

    /// Point engines for `paths` (sweep parameter paths, as written in the sweep file).
    init(template: ScenarioTemplate, paths: [String]) {
        self.template = template
        let named = paths.map(ScenarioPath.parameter(of:))
        if named.allSatisfy({ $0 != nil }), let scenario = try? template.instantiate([]) {
            parameters = named.map { $0! }
            base = Engine(scenario: scenario)
            edits = nil
        } else {
            parameters = nil
            base = nil
            edits = PointEdits(template: template, paths: paths)
        }
    }

    /// Whether points are typed edits (every path names a model parameter).
    var isTyped: Bool { parameters != nil }

    /// The engine of a point given as (path, value) settings, in the sweep's path order.
    func engine(_ settings: [(path: String, value: Double)]) throws -> Engine {
        guard let parameters, let base, settings.count == parameters.count else {
            if let edits, let scenario = edits.scenario(settings.map(\.value)) { return Engine(scenario: scenario) }
            return Engine(scenario: try template.instantiate(settings))
        }
        var values = base.scenario.parameters
        for (parameter, setting) in zip(parameters, settings) {
            let info = parameter.info
            // Out of range (a rounding at a log-scale end, say): the template path reports it exactly as `--set` would.
            guard setting.value >= info.minimum && setting.value <= info.maximum else {
                return Engine(scenario: try template.instantiate(settings))
            }
            values[parameter] = setting.value
        }
        return base.reparameterised(values)
    }
}
