import EntenteKit
import Foundation

extension Bench {
    /// calibrate: a 6-parameter ABC-SMC calibration of the CSTO case, 20 replicates per particle, on all
    /// cores, against two sweeps of the same scenario on all cores with the same number of runs as its
    /// generation 0: one at the scenario's own parameters (the plain sweep rate issue 15 names) and one
    /// over generation 0's own parameter sets, 20 replicates each (the same simulations, so the ratio is
    /// the calibration machinery's overhead alone: a run's cost depends on its parameters). Prints
    /// simulations per second of each and the ratios (issue 15's target: calibrate ≥ 0.9 × sweep). Two
    /// generations of 200 particles (the second pays for rejected proposals, the kernel and the weights).
    func calibrate() throws {
        let (states, steps) = try cstoSize()
        let jobs = ProcessInfo.processInfo.activeProcessorCount
        let particles = tiny ? 4 : 200
        let replicates = tiny ? 2 : 20
        let priors: [(name: String, prior: String, min: Double, max: Double)] = [
            ("betrayal", "uniform", 0.5, 5), ("deception", "uniform", 0, 3), ("hazard", "loguniform", 0.2, 20),
            ("leave_threshold", "uniform", 0.05, 0.5), ("freeze_threshold", "uniform", 0.01, 0.2), ("noise", "loguniform", 0.001, 0.1),
        ]
        let path = workDirectory + "/calibrate.yaml"
        let text = """
        scenarios: [\(scenarioPath)]
        parameters:
        \(priors.map { "  \($0.name): {prior: \($0.prior), min: \($0.min), max: \($0.max)}" }.joined(separator: "\n"))
        particles: \(particles)
        replicates_per_particle: \(replicates)
        stop: {generations: 2, min_acceptance: 0.001}
        seed: 5

        """
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let spec = try CalibrationDecoder().load(path: path)
        var request = CalibrationRun.Request(out: workDirectory + "/calibrate-\(UUID().uuidString)")
        request.jobs = jobs
        var outcome: CalibrationRun.Outcome?
        let seconds = try measure { outcome = try CalibrationRun.execute(spec, request: request) }
        try? FileManager.default.removeItem(atPath: request.out)
        let simulations = outcome!.records.reduce(0) { $0 + $1.simulations }
        report(Measurement(workload: "calibrate 6 parameters", states: states, steps: steps, runs: simulations, seconds: seconds, peakRSSMegabytes: peakRSSMegabytes()))
        let runs = particles * replicates
        let sweep = try runSweep(path: writeSweep(points: 1, replicates: runs, name: "calibrate-sweep"), jobs: jobs)
        report(Measurement(workload: "calibrate's sweep", states: states, steps: steps, runs: runs, seconds: sweep, peakRSSMegabytes: peakRSSMegabytes()))

        // The same parameter sets as generation 0, as a `design: file` sweep.
        let first = outcome!.populations[0]
        var design = first.parameterNames.joined(separator: ",") + "\n"
        for p in 0..<first.count { design += first.values(ofParticle: p).map { "\($0)" }.joined(separator: ",") + "\n" }
        _ = FileManager.default.createFile(atPath: workDirectory + "/calibrate-design.csv", contents: Data(design.utf8))
        let matchedPath = workDirectory + "/calibrate-matched.yaml"
        let matched = """
        scenario: \(scenarioPath)
        seed: 5
        replicates: \(replicates)
        design: file
        file: calibrate-design.csv
        parameters:
        \(priors.map { "  \($0.name): {from: \($0.min), to: \($0.max)}" }.joined(separator: "\n"))
        record: outcomes

        """
        _ = FileManager.default.createFile(atPath: matchedPath, contents: Data(matched.utf8))
        let same = try runSweep(path: matchedPath, jobs: jobs)
        report(Measurement(workload: "calibrate's sweep, same sets", states: states, steps: steps, runs: runs, seconds: same, peakRSSMegabytes: peakRSSMegabytes()))
        let rate = Double(simulations) / seconds
        print(String(format: "calibrate: %.0f simulations/s against sweep %.0f runs/s (ratio %.2f; target ≥ 0.9) and %.0f runs/s over generation 0's parameter sets (ratio %.2f)",
                     rate, Double(runs) / sweep, rate / (Double(runs) / sweep), Double(runs) / same, rate / (Double(runs) / same)))
    }
}
