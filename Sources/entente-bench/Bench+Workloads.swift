import EntenteKit
import Foundation

extension Bench {
    /// csto-run full-record: the default scenario, 200 replicates one at a time, every CSV row formatted (not written).
    func cstoRecord() throws {
        let csto = try ScenarioLoader().load(path: scenarioPath)
        let engine = Engine(scenario: csto)
        let labels = csto.calendar.labels
        let repeats = tiny ? 2 : 200
        var bytes = 0
        let seconds = measure {
            for replicate in 0..<repeats {
                var recorder = CountingRecorder(inner: SeriesRecorder(replicate: replicate, scenario: csto, labels: labels, options: RecordOptions()))
                _ = engine.run(replicate: replicate, observer: &recorder)
                bytes += recorder.bytes
            }
        }
        report(Measurement(workload: "csto-run full-record", states: csto.states.count, steps: csto.calendar.stepCount, runs: repeats, seconds: seconds, peakRSSMegabytes: peakRSSMegabytes()))
    }

    /// csto-run outcomes: the in-process path (`Experiment.run`), `replicates` replicates of the default
    /// scenario with its seed, outcomes only, one thread: the runs `cref` makes (docs/performance.md).
    func cstoOutcomes() throws {
        let csto = try ScenarioLoader().load(path: scenarioPath)
        let runs = tiny ? 10 : replicates
        let experiment = Experiment(scenario: csto, replicates: runs)
        let time = measureTimes { _ = experiment.run(jobs: 1) }
        report(Measurement(workload: "csto-run outcomes 1 job", states: csto.states.count, steps: csto.calendar.stepCount, runs: runs, seconds: time.wall, peakRSSMegabytes: peakRSSMegabytes()))
        print(String(format: "csto-run outcomes: %.0f replicates per CPU second", Double(runs) / time.cpu))
    }

    /// scale-N: synthetic worlds, balance off and on. 600 monthly steps, except N = 1000 (60 steps,
    /// enough to time a step); runs sized for about the same work per size.
    func scale() throws {
        for n in (tiny ? [10] : [10, 50, 200, 1000]) {
            for balance in [0.0, 0.2] {
                let scaleSteps = tiny ? 24 : (n >= 1000 ? 60 : 600)
                let path = workDirectory + "/scale-\(n).yaml"
                _ = FileManager.default.createFile(atPath: path, contents: Data(SyntheticWorld.yaml(states: n, steps: scaleSteps, balance: balance).utf8))
                let scenario = try ScenarioLoader().load(path: path)
                let engine = Engine(scenario: scenario)
                let runs = tiny ? 1 : max(1, 40_000_000 / (n * n * scaleSteps))
                let seconds = measure {
                    for replicate in 0..<runs {
                        var observer = NullObserver()
                        _ = engine.run(replicate: replicate, observer: &observer)
                    }
                }
                report(Measurement(workload: "scale-\(n) balance \(balance > 0 ? "on" : "off")", states: n, steps: scenario.calendar.stepCount,
                                   runs: runs, seconds: seconds, peakRSSMegabytes: peakRSSMegabytes()))
                if balance > 0 {
                    let product = BLASTiming.secondsPerProduct(n: n, repeats: tiny ? 1 : max(1, min(200, 20_000_000 / (n * n * n / 100 + 1))))
                    let step = seconds / Double(runs * scenario.calendar.stepCount)
                    print(String(format: "  scale-%d: step %.3f ms, its dgemm %.3f ms, ratio %.2f", n, step * 1e3, product * 1e3, step / product))
                    dgemmRows.append((n, step, product))
                }
            }
        }
    }

    /// The CSTO case's size, for rows of sweep workloads.
    func cstoSize() throws -> (states: Int, steps: Int) {
        let csto = try ScenarioLoader().load(path: scenarioPath)
        return (csto.states.count, csto.calendar.stepCount)
    }

    /// sweep-jobs: the same sweep (1 point × R replicates) with 1 and 2 jobs.
    func sweepJobs() throws {
        let (states, steps) = try cstoSize()
        let runs = tiny ? 40 : 2000
        let path = writeSweep(points: 1, replicates: runs, name: "jobs")
        let one = try runSweep(path: path, jobs: 1)
        report(Measurement(workload: "sweep-jobs 1", states: states, steps: steps, runs: runs, seconds: one, peakRSSMegabytes: peakRSSMegabytes()))
        let two = try runSweep(path: path, jobs: 2)
        report(Measurement(workload: "sweep-jobs 2", states: states, steps: steps, runs: runs, seconds: two, peakRSSMegabytes: peakRSSMegabytes()))
        print(String(format: "sweep speed-up with 2 jobs: %.2fx", one / two))
    }

    /// sweep-points: the per-point overhead of a sweep. R points × 1 replicate against 1 point × R
    /// replicates of the CSTO case, one job each; the difference divided by R is what a point costs
    /// beyond its run (issue 11 asks for at most 10 % of a run).
    func sweepPoints() throws {
        let (states, steps) = try cstoSize()
        let runs = tiny ? 20 : 4000
        let replicates = try runSweep(path: writeSweep(points: 1, replicates: runs, name: "replicates"), jobs: 1)
        report(Measurement(workload: "sweep-points 1x\(runs)", states: states, steps: steps, runs: runs, seconds: replicates, peakRSSMegabytes: peakRSSMegabytes()))
        let points = try runSweep(path: writeSweep(points: runs, replicates: 1, name: "points"), jobs: 1)
        report(Measurement(workload: "sweep-points \(runs)x1", states: states, steps: steps, runs: runs, seconds: points, peakRSSMegabytes: peakRSSMegabytes()))
        print(String(format: "per-point overhead: %.1f µs against %.1f µs a run (%.1f %%)", (points - replicates) / Double(runs) * 1e6,
                     replicates / Double(runs) * 1e6, (points - replicates) / replicates * 100))
    }

    /// sweep-memory: a large outcomes-only sweep in a child process, for its own peak RSS.
    func sweepMemory() throws {
        let (states, steps) = try cstoSize()
        let runs = tiny ? 100 : 200_000
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: child.executableURL!.path) {
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
        child.arguments = ["--sweep-memory-child", String(runs)]
        let pipe = Pipe()
        child.standardOutput = pipe
        try child.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        let parts = output.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard child.terminationStatus == 0, parts.count == 2 else {
            print("sweep-memory: child failed (\(child.terminationStatus)): \(output)")
            exit(70)
        }
        report(Measurement(workload: "sweep-memory", states: states, steps: steps, runs: runs, seconds: parts[0], peakRSSMegabytes: parts[1]))
    }
}
