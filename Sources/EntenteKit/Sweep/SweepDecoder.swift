import Foundation

/// Reads and validates a sweep file, including every swept path against its scenario.
public struct SweepDecoder {
    /// Keys of a sweep file.
    public static let topLevelKeys = ["name", "description", "scenario", "variant", "seed", "replicates", "design",
                                      "samples", "parameters", "outcomes", "record", "variants"] + designOptionKeys

    /// Most points a design may have: a grid's product of value counts, or `samples`. Every point is held in
    /// memory (and written to manifest.json), so 10^6 points of 40 parameters already take about 400 MB.
    public static let maxPoints = 1_000_000
    /// Most runs (points × replicates) in one sweep.
    public static let maxRuns = 100_000_000

    /// Creates a decoder.
    public init() {}

    /// Loads `path`: the sweep, and the scenario template its runs instantiate.
    public func load(path: String) throws -> (SweepSpec, ScenarioTemplate) {
        try load(root: YAMLDocumentReader().read(path: path), path: path)
    }

    /// Validates an already parsed sweep file; `path` locates the scenario it names.
    public func load(root: YAMLNode, path: String) throws -> (SweepSpec, ScenarioTemplate) {
        var context = DecodeContext()
        guard let top = FieldReader(root, what: "the sweep", allowed: Self.topLevelKeys,
                                    required: ["scenario", "parameters"], context: &context) else {
            throw EntenteError.data(context.diagnostics)
        }
        let reference = top["scenario"].flatMap { context.text($0, field: "scenario") }
        let variant = top["variant"].flatMap { context.identifier($0, field: "variant") }
        let seed = top["seed"].map { context.integer($0, field: "seed", range: 0...Int.max).map(UInt64.init) } ?? 1
        let replicates = top["replicates"].map { context.integer($0, field: "replicates", range: 1...ScenarioLimits.maxReplicates) } ?? 10
        var design: DesignName? = .grid
        if let node = top["design"] {
            design = node.scalarText.flatMap(DesignName.init(rawValue:))
            if design == nil {
                context.error("'design' must be one of \(DesignRegistry.names.joined(separator: ", ")); found \(node.foundDescription)\(Self.designHint(node.scalarText ?? ""))", at: node.location)
            }
        }
        let samples = top["samples"].map { context.integer($0, field: "samples", range: 1...Self.maxPoints) } ?? 64
        var record: SweepSpec.Record? = .outcomes
        if let node = top["record"] {
            record = node.scalarText.flatMap(SweepSpec.Record.init(rawValue:))
            if record == nil { context.error("'record' must be outcomes or full; found \(node.foundDescription)", at: node.location) }
        }
        var outcomes: YAMLNode?
        if let node = top["outcomes"], node.scalarText != "from-scenario" {
            if node.items == nil {
                context.error("'outcomes' must be from-scenario or a list of outcomes as in scenario files; found \(node.foundDescription)", at: node.location)
            } else {
                outcomes = node
            }
        }
        let parameters = top["parameters"].map { decodeParameters($0, context: &context) } ?? []
        if design == .grid {
            for parameter in parameters where parameter.gridValues == nil {
                context.error("parameter '\(parameter.path)' needs 'steps' or 'values' in a grid design", at: parameter.location)
            }
        }
        let designOptions = try decodeDesignOptions(top, design: design, samples: samples, parameters: parameters, path: path, context: &context)
        if design == .sobol && parameters.count > 40 {
            context.error("a sobol design supports at most 40 parameters (GSL's limit); found \(parameters.count)", at: root.location)
        }
        if context.diagnostics.isEmpty, let design, let samples, let replicates {
            checkSize(design: design, samples: samples, replicates: replicates, parameters: parameters, options: designOptions,
                      top: top, root: root, context: &context)
        }
        guard context.diagnostics.isEmpty, let reference, let seed, let replicates, let design, let samples, let record else {
            throw EntenteError.data(context.diagnostics)
        }
        let (scenarioPath, template) = try Self.template(reference: reference, at: top["scenario"]!.location, sweepPath: path,
                                                        outcomes: outcomes, variant: variant)
        var problems: [Diagnostic] = []
        do {
            _ = try template.instantiate([])
        } catch let error as EntenteError {
            if case .data(let diagnostics) = error { throw EntenteError.data(diagnostics) }
            throw EntenteError.data([Diagnostic(Self.strip(error.description), at: top["variant"]?.location ?? root.location)])
        }
        for parameter in parameters {
            if let problem = try Self.problem(of: parameter, in: template) { problems.append(problem) }
        }
        guard problems.isEmpty else { throw EntenteError.data(problems) }
        let variants = try decodeVariants(top["variants"], top: top, template: template, record: record)
        let spec = SweepSpec(file: path, scenarioPath: scenarioPath, scenarioReference: reference, variant: variant, seed: seed,
                             replicates: replicates, design: design, samples: samples, parameters: parameters,
                             outcomes: outcomes, record: record, root: root)
        var withOptions = spec
        withOptions.designOptions = designOptions
        withOptions.variants = variants
        return (withOptions, template)
    }

    /// Reads the scenario the sweep names (relative to the sweep file) into a template, with the sweep's
    /// outcome list in place of the scenario's; returns the scenario's path and the template.
    static func template(reference: String, at location: SourceLocation, sweepPath path: String, outcomes: YAMLNode?,
                         variant: String?) throws -> (String, ScenarioTemplate) {
        // Absolute first: `standardized` on a relative URL drops a leading `..` (`../sweep.yaml`).
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let base = URL(fileURLWithPath: absolute).deletingLastPathComponent()
        let scenarioPath = reference.hasPrefix("/") ? reference : base.appendingPathComponent(reference).standardized.path
        let relativePath = displayPath(scenarioPath)
        // lstat: a symbolic link loop or a dangling link exists as a link; the reader names it as such.
        var link = stat()
        guard lstat(scenarioPath, &link) == 0 else {
            throw EntenteError.data([Diagnostic("scenario file \(reference) not found (looked at \(relativePath)); paths are relative to the sweep file",
                                                at: location)])
        }
        var scenarioRoot = try YAMLDocumentReader().read(path: scenarioPath, displayName: relativePath)
        if let outcomes {
            var entries = scenarioRoot.entries ?? []
            // The scenario's `observed:` refers to its own outcomes, which this list replaces; a sweep
            // scores nothing against history, so the observations are dropped with them.
            entries.removeAll { $0.key == "outcomes" || $0.key == "observed" }
            entries.append(.init(key: "outcomes", keyLocation: outcomes.location, value: outcomes))
            scenarioRoot = YAMLNode(.mapping(entries), at: scenarioRoot.location)
        }
        return (scenarioPath, ScenarioTemplate(file: relativePath, root: scenarioRoot, variant: variant))
    }

    /// Refuses a design of more than ``maxPoints`` points or a sweep of more than ``maxRuns`` runs. Checked
    /// before the design is built: a grid of two 10^6-step ranges would otherwise try to hold 10^12 points.
    func checkSize(design: DesignName, samples: Int, replicates: Int, parameters: [SweepParameter], options: DesignOptions,
                   top: FieldReader, root: YAMLNode, context: inout DecodeContext) {
        let counts = DesignRegistry.pointCount(design, parameters: parameters.count, samples: samples, options: options).map { [$0] }
            ?? parameters.map(\.gridCount)
        var points = 1
        var overflow = false
        for count in counts where !overflow { (points, overflow) = points.multipliedReportingOverflow(by: count) }
        let node = top["parameters"] ?? root
        if overflow || points > Self.maxPoints {
            let size = overflow ? "more than \(Int.max)" : "\(points)"
            let factors = design == .grid && counts.count > 1 ? " (\(counts.map(String.init).joined(separator: " × ")))" : ""
            context.error("the \(design.rawValue) design has \(size) points\(factors); expected at most \(Self.maxPoints) points (use fewer steps, values or samples)",
                          at: design == .grid ? node.location : (top["samples"] ?? node).location)
        } else if points.multipliedReportingOverflow(by: replicates).overflow || points * replicates > Self.maxRuns {
            context.error("the sweep has \(points) points × \(replicates) replicates; expected at most \(Self.maxRuns) runs (use fewer points or replicates, or shards)",
                          at: (top["replicates"] ?? node).location)
        }
    }

    /// The first problem of a swept parameter, located at its line of the sweep file: a path that names
    /// nothing, or the first extreme value the scenario refuses (with the decoder's reasons; a reason placed
    /// elsewhere in the scenario keeps its own location).
    static func problem(of parameter: SweepParameter, in template: ScenarioTemplate) throws -> Diagnostic? {
        for value in parameter.extremes {
            switch try template.check(path: parameter.path, value: value) {
            case .accepted:
                continue
            case .unknownPath(let reason):
                return Diagnostic("parameter '\(parameter.path)': \(reason)", at: parameter.location)
            case .rejected(let diagnostics):
                let reasons = diagnostics.map { diagnostic -> String in
                    if diagnostic.location?.argument != nil { return diagnostic.message }
                    return (diagnostic.location.map { "\($0): " } ?? "") + diagnostic.message
                }
                return Diagnostic("parameter '\(parameter.path)' cannot take \(NumberText.plain(value)): \(reasons.joined(separator: "\nerror: "))",
                                  at: parameter.location)
            }
        }
        return nil
    }

    func decodeParameters(_ node: YAMLNode, context: inout DecodeContext) -> [SweepParameter] {
        guard let entries = node.entries, !entries.isEmpty else {
            context.error("'parameters' must be a non-empty mapping of path: {values: [...]} or {from, to, steps?, scale?}; found \(node.foundDescription)", at: node.location)
            return []
        }
        var result: [SweepParameter] = []
        var canonical: [String: (path: String, line: Int)] = [:]
        for entry in entries {
            if let reason = Self.unsweepable[entry.key] {
                context.error("parameter '\(entry.key)' cannot be swept: \(reason)", at: entry.keyLocation)
                continue
            }
            let target = Self.canonicalPath(entry.key)
            if let first = canonical[target] {
                context.error("parameters '\(first.path)' (line \(first.line)) and '\(entry.key)' name the same value; sweep it under one of the two names",
                              at: entry.keyLocation)
                continue
            }
            canonical[target] = (entry.key, entry.keyLocation.line)
            if let items = entry.value.items {
                // `betrayal: [1, 2]` is the NetLogo/EMA habit: say how Entente spells a list of values.
                let shown = items.map { $0.scalarText ?? "…" }.joined(separator: ", ")
                context.error("parameter '\(entry.key)' is a list; write the values to sweep as '\(entry.key): {values: [\(shown)]}'", at: entry.value.location)
                continue
            }
            guard let fields = FieldReader(entry.value, what: "parameter '\(entry.key)'", allowed: ["values", "from", "to", "steps", "scale"],
                                           context: &context) else { continue }
            if let valuesNode = fields["values"] {
                if fields.has("from") || fields.has("to") || fields.has("steps") {
                    context.error("parameter '\(entry.key)' gives both 'values' and a range; expected one of them", at: entry.keyLocation)
                    continue
                }
                guard let values = context.list(valuesNode, field: "values", element: { context, item in context.number(item, field: "values") }) else { continue }
                guard !values.isEmpty else {
                    context.error("parameter '\(entry.key)' has an empty 'values' list", at: valuesNode.location)
                    continue
                }
                result.append(SweepParameter(path: entry.key, domain: .values(values), location: entry.keyLocation))
                continue
            }
            guard let fromNode = fields["from"], let toNode = fields["to"] else {
                context.error("parameter '\(entry.key)' needs 'values' or both 'from' and 'to'", at: entry.keyLocation)
                continue
            }
            let from = context.number(fromNode, field: "from")
            let to = context.number(toNode, field: "to")
            var steps: Int?? = .some(nil)
            if let node = fields["steps"] { steps = context.integer(node, field: "steps", range: 1...1_000_000).map { .some($0) } ?? nil }
            var scale: SweepParameter.Scale? = .linear
            if let node = fields["scale"] {
                scale = node.scalarText.flatMap(SweepParameter.Scale.init(rawValue:))
                if scale == nil { context.error("'scale' must be linear or log; found \(node.foundDescription)", at: node.location) }
            }
            guard let from, let to, let steps, let scale else { continue }
            if from > to {
                context.error("parameter '\(entry.key)': 'from' (\(from)) is greater than 'to' (\(to)); expected from ≤ to", at: fromNode.location)
                continue
            }
            if scale == .log && from <= 0 {
                context.error("parameter '\(entry.key)': a log scale needs from > 0; found \(from)", at: fromNode.location)
                continue
            }
            result.append(SweepParameter(path: entry.key, domain: .range(from: from, to: to, steps: steps, scale: scale), location: entry.keyLocation))
        }
        return result
    }

    /// Scenario paths a sweep may not vary, with the reason.
    static let unsweepable = [
        "seed": "each run's random stream comes from the sweep's own 'seed' key, the point and the replicate (the seed column of runs.csv), so a swept scenario seed would change nothing; set 'seed' at the top of the sweep file",
        "replicates": "every point runs the sweep's own 'replicates' replicates, so a swept scenario value would change nothing; set 'replicates' at the top of the sweep file",
        "name": "it is a label, not a value a run depends on",
    ]

    /// The one spelling of a path that several spellings reach: `NAME` is `parameters.NAME`.
    static func canonicalPath(_ path: String) -> String {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 1 && !["seed", "replicates", "name"].contains(path) { return "parameters." + path }
        return path
    }

    static func strip(_ message: String) -> String {
        message.hasPrefix("error: ") ? String(message.dropFirst(7)) : message
    }

    static func displayPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }
}
