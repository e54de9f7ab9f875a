import Foundation

/// `entente validate`: runs each case's baseline and scores its observed outcomes, writing
/// validation.csv, cases.csv and manifest.json atomically into a results folder.
public enum ValidationRun {
    /// What to validate.
    public struct Request: Sendable {
        /// Replicates per case (the files' `replicates:` is not used).
        public var replicates = 500
        /// Window W in months.
        public var window = 24
        /// One seed for every case; nil runs each case with its own `seed:`.
        public var seed: UInt64?
        /// `--set` overrides (model parameters), applied to every case.
        public var settings: [String] = []
        /// Output folder (the CLI chooses the default).
        public var out: String
        /// Replace an existing folder.
        public var force = false
        /// Worker threads.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// The command line, for the manifest.
        public var commandLine = ""
        /// `--posterior DIR --draws M`: score under the posterior predictive of a calibration; nil: the cases' parameters.
        public var posterior: ValidationPosterior?

        /// A request writing into `out`.
        public init(out: String) { self.out = out }
    }

    /// Runs every case and writes the folder; `progress(done, total, file)` is called before each case.
    public static func execute(_ cases: ValidationCases, request: Request,
                               progress: (Int, Int, String) -> Void = { _, _, _ in }) throws -> ValidationReport {
        let started = Date()
        try request.posterior?.check(replicates: request.replicates, settings: request.settings)
        let folder = try ResultsFolder(path: request.out, force: request.force, inputs: cases.scenarios.map(\.file))
        do {
            var scores: [CaseScore] = []
            var draws = CSVBuffer(header: ["case_file", "draw", "particle"] + (request.posterior?.source.population.parameterNames ?? []))
            for (index, scenario) in cases.scenarios.enumerated() {
                progress(index, cases.scenarios.count, scenario.file)
                scores.append(try score(scenario, request: request))
                if let posterior = request.posterior {
                    for (draw, particle) in try posterior.particles(seed: request.seed ?? scenario.seed).enumerated() {
                        draws.field(scenario.file); draws.field(draw); draws.field(particle)
                        for value in posterior.source.population.values(ofParticle: particle) { draws.field(value) }
                        draws.endRow()
                    }
                }
            }
            let report = ValidationReport(cases: scores, window: request.window, replicates: request.replicates)
            try folder.write("validation.csv", bytes: report.outcomesCSV)
            try folder.write("cases.csv", bytes: report.casesCSV)
            if request.posterior != nil { try folder.write("draws.csv", bytes: draws.bytes) }
            try folder.write("manifest.json", bytes: manifest(cases, request: request, started: started).encoded())
            try folder.commit()
            return report
        } catch {
            folder.discard()
            throw error
        }
    }

    /// Runs one case's baseline and scores it.
    public static func score(_ scenario: Scenario, request: Request) throws -> CaseScore {
        let seed = request.seed ?? scenario.seed
        let engine = Engine(scenario: scenario)
        // Under a posterior, replicate r runs under draw r mod M; otherwise every replicate under the case's parameters.
        let engines = try request.posterior.map { try $0.engines(engine, scenario: scenario, particles: $0.particles(seed: seed)) } ?? [engine]
        let runs = ParallelMap.run(count: request.replicates, jobs: max(1, request.jobs)) { replicate -> RunResult in
            return engines[replicate % engines.count].runOutcomes(replicate: replicate, seed: seed)
        }
        if let failed = runs.firstIndex(where: { $0.error != nil }) {
            throw EntenteError.software("\(scenario.file): replicate \(failed) failed: \(runs[failed].error!)")
        }
        let scorer = ValidationScorer(window: request.window)
        let outcomes = try scenario.observed.map { observed -> OutcomeScore in
            // The decoder guarantees these; a Scenario value built by hand might not.
            guard let spec = scenario.outcomes.first(where: { $0.name == observed.outcome }),
                  let measure = ScenarioDecoder.statusMeasure(spec),
                  let column = engine.outcomeColumns.firstIndex(where: { $0.name == observed.outcome + "_date" }) else {
                throw EntenteError.software("\(scenario.file): observed outcome '\(observed.outcome)' is not a declared left or frozen outcome")
            }
            return scorer.score(observed, steps: runs.map { $0.outcomes[column] }, calendar: scenario.calendar, type: spec.type,
                                state: scenario.states[measure.state].id, bloc: scenario.blocs[measure.bloc].id)
        }
        return CaseScore(file: scenario.file, name: scenario.name, seed: seed, outcomes: outcomes)
    }

    /// manifest.json: version, seed rule, replicates, window, settings and every case file's SHA-256.
    static func manifest(_ cases: ValidationCases, request: Request, started: Date) -> ValidateManifest {
        let entries = cases.scenarios.map { scenario in
            ValidateManifest.Case(path: scenario.file, name: scenario.name, sha256: ManifestInput(path: scenario.file).sha256,
                                  seed: request.seed ?? scenario.seed, observed: scenario.observed.count,
                                  parameters: ScenarioRunManifest.parameters(of: scenario), model: scenario.model)
        }
        return ValidateManifest(command: request.commandLine, started: started, replicates: request.replicates,
                                windowMonths: request.window, settings: request.settings, seed: request.seed, cases: entries,
                                posterior: request.posterior?.manifestEntry())
    }
}
