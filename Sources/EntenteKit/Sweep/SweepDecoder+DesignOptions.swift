import Foundation

/// The keys of the sensitivity designs (`second_order`, `skip`, `levels`, `candidates`), `design: file`'s `file`, and their rules.
extension SweepDecoder {
    /// Keys that only the saltelli and morris designs read.
    static let designOptionKeys = ["second_order", "skip", "levels", "candidates", "file"]

    /// Reads the design options; reports keys that do not belong to `design` and parameters the
    /// design cannot use (saltelli and morris need `from`/`to` ranges: their points are positions in the unit cube).
    func decodeDesignOptions(_ top: FieldReader, design: DesignName?, samples: Int?, parameters: [SweepParameter],
                             path: String, context: inout DecodeContext) throws -> DesignOptions {
        var options = DesignOptions()
        let owner: [String: DesignName] = ["second_order": .saltelli, "skip": .saltelli, "levels": .morris, "candidates": .morris, "file": .file]
        for key in Self.designOptionKeys {
            guard let node = top[key], let design else { continue }
            if owner[key] != design {
                context.error("'\(key)' belongs to the \(owner[key]!.rawValue) design; this sweep's design is \(design.rawValue)", at: node.location)
                continue
            }
            switch key {
            case "second_order": options.secondOrder = context.boolean(node, field: key) ?? options.secondOrder
            case "skip": options.skip = context.integer(node, field: key, range: 0...1_000_000) ?? options.skip
            case "levels":
                if let levels = context.integer(node, field: key, range: 2...1000) {
                    if levels % 2 != 0 { context.error("'levels' must be even (Morris's step p/(2(p−1)) needs it); found \(levels)", at: node.location) }
                    options.levels = levels
                }
            case "file": break
            default:
                if let candidates = context.integer(node, field: key, range: 2...10_000) {
                    if let samples, candidates < samples {
                        context.error("'candidates' (\(candidates)) must be at least 'samples' (\(samples)), the trajectories kept", at: node.location)
                    }
                    options.candidates = candidates
                }
            }
        }
        if design == .saltelli || design == .morris {
            for parameter in parameters {
                if case .range(_, _, let steps, _) = parameter.domain, steps == nil { continue }
                context.error("parameter '\(parameter.path)' needs a 'from'/'to' range without 'steps' in a \(design!.rawValue) design", at: parameter.location)
            }
        }
        if design == .saltelli && 2 * parameters.count > 40 {
            context.error("a saltelli design supports at most 20 parameters (its base matrix has 2k columns, GSL's Sobol limit is 40); found \(parameters.count)",
                          at: top["parameters"]?.location ?? top.node.location)
        }
        if design == .file {
            guard let node = top["file"] else {
                context.error("a file design needs 'file': the CSV of parameter columns, relative to the sweep file", at: top["design"]?.location ?? top.node.location)
                return options
            }
            guard let reference = context.text(node, field: "file"), context.diagnostics.isEmpty else { return options }
            let base = (path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path) as NSString
            let resolved = reference.hasPrefix("/") ? reference : (base.deletingLastPathComponent as NSString).appendingPathComponent(reference)
            let display = Self.displayPath((resolved as NSString).standardizingPath)
            switch DesignFileReader.read(path: resolved, displayName: display, parameters: parameters, maxRows: Self.maxPoints) {
            case .success(let rows):
                options.rows = rows
                options.filePath = resolved
            case .failure(.noInput):
                context.error("design file \(reference) not found (looked at \(display)); paths are relative to the sweep file", at: node.location)
            case .failure(let error): throw error
            }
        }
        return options
    }
}
