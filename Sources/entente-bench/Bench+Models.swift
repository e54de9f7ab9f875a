import EntenteKit
import Foundation

extension Bench {
    /// model: the same workloads under model 1 and model 2, in process, one thread, outcomes only: the
    /// CSTO case (`replicates` replicates) and the synthetic 50-state world of `scale` (balance off, 26
    /// runs of 600 steps). Prints model 2's time over model 1's in CPU time (user + system of the
    /// process), which other processes on a shared machine disturb less than wall time; issue 16 asks
    /// for at most 1.5×.
    func models() throws {
        let csto = try ScenarioLoader().load(path: scenarioPath)
        let steps = tiny ? 24 : 600
        let path = workDirectory + "/models-scale-50.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(SyntheticWorld.yaml(states: 50, steps: steps, balance: 0).utf8))
        let synthetic = try ScenarioLoader().load(path: path)
        var ratios: [String] = []
        for (name, scenario, runs) in [("csto", csto, tiny ? 10 : replicates), ("scale-50", synthetic, tiny ? 1 : 26)] {
            var cpu: [Double] = []
            for model in [1, 2] {
                var variant = scenario
                variant.model = model
                let experiment = Experiment(scenario: variant, replicates: runs)
                let time = measureTimes { _ = experiment.run(jobs: 1) }
                cpu.append(time.cpu)
                report(Measurement(workload: "model \(model) \(name)", states: variant.states.count, steps: variant.calendar.stepCount,
                                   runs: runs, seconds: time.wall, peakRSSMegabytes: peakRSSMegabytes()))
            }
            ratios.append(String(format: "%@ %.2fx", name, cpu[1] / cpu[0]))
        }
        print("model 2 / model 1 (CPU time): " + ratios.joined(separator: ", ") + " (issue 16: at most 1.5x)")
    }
}
