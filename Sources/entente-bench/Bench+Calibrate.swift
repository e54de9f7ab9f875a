import EntenteKit
import Foundation

extension Bench {
    /// calibrate: a 6-parameter ABC-SMC calibration of the CSTO case, 20 replicates per particle, on all
    /// cores, against a sweep of the same scenario on all cores; prints simulations per second of each
    /// and their ratio (issue 15's target: calibrate ≥ 0.9 × sweep). Two generations of 200 particles
    /// (the second pays for rejected proposals, the kernel and the weights).
    func calibrate() throws {
        let (states, steps) = try cstoSize()
        let jobs = ProcessInfo.processInfo.activeProcessorCount
        let particles = tiny ? 4 : 200
        let replicates = tiny ? 2 : 20
        let path = workDirectory + "/calibrate.yaml"
        let text = """
        scenarios: [\(scenarioPath)]
        parameters:
          betrayal: {prior: uniform, min: 0.5, max: 5}
          deception: {prior: uniform, min: 0, max: 3}
          hazard: {prior: loguniform, min: 0.2, max: 20}
          leave_threshold: {prior: uniform, min: 0.05, max: 0.5}
          freeze_threshold: {prior: uniform, min: 0.01, max: 0.2}
          noise: {prior: loguniform, min: 0.001, max: 0.1}
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
        let runs = tiny ? 40 : 4000
        let sweep = try runSweep(path: writeSweep(points: 1, replicates: runs, name: "calibrate-sweep"), jobs: jobs)
        report(Measurement(workload: "calibrate's sweep", states: states, steps: steps, runs: runs, seconds: sweep, peakRSSMegabytes: peakRSSMegabytes()))
        print(String(format: "calibrate: %.0f simulations/s against sweep %.0f runs/s (ratio %.2f; target ≥ 0.9)",
                     Double(simulations) / seconds, Double(runs) / sweep, (Double(simulations) / seconds) / (Double(runs) / sweep)))
    }
}
