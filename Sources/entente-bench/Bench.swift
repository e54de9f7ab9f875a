import EntenteKit
import Foundation

/// The state of one benchmark session: where it works, what it measured so far, and the helpers the
/// workloads share (Bench+Workloads.swift holds the workloads).
final class Bench {
    /// The package root (the suite runs from it).
    let root: String
    /// Every workload at a tiny size.
    let tiny: Bool
    /// Replicates of the in-process CSTO workloads (`--replicates`).
    let replicates: Int
    /// The CSTO scenario every sweep workload runs.
    let scenarioPath: String
    /// A private temporary folder for sweep files and outputs.
    let workDirectory: String
    /// Rows of bench.csv so far.
    private(set) var results: [Measurement] = []
    /// Rows of dgemm.csv: (states, seconds per step, seconds per dgemm).
    var dgemmRows: [(Int, Double, Double)] = []

    init(root: String, tiny: Bool, replicates: Int = 1000) {
        self.root = root
        self.tiny = tiny
        self.replicates = replicates
        scenarioPath = root + "/Scenarios/csto-2018-2024.yaml"
        workDirectory = NSTemporaryDirectory() + "entente-bench-\(getpid())"
        try? FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
    }

    func removeWorkDirectory() { try? FileManager.default.removeItem(atPath: workDirectory) }

    /// Records and prints one row.
    func report(_ m: Measurement) {
        results.append(m)
        let line = [m.workload.padding(toLength: 28, withPad: " ", startingAt: 0),
                    String(format: "%6d %6d %8d %9.3f %12.1f %12.1f %8.1f", m.states, m.steps, m.runs, m.seconds, m.runsPerSecond,
                           m.nanosecondsPerStateStep, m.peakRSSMegabytes)].joined(separator: " ")
        print(line)
    }

    /// A sweep file of the CSTO scenario, outcomes only: `points` grid points of betrayal around its
    /// default (one point is the default itself) × `replicates`.
    func writeSweep(points: Int, replicates: Int, name: String) -> String {
        let path = workDirectory + "/\(name).yaml"
        let domain = points == 1 ? "{values: [2.0]}" : "{from: 1.5, to: 2.5, steps: \(points)}"
        let text = """
        scenario: \(scenarioPath)
        seed: 5
        replicates: \(replicates)
        design: grid
        parameters:
          betrayal: \(domain)
        record: outcomes

        """
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Seconds of one in-process `SweepRunner.execute` of `path` (its folder removed afterwards).
    func runSweep(path: String, jobs: Int) throws -> Double {
        var request = SweepRunner.Request(path: path)
        request.out = workDirectory + "/out-\(UUID().uuidString)"
        request.jobs = jobs
        let seconds = try measure { _ = try SweepRunner.execute(request) }
        try? FileManager.default.removeItem(atPath: request.out!)
        return seconds
    }

    /// Writes bench.csv and dgemm.csv (into the work folder with --tiny, Results/bench/ otherwise).
    func writeTables() throws {
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
