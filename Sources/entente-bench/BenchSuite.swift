import EntenteKit
import Foundation

/// entente-bench: fixed, seeded workloads; prints a table and writes Results/bench/bench.csv.
///   entente-bench            the full suite (a few minutes on 2 cores)
///   entente-bench --tiny     every workload at a tiny size (used by the tests so the suite cannot rot)
///   entente-bench --only W   only the workloads whose name starts with W (csto-run, scale, sweep-jobs,
///                            sweep-points, sweep-memory, calibrate, model), e.g. for `perf stat` or callgrind
///   entente-bench --replicates R   replicates of the in-process CSTO workloads (csto-run outcomes, model; default 1,000)
///   entente-bench --sweep-memory-child RUNS   (internal) one sweep in a child process, for its peak RSS
@main
struct BenchSuite {
    static let usage = """
        entente-bench: fixed, seeded workloads; prints a table and writes Results/bench/bench.csv (run from the package root).
          entente-bench            the full suite (a few minutes on 2 cores)
          entente-bench --tiny     every workload at a tiny size
          entente-bench --only W   only the workloads whose name starts with W: csto-run, scale, sweep-jobs,
                                   sweep-points, sweep-memory, calibrate, model (e.g. --only "csto-run outcomes")
          entente-bench --replicates R   replicates of the in-process CSTO workloads (csto-run outcomes, model;
                                   default 1,000), e.g. to compare with cref (docs/performance.md)
        """

    static func main() throws {
        let arguments = CommandLine.arguments
        let known = ["--tiny", "--only", "--replicates", "--sweep-memory-child"]
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            exit(0)
        }
        for (index, argument) in arguments.enumerated().dropFirst() where argument.hasPrefix("-") && !known.contains(argument) {
            // Never start a minutes-long suite on a mistyped option.
            FileHandle.standardError.write(Data("error: unknown option '\(argument)' (argument \(index)); expected --tiny, --only W or --help\n".utf8))
            exit(64)
        }
        var replicates = 1000
        if let index = arguments.firstIndex(of: "--replicates") {
            guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else {
                FileHandle.standardError.write(Data("error: --replicates expects a positive whole number\n".utf8))
                exit(64)
            }
            replicates = value
        }
        let bench = Bench(root: FileManager.default.currentDirectoryPath, tiny: arguments.contains("--tiny"), replicates: replicates)
        defer { bench.removeWorkDirectory() }
        if let index = arguments.firstIndex(of: "--sweep-memory-child"), index + 1 < arguments.count, let runs = Int(arguments[index + 1]) {
            let seconds = try bench.runSweep(path: bench.writeSweep(points: 1, replicates: runs, name: "memory"),
                                             jobs: ProcessInfo.processInfo.activeProcessorCount)
            print("\(seconds) \(peakRSSMegabytes())")
            bench.removeWorkDirectory()
            exit(0)
        }
        guard FileManager.default.fileExists(atPath: bench.scenarioPath) else {
            FileHandle.standardError.write(Data("error: run entente-bench from the package root (Scenarios/csto-2018-2024.yaml not found)\n".utf8))
            exit(66)
        }
        let only = arguments.firstIndex(of: "--only").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        func wanted(_ name: String) -> Bool { only.map { name.hasPrefix($0) } ?? true }

        print("workload                     states  steps     runs   seconds     runs/s   ns/state-step  RSS MB")
        if wanted("csto-run full-record") { try bench.cstoRecord() }
        if wanted("csto-run outcomes") { try bench.cstoOutcomes() }
        if wanted("scale") { try bench.scale() }
        if wanted("sweep-jobs") { try bench.sweepJobs() }
        if wanted("sweep-points") { try bench.sweepPoints() }
        if wanted("sweep-memory") { try bench.sweepMemory() }
        if wanted("calibrate") { try bench.calibrate() }
        if wanted("model") { try bench.models() }
        try bench.writeTables()
    }
}
