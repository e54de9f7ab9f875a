import ArgumentParser
import EntenteKit
import Foundation

/// `entente validate PATH...`: run cases with `observed:` outcomes and score the model against history.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the model against observed outcomes: run each case's baseline and compare with what happened.",
        discussion: """
        PATH is a scenario file with `observed:` or a folder of them (its *.yaml files, sorted, not recursive; files without `observed:` are skipped). Prints a table and a summary, and writes validation.csv, cases.csv and manifest.json (docs/validation.md). Exits 0 whatever the verdicts, unless --fail-under is given. With --posterior DIR (an `entente calibrate` results folder) every case is scored under the posterior predictive: M parameter sets drawn by weight, replicate r under draw r mod M, and the calibration's rule set (docs/validation.md#with-a-posterior).
        """
    )
    @Argument(help: "Scenario files or folders of them.", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String]
    @Option(help: "Replicates per case (the files' `replicates:` is not used).")
    var replicates = 500
    @Option(help: "Window W in months: an event counts when it happens within ±W months of the observed date.")
    var window = 24
    @Option(help: "One seed for every case (default: each case's own `seed:`).")
    var seed: UInt64?
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a model parameter in every case, e.g. betrayal=0.8; repeatable.", valueName: "NAME=VALUE"), completion: Completions.settings)
    var settings: [String] = []
    @Option(help: ArgumentHelp("Rule set for every case, 1 or 2 (default: each file's `model:`, else 1; docs/model.md).", valueName: "N"))
    var model: Int?
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var jobs: Int?
    @Option(help: "Output folder (default: Results/validation/).")
    var out: String?
    @Flag(help: "Replace an existing results folder.")
    var force = false
    @Flag(help: "No progress on stderr.")
    var quiet = false
    @OptionGroup var posteriorOption: PosteriorOption
    @OptionGroup var output: FormatOption
    @Option(name: .customLong("fail-under"), help: ArgumentHelp("Exit 1 when fewer than K cases are right.", valueName: "K"))
    var failUnder: Int?

    func validate() throws {
        if !(1...ScenarioLimits.maxReplicates).contains(replicates) {
            throw ValidationError("--replicates must be between 1 and \(ScenarioLimits.maxReplicates)")
        }
        if window < 0 { throw ValidationError("--window must be 0 or more months") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let model, !(1...2).contains(model) { throw ValidationError("--model must be 1 or 2") }
        if let failUnder, failUnder < 0 { throw ValidationError("--fail-under must be 0 or more") }
    }

    func run() throws {
        var report: ValidationReport?
        try reportingErrors {
            var settings = settings + (model.map { ["model=\($0)"] } ?? [])
            var posterior: ValidationPosterior?
            if let options = try posteriorOption.value {
                let source = try PosteriorSource.load(folder: options.folder, allowIncomplete: options.allowIncomplete)
                // The cases run under the rule set the posterior was fitted under; another --model is refused.
                settings = try source.applyingModel(to: settings)
                // Default M: 100 draws, or one per replicate when there are fewer replicates.
                posterior = ValidationPosterior(source: source, draws: posteriorOption.draws == nil ? min(options.draws, replicates) : options.draws)
            }
            let cases = try ValidationCases.load(paths: paths, settings: settings)
            for note in cases.skipped { printError(note) }
            var request = ValidationRun.Request(out: out ?? "Results/validation")
            request.replicates = replicates
            request.window = window
            request.seed = seed
            request.settings = settings
            request.posterior = posterior
            request.force = force
            if let jobs { request.jobs = jobs }
            request.commandLine = CommandLine.arguments.joined(separator: " ")
            report = try ValidationRun.execute(cases, request: request) { done, total, file in
                if !quiet { printError("validating \(done + 1)/\(total): \(file)") }
            }
            output.print([report!.table])
            if let posterior {
                output.status("posterior: \(posterior.source.folder), \(posterior.draws) draws per case\(posterior.source.model.map { ", model \($0)" } ?? "")")
            }
            output.status("results: \(request.out)/ (validation.csv, cases.csv, \(posterior == nil ? "" : "draws.csv, ")manifest.json)")
        }
        if let failUnder, let report, report.casesRight < failUnder {
            printError("error: \(report.casesRight) cases right, fewer than --fail-under \(failUnder)")
            throw ExitCode(1)
        }
    }
}
