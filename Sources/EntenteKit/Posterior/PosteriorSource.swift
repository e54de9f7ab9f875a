import Foundation

/// The final population of a calibration results folder, checked for use by `run`/`compare --posterior`.
///
/// Reads `particles.csv` (every generation, ``ParticlesFile``) and takes the last generation in it;
/// reads `manifest.json` and refuses (exit 65) a calibration that is not `"status": "complete"` unless
/// `allowIncomplete`; refuses columns that are not model parameters and values outside a parameter's
/// range at particles.csv:line:column.
public struct PosteriorSource: Sendable {
    /// The results folder, as given.
    public var folder: String
    /// The final generation's population.
    public var population: ParticlePopulation
    /// The model parameter of each column of the population, in column order.
    public var parameters: [Parameter]
    /// The calibration's status from its manifest (`complete`, or what it says; `unknown` without a manifest).
    public var status: String
    /// SHA-256 of particles.csv, for the manifest of the results that use it.
    public var sha256: String
    /// The rule set the calibration was fitted under (its manifest's `calibration.model`, else the
    /// scenarios' common `model`); nil when the manifest does not say.
    public var model: Int? = nil

    /// Reads and checks the calibration results folder `folder`.
    public static func load(folder: String, allowIncomplete: Bool) throws -> PosteriorSource {
        let particlesPath = (folder as NSString).appendingPathComponent("particles.csv")
        let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: particlesPath) else {
            throw EntenteError.noInput("\(particlesPath): cannot read it; --posterior takes the results folder of `entente calibrate` (docs/calibration.md#using-a-posterior)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        let header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        if header.count >= 4 {
            try checkNames(header: header, path: particlesPath)
        }
        let populations = try ParticlesFile.read(path: particlesPath)
        guard let last = populations.last else {
            throw EntenteError.data([Diagnostic("expected at least one particle row after the header; found none — the calibration has not finished a generation",
                                                at: SourceLocation(file: particlesPath, line: 2, column: 1))])
        }
        let (status, model) = try checkManifest(path: manifestPath, finalGeneration: last.generation, allowIncomplete: allowIncomplete)
        let parameters = last.parameterNames.map { Parameter.named($0)! }
        let firstLine = 2 + populations.dropLast().reduce(0) { $0 + $1.count }
        for particle in 0..<last.count {
            for (j, parameter) in parameters.enumerated() {
                let value = last.value(particle: particle, parameter: j)
                let info = parameter.info
                guard value >= info.minimum && value <= info.maximum else {
                    let line = firstLine + particle
                    let fields = line - 1 < lines.count ? lines[line - 1].split(separator: ",", omittingEmptySubsequences: false) : []
                    let column = 1 + fields.prefix(3 + j).reduce(0) { $0 + $1.utf8.count + 1 }
                    throw EntenteError.data([Diagnostic("'\(info.name)' must be in [\(NumberText.plain(info.minimum)), \(NumberText.plain(info.maximum))], the parameter's range (docs/model.md#parameters); found \(NumberText.plain(value))",
                                                        at: SourceLocation(file: particlesPath, line: line, column: column))])
                }
            }
        }
        guard last.weights.contains(where: { $0 > 0 }) else {
            throw EntenteError.data([Diagnostic("every weight of generation \(last.generation) is 0; expected weights normalised to sum to 1",
                                                at: SourceLocation(file: particlesPath, line: firstLine, column: 1 + lines[firstLine - 1].split(separator: ",", omittingEmptySubsequences: false).prefix(2).reduce(0) { $0 + $1.utf8.count + 1 }))])
        }
        return PosteriorSource(folder: folder, population: last, parameters: parameters, status: status, sha256: SHA256.hex(data),
                               model: model)
    }

    /// `settings` with the calibration's rule set applied: `model=N` appended when the calibration
    /// records one and `settings` set none; throws (exit 64) when `settings` ask for another rule set,
    /// since parameters fitted under one model mean something else under the other.
    public func applyingModel(to settings: [String]) throws -> [String] {
        guard let model else { return settings }
        let asked = settings.last { $0.hasPrefix("model=") }.map { String($0.dropFirst("model=".count)) }
        guard let asked else { return settings + ["model=\(model)"] }
        guard Int(asked) == model else {
            throw EntenteError.usage("\(folder) was fitted under model \(model), so its parameter draws mean nothing under model \(asked); drop --model (the posterior's model \(model) is used), or calibrate under model \(asked)")
        }
        return settings
    }

    /// Every parameter column (between `weight` and `share`) must name a model parameter, once.
    private static func checkNames(header: [String], path: String) throws {
        var problems: [Diagnostic] = []
        var seen = Set<String>()
        var column = 1
        let end = header.firstIndex(of: "share") ?? header.count
        for (index, name) in header.enumerated() {
            defer { column += name.utf8.count + 1 }
            guard index >= 3 && index < end else { continue }
            let location = SourceLocation(file: path, line: 1, column: column)
            if Parameter.named(name) == nil {
                problems.append(Diagnostic("column '\(name)' is not a model parameter\(DidYouMean.hint(for: name, among: Parameter.names)); the posterior's columns must be parameters listed in docs/model.md#parameters", at: location))
            } else if !seen.insert(name).inserted {
                problems.append(Diagnostic("parameter '\(name)' appears in two columns; expected each fitted parameter once", at: location))
            }
        }
        if !problems.isEmpty { throw EntenteError.data(problems) }
    }

    /// The calibration's status; refuses an incomplete one unless allowed, and a complete one whose
    /// final generation is not the last in particles.csv.
    private static func checkManifest(path: String, finalGeneration: Int, allowIncomplete: Bool) throws -> (status: String, model: Int?) {
        let hint = "; pass --allow-incomplete to use its last generation (\(finalGeneration)) anyway"
        guard let data = FileManager.default.contents(atPath: path) else {
            if allowIncomplete { return ("unknown", nil) }
            throw EntenteError.data([Diagnostic("no manifest.json beside particles.csv, so the calibration may not be complete" + hint, at: SourceLocation(file: path, line: 1, column: 1))])
        }
        let text = String(decoding: data, as: UTF8.self)
        func location(of key: String) -> SourceLocation {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let range = line.range(of: "\"\(key)\"") {
                    return SourceLocation(file: path, line: number + 1, column: line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
            return SourceLocation(file: path, line: 1, column: 1)
        }
        guard let manifest = try? JSONDecoder().decode(CalibrateManifest.self, from: data),
              manifest.header.tool == "entente", manifest.header.command == "calibrate" else {
            throw EntenteError.data([Diagnostic("expected the manifest of `entente calibrate` (\"tool\": \"entente\", \"command\": \"calibrate\"); --posterior takes a calibration results folder",
                                                at: SourceLocation(file: path, line: 1, column: 1))])
        }
        let status = manifest.status
        guard status == "complete" else {
            if allowIncomplete { return (status, manifest.model) }
            throw EntenteError.data([Diagnostic("the calibration is not complete (status '\(status)'); finish or resume it" + hint, at: location(of: "status"))])
        }
        if let final = manifest.finalGeneration, final != finalGeneration {
            throw EntenteError.data([Diagnostic("final_generation is \(final) but the last generation in particles.csv is \(finalGeneration); the folder was edited or mixed — rerun or resume the calibration",
                                                at: location(of: "final_generation"))])
        }
        return (status, manifest.model)
    }
}
