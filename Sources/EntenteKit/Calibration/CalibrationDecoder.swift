import EntenteCore
import Foundation

/// Reads and validates a calibration file, with every problem at file:line:column.
public struct CalibrationDecoder {
    /// Keys of a calibration file.
    public static let topLevelKeys = ["name", "description", "scenarios", "parameters", "observations", "window", "particles",
                                      "replicates_per_particle", "alpha", "stop", "seed", "model"]
    /// Keys of `stop:`.
    public static let stopKeys = ["min_acceptance", "tolerance", "generations", "simulations"]
    /// Keys of one observation entry.
    public static let observationKeys = ["scenario", "outcome", "weight", "value", "scale"]
    /// Most particles per generation.
    public static let maxParticles = 1_000_000

    /// Creates a decoder.
    public init() {}

    /// Loads `path` and the scenarios it names; `model` (`--model N`) overrides the file's `model:`.
    public func load(path: String, model: Int? = nil) throws -> CalibrationSpec {
        try load(root: YAMLDocumentReader().read(path: path), path: path, model: model)
    }

    /// Validates a parsed calibration file; `path` locates the scenarios it names. `model` (`--model N`)
    /// overrides the file's `model:`; either one sets the rule set of every scenario the particles run.
    public func load(root: YAMLNode, path: String, model modelOverride: Int? = nil) throws -> CalibrationSpec {
        var context = DecodeContext()
        guard let top = FieldReader(root, what: "the calibration", allowed: Self.topLevelKeys,
                                    required: ["scenarios", "parameters"], context: &context) else {
            throw EntenteError.data(context.diagnostics)
        }
        let references = top["scenarios"].flatMap { node -> [(String, YAMLNode)]? in
            guard let items = node.items, !items.isEmpty else {
                context.error("'scenarios' must be a non-empty list of scenario files such as [csto.yaml]; found \(node.foundDescription)", at: node.location)
                return nil
            }
            var result: [(String, YAMLNode)] = []
            for item in items {
                guard let text = context.text(item, field: "scenarios") else { continue }
                if result.contains(where: { $0.0 == text }) {
                    context.error("'scenarios' names \(text) twice; expected each scenario once", at: item.location)
                    continue
                }
                result.append((text, item))
            }
            return result
        } ?? []
        let parameters = top["parameters"].map { decodeParameters($0, context: &context) } ?? []
        let window = top["window"].map { context.integer($0, field: "window", range: 0...1200) } ?? 24
        let particles = top["particles"].map { context.integer($0, field: "particles", range: 2...Self.maxParticles) } ?? 200
        let replicates = top["replicates_per_particle"].map { context.integer($0, field: "replicates_per_particle", range: 1...ScenarioLimits.maxReplicates) } ?? 10
        let alpha = top["alpha"].map { context.number($0, field: "alpha", range: 0.01...0.99) } ?? 0.5
        let seed = top["seed"].map { context.integer($0, field: "seed", range: 0...Int.max).map(UInt64.init) } ?? 1
        // nil: each scenario's own `model:`; .some(nil): a bad value, already reported.
        let fileModel: Int?? = top["model"].map { context.integer($0, field: "model", range: 1...2) }
        var minAcceptance: Double? = 0.01, tolerance: Double?? = .some(nil), generations: Int? = 10, simulations: Int?? = .some(nil)
        if let node = top["stop"], let stop = FieldReader(node, what: "'stop'", allowed: Self.stopKeys, context: &context) {
            if let value = stop["min_acceptance"] { minAcceptance = context.number(value, field: "min_acceptance", range: 0.000001...1) }
            if let value = stop["tolerance"] { tolerance = context.number(value, field: "tolerance", range: 0...Double.greatestFiniteMagnitude).map { .some($0) } ?? nil }
            if let value = stop["generations"] { generations = context.integer(value, field: "generations", range: 1...10_000) }
            if let value = stop["simulations"] { simulations = context.integer(value, field: "simulations", range: 1...Int.max).map { .some($0) } ?? nil }
        }
        let observationNodes = top["observations"].flatMap { node -> [YAMLNode]? in
            guard let items = node.items else {
                context.error("'observations' must be a list of {scenario, outcome, weight} or {scenario, outcome, value, scale, weight}; found \(node.foundDescription)", at: node.location)
                return nil
            }
            return items
        } ?? []
        guard context.diagnostics.isEmpty, let window, let particles, let replicates, let alpha, let seed, let minAcceptance,
              let tolerance, let generations, let simulations else {
            throw EntenteError.data(context.diagnostics)
        }
        let model = modelOverride ?? fileModel ?? nil
        // Scenarios: paths relative to the calibration file; each file's own problems at its own lines.
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let base = URL(fileURLWithPath: absolute).deletingLastPathComponent()
        var scenarios: [Scenario] = []
        var paths: [String] = []
        for (reference, node) in references {
            let resolved = reference.hasPrefix("/") ? reference : base.appendingPathComponent(reference).standardized.path
            let shown = SweepDecoder.displayPath(resolved)
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw EntenteError.data([Diagnostic("scenario file \(reference) not found (looked at \(shown)); paths are relative to the calibration file",
                                                    at: node.location)])
            }
            let scenarioRoot = try YAMLDocumentReader().read(path: resolved, displayName: shown)
            scenarios.append(try ScenarioLoader().load(root: scenarioRoot, file: shown, settings: model.map { ["model=\($0)"] } ?? []))
            paths.append(resolved)
        }
        let targets = decodeTargets(observationNodes, references: references.map(\.0), scenarios: scenarios,
                                    window: window, root: top["observations"] ?? root, context: &context)
        guard context.diagnostics.isEmpty else { throw EntenteError.data(context.diagnostics) }
        let settings = ABCSettings(particles: particles, alpha: alpha, minAcceptance: minAcceptance, tolerance: tolerance,
                                   generations: generations, simulations: simulations, seed: seed)
        return CalibrationSpec(file: path, scenarioReferences: references.map(\.0), scenarioPaths: paths, scenarios: scenarios,
                               parameters: parameters, targets: targets, window: window, replicates: replicates, settings: settings,
                               model: model)
    }

    /// `parameters:` — name: {prior: uniform|loguniform, min, max} or {prior: normal, mean, sd}.
    func decodeParameters(_ node: YAMLNode, context: inout DecodeContext) -> [CalibrationSpec.FittedParameter] {
        guard let entries = node.entries, !entries.isEmpty else {
            context.error("'parameters' must be a non-empty mapping of name: {prior: uniform, min, max}; found \(node.foundDescription)", at: node.location)
            return []
        }
        var result: [CalibrationSpec.FittedParameter] = []
        var seen = Set<String>()
        for entry in entries {
            let name = entry.key.hasPrefix("parameters.") ? String(entry.key.dropFirst("parameters.".count)) : entry.key
            guard let parameter = Parameter.named(name) else {
                context.error("'\(entry.key)' is not a model parameter\(DidYouMean.hint(for: name, among: Parameter.names)); expected a name from docs/model.md", at: entry.keyLocation)
                continue
            }
            guard seen.insert(name).inserted else {
                context.error("parameter '\(name)' is fitted twice; expected each parameter once", at: entry.keyLocation)
                continue
            }
            let info = parameter.info
            let what = "parameter '\(name)'"
            guard let fields = FieldReader(entry.value, what: what, allowed: ["prior", "min", "max", "mean", "sd"],
                                           required: ["prior"], context: &context),
                  let priorNode = fields["prior"] else { continue }
            let kinds = ["uniform", "loguniform", "normal"]
            guard let kind = priorNode.scalarText, kinds.contains(kind) else {
                context.error("'prior' of \(what) must be one of \(kinds.joined(separator: ", ")); found \(priorNode.foundDescription)\(DidYouMean.hint(for: priorNode.scalarText ?? "", among: kinds))", at: priorNode.location)
                continue
            }
            let range = info.minimum...info.maximum
            let rangeText = "[\(NumberText.plain(info.minimum)), \(NumberText.plain(info.maximum))]"
            if kind == "normal" {
                for key in ["min", "max"] where fields.has(key) {
                    context.error("a normal prior takes 'mean' and 'sd' (it is truncated to the parameter's range \(rangeText)); found '\(key)'", at: fields[key]!.location)
                }
                guard let meanNode = fields["mean"], let sdNode = fields["sd"] else {
                    context.error("\(what): a normal prior needs 'mean' and 'sd'", at: entry.keyLocation)
                    continue
                }
                guard let mean = context.number(meanNode, field: "mean", range: range),
                      let sd = context.number(sdNode, field: "sd") else { continue }
                guard sd > 0 else {
                    context.error("'sd' must be greater than 0; found \(NumberText.plain(sd))", at: sdNode.location)
                    continue
                }
                result.append(.init(parameter: parameter, prior: .normal(mean: mean, sd: sd, lower: info.minimum, upper: info.maximum)))
            } else {
                for key in ["mean", "sd"] where fields.has(key) {
                    context.error("a \(kind) prior takes 'min' and 'max'; found '\(key)'", at: fields[key]!.location)
                }
                guard let minNode = fields["min"], let maxNode = fields["max"] else {
                    context.error("\(what): a \(kind) prior needs 'min' and 'max' inside the parameter's range \(rangeText)", at: entry.keyLocation)
                    continue
                }
                guard let low = context.number(minNode, field: "min", range: range),
                      let high = context.number(maxNode, field: "max", range: range) else { continue }
                guard low < high else {
                    context.error("\(what): 'min' (\(NumberText.plain(low))) must be less than 'max' (\(NumberText.plain(high)))", at: minNode.location)
                    continue
                }
                if kind == "loguniform" && low <= 0 {
                    context.error("\(what): a loguniform prior needs min > 0; found \(NumberText.plain(low))", at: minNode.location)
                    continue
                }
                result.append(.init(parameter: parameter, prior: kind == "uniform" ? .uniform(minimum: low, maximum: high)
                                                                                     : .logUniform(minimum: low, maximum: high)))
            }
        }
        return result
    }
}
