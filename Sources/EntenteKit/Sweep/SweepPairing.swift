/// The variants of a paired sweep (`variants:` in the sweep file): at every point each variant runs on
/// the baseline's stream (seed, point, replicate) — common random numbers, as `entente compare` pairs
/// replicates — and its outcomes follow the baseline's on the same runs.csv row.
struct SweepPairing: Sendable {
    /// Variant names, in the sweep file's order.
    let variants: [String]
    /// One engine maker per variant.
    private let engines: [PointEngines]

    /// The pairing of `variants` of `template`'s scenario (none: an ordinary sweep).
    init(template: ScenarioTemplate, variants: [String], paths: [String]) {
        self.variants = variants
        engines = variants.map { PointEngines(template: template.with(variant: $0), paths: paths) }
    }

    /// runs.csv's outcome columns: the baseline's, then each variant's named `VARIANT:OUTCOME`, same kinds.
    static func columns(_ baseline: [OutcomeColumn], variants: [String]) -> [OutcomeColumn] {
        baseline + variants.flatMap { variant in baseline.map { OutcomeColumn(name: "\(variant):\($0.name)", kind: $0.kind) } }
    }

    /// The variants' engines at a point; a variant that cannot be built there fails the point (`variant NAME: …`).
    func engines(_ settings: [(path: String, value: Double)]) throws -> [Engine] {
        try zip(variants, engines).map { name, maker in
            do {
                return try maker.engine(settings)
            } catch {
                let reason = "\(error)"
                throw EntenteError.software("variant \(name): " + (reason.hasPrefix("error: ") ? String(reason.dropFirst(7)) : reason))
            }
        }
    }

    /// The baseline's result followed by each variant's outcomes on the same stream; the row fails
    /// (`variant NAME: …`) when any arm fails, so every recorded row is a complete pair.
    func run(_ variantEngines: [Engine], after baseline: RunResult, replicate: Int, point: Int, seed: UInt64) -> RunResult {
        guard baseline.error == nil else { return baseline }
        var result = baseline
        for (name, engine) in zip(variants, variantEngines) {
            let arm = engine.runOutcomes(replicate: replicate, point: point, seed: seed)
            if let error = arm.error { return RunResult(outcomes: [], error: "variant \(name): \(error)") }
            result.outcomes += arm.outcomes
        }
        return result
    }
}
