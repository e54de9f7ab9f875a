import EntenteKit
import Foundation

/// entente-bench: fixed, seeded workloads; prints a table and writes Results/bench/bench.csv.
///   entente-bench            the full suite (a few minutes on 2 cores)
///   entente-bench --tiny     every workload at a tiny size (used by the tests so the suite cannot rot)
///   entente-bench --sweep-memory-child RUNS   (internal) one sweep in a child process, for its peak RSS
@main
struct BenchSuite {
    static func main() throws {
        let arguments = CommandLine.arguments
        let tiny = arguments.contains("--tiny")
        let root = FileManager.default.currentDirectoryPath
        let scenarioPath = root + "/Scenarios/csto-2018-2024.yaml"
        let workDirectory = NSTemporaryDirectory() + "entente-bench-\(getpid())"
        try? FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workDirectory) }

        func writeSweep(runs: Int, name: String) -> String {
            // One point (the defaults) × `runs` replicates of the CSTO scenario, outcomes only.
            let path = workDirectory + "/\(name).yaml"
            let text = """
            scenario: \(scenarioPath)
            seed: 5
            replicates: \(runs)
            design: grid
            parameters:
              betrayal: {values: [2.0]}
            record: outcomes

            """
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            return path
        }

        func runSweep(path: String, jobs: Int) throws -> Double {
            var request = SweepRunner.Request(path: path)
            request.out = workDirectory + "/out-\(UUID().uuidString)"
            request.jobs = jobs
            let seconds = try measure { _ = try SweepRunner.execute(request) }
            try? FileManager.default.removeItem(atPath: request.out!)
            return seconds
        }

        if let index = arguments.firstIndex(of: "--sweep-memory-child"), index + 1 < arguments.count, let runs = Int(arguments[index + 1]) {
            let seconds = try runSweep(path: writeSweep(runs: runs, name: "memory"), jobs: ProcessInfo.processInfo.activeProcessorCount)
            print("\(seconds) \(peakRSSMegabytes())")
            exit(0)
        }

        guard FileManager.default.fileExists(atPath: scenarioPath) else {
            FileHandle.standardError.write(Data("error: run entente-bench from the package root (Scenarios/csto-2018-2024.yaml not found)\n".utf8))
            exit(66)
        }

        var results: [Measurement] = []
        var dgemmRows: [(Int, Double, Double)] = []
        func report(_ m: Measurement) {
            results.append(m)
            let line = [m.workload.padding(toLength: 28, withPad: " ", startingAt: 0),
                        String(format: "%6d %6d %8d %9.3f %12.1f %12.1f %8.1f", m.states, m.steps, m.runs, m.seconds, m.runsPerSecond,
                               m.nanosecondsPerStateStep, m.peakRSSMegabytes)].joined(separator: " ")
            print(line)
        }
        print("workload                     states  steps     runs   seconds     runs/s   ns/state-step  RSS MB")

        // 1. csto-run: full recording (CSV rows formatted, not written) and outcomes only.
        let csto = try ScenarioLoader().load(path: scenarioPath)
        let cstoEngine = Engine(scenario: csto)
        let steps = csto.calendar.stepCount
        let labels = csto.calendar.labels
        do {
            let repeats = tiny ? 2 : 200
            var bytes = 0
            let seconds = measure {
                for replicate in 0..<repeats {
                    var recorder = CountingRecorder(inner: SeriesRecorder(replicate: replicate, scenario: csto, labels: labels, options: RecordOptions()))
                    _ = cstoEngine.run(replicate: replicate, observer: &recorder)
                    bytes += recorder.bytes
                }
            }
            report(Measurement(workload: "csto-run full-record", states: csto.states.count, steps: steps, runs: repeats, seconds: seconds, peakRSSMegabytes: peakRSSMegabytes()))
            let replicates = tiny ? 10 : 1000
            let outcomeSeconds = measure {
                for replicate in 0..<replicates {
                    var observer = NullObserver()
                    _ = cstoEngine.run(replicate: replicate, observer: &observer)
                }
            }
            report(Measurement(workload: "csto-run outcomes 1 job", states: csto.states.count, steps: steps, runs: replicates, seconds: outcomeSeconds, peakRSSMegabytes: peakRSSMegabytes()))
        }

        // 2. scale-N: synthetic worlds, balance off and on. 600 monthly steps, except N = 1000 (60 steps,
        //    enough to time a step); runs sized for about the same work per size.
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

        // 3. sweep-jobs: the same sweep with 1 and 2 jobs.
        do {
            let runs = tiny ? 40 : 2000
            let path = writeSweep(runs: runs, name: "jobs")
            let one = try runSweep(path: path, jobs: 1)
            report(Measurement(workload: "sweep-jobs 1", states: csto.states.count, steps: steps, runs: runs, seconds: one, peakRSSMegabytes: peakRSSMegabytes()))
            let two = try runSweep(path: path, jobs: 2)
            report(Measurement(workload: "sweep-jobs 2", states: csto.states.count, steps: steps, runs: runs, seconds: two, peakRSSMegabytes: peakRSSMegabytes()))
            print(String(format: "sweep speed-up with 2 jobs: %.2fx", one / two))
        }

        // 4. sweep-memory: a large outcomes-only sweep in a child process, for its own peak RSS.
        do {
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
            if child.terminationStatus == 0, parts.count == 2 {
                report(Measurement(workload: "sweep-memory", states: csto.states.count, steps: steps, runs: runs, seconds: parts[0], peakRSSMegabytes: parts[1]))
            } else {
                print("sweep-memory: child failed (\(child.terminationStatus)): \(output)")
                exit(70)
            }
        }

        // bench.csv
        var csv = CSVBuffer(header: ["workload", "n_states", "steps", "runs", "seconds", "runs_per_second", "ns_per_state_step", "peak_rss_mb"])
        for m in results {
            csv.field(m.workload); csv.field(m.states); csv.field(m.steps); csv.field(m.runs); csv.field(m.seconds)
            csv.field(m.runsPerSecond); csv.field(m.nanosecondsPerStateStep); csv.field(m.peakRSSMegabytes)
            csv.endRow()
        }
        var dgemm = CSVBuffer(header: ["n_states", "step_seconds", "dgemm_seconds", "ratio"])
        for (n, step, product) in dgemmRows {
            dgemm.field(n); dgemm.field(step); dgemm.field(product); dgemm.field(step / product); dgemm.endRow()
        }
        let out = tiny ? workDirectory + "/bench" : root + "/Results/bench"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try AtomicFile.write(dgemm.bytes, to: out + "/dgemm.csv")
        try AtomicFile.write(csv.bytes, to: out + "/bench.csv")
        print("wrote \(out)/bench.csv")

    }
}
