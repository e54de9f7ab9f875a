import EntenteKit
import Foundation
import XCTest

/// End-to-end tests of `entente sweep`, `--resume`, `--shard` and `entente merge`, run as a subprocess
/// on a tiny scenario (4 states, 24 monthly steps) so that every sweep takes a fraction of a second.
final class SweepCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-sweep-cli" }

    // MARK: - Fixtures

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write(TinyScenarios.fourStates, to: "tiny.yaml")
        try write(Self.sweep(), to: "sweep.yaml")
    }

    /// A grid of 2 × 3 points over betrayal × complicity.
    private static func sweep(replicates: Int = 20, seed: Int = 5) -> String {
        """
        name: tiny sweep
        scenario: tiny.yaml
        seed: \(seed)
        replicates: \(replicates)
        design: grid
        parameters:
          betrayal: {values: [1, 3]}
          complicity: {from: 0, to: 1, steps: 3}
        outcomes: from-scenario

        """
    }

    private static let runsHeader = "point,replicate,seed,betrayal,complicity,a_left,a_left_date,a_trust_b,status,error"
    private static let pointsHeader = "point,betrayal,complicity,outcome,n,mean,sd,ci95_low,ci95_high,p05,p50,p95"

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    private func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    /// The lines of a file, without the empty string after the final newline.
    private func lines(_ name: String) throws -> [String] {
        var result = try text(name).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    private func readManifest(_ name: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: try data(name + "/manifest.json")) as? [String: Any])
    }

    /// The data rows of a runs.csv, sorted by (point, replicate).
    private func sortedRuns(_ name: String) throws -> [String] {
        let all = try lines(name)
        return all.dropFirst().sorted { a, b in
            let x = a.split(separator: ",", maxSplits: 2).prefix(2).map { Int($0)! }
            let y = b.split(separator: ",", maxSplits: 2).prefix(2).map { Int($0)! }
            return (x[0], x[1]) < (y[0], y[1])
        }
    }

    // MARK: - Running entente

    private typealias Result = CLIHarness.Result
    private typealias Launched = CLIHarness.Launched

    private func launch(_ arguments: [String], environment: [String: String] = [:]) throws -> Launched {
        try cli.launch(arguments, environment: environment)
    }

    private func finish(_ launched: Launched, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let result = try cli.finish(launched)
        XCTAssertFalse(result.wasKilled, "entente \(arguments) was killed by a signal", file: file, line: line)
        for marker in ["Fatal error", "Stack dump", "Backtrace", "Segmentation"] {
            XCTAssertFalse(result.stderr.contains(marker), "entente \(arguments) crashed: \(result.stderr)", file: file, line: line)
        }
        return result
    }

    /// Runs `entente arguments` in the temporary folder.
    @discardableResult
    private func entente(_ arguments: [String], environment: [String: String] = [:],
                         file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        try finish(try launch(arguments, environment: environment), arguments, file: file, line: line)
    }

    /// Runs a sweep that must succeed.
    private func sweep(_ arguments: [String], environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try entente(["sweep"] + arguments + ["--quiet"], environment: environment, file: file, line: line)
        XCTAssertEqual(result.status, 0, "sweep \(arguments): \(result.stderr)", file: file, line: line)
    }

    /// Number of newline bytes in a file, 0 when it does not exist yet.
    private func newlines(_ name: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path(name)) else { return 0 }
        return data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// Starts `entente sweep arguments`, waits (polling, at most 60 s) until `runs` holds at least `rows` data rows,
    /// then sends SIGINT and waits for the exit.
    private func interruptedSweep(_ arguments: [String], runs: String, rows: Int,
                                  file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let all = ["sweep"] + arguments + ["--quiet"]
        let launched = try launch(all)
        let deadline = Date().addingTimeInterval(60)
        while launched.process.isRunning && newlines(runs) < rows + 1 && Date() < deadline {
            usleep(2_000)
        }
        XCTAssertTrue(launched.process.isRunning, "the sweep ended before it could be interrupted; make it longer", file: file, line: line)
        kill(launched.process.processIdentifier, SIGINT)
        return try finish(launched, all, file: file, line: line)
    }

    /// `OUT` holds neither runs.csv nor points.csv, nor a staging file.
    private func assertNoMergeOutput(_ out: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(exists(out + "/runs.csv"), "merge wrote runs.csv", file: file, line: line)
        XCTAssertFalse(exists(out + "/points.csv"), "merge wrote points.csv", file: file, line: line)
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: path(out))) ?? []).filter { $0.contains(".partial-") }
        XCTAssertEqual(leftovers, [], "staging files left behind", file: file, line: line)
    }

    // MARK: - check

    func testASweepFileNamedThroughTheParentFolderFindsItsScenario() throws {
        // `../NAME/sweep.yaml`: a leading `..` used to be dropped, so tiny.yaml was looked for in the wrong place.
        let viaParent = "../" + folder.lastPathComponent + "/sweep.yaml"
        try sweep([viaParent, "--out", "out", "--jobs", "1"])
        XCTAssertEqual(newlines("out/runs.csv"), 1 + 6 * 20)
    }

    func testASweepThatReplacesTheOutcomesIgnoresTheScenariosObservations() throws {
        // The observations name the scenario's own outcome (a_left), which the sweep's list replaces.
        try write(TinyScenarios.fourStates + "observed:\n  a_left: {happened: never, source: \"test\"}\n", to: "tiny.yaml")
        try write(Self.sweep().replacingOccurrences(of: "outcomes: from-scenario",
                                                    with: "outcomes:\n  - {name: a_trust_c, type: trust, from: A, to: C}"),
                  to: "sweep.yaml")
        try sweep(["sweep.yaml", "--out", "out", "--jobs", "1"])
        let header = try String(contentsOfFile: path("out/runs.csv"), encoding: .utf8).split(separator: "\n")[0]
        XCTAssertEqual(header, "point,replicate,seed,betrayal,complicity,a_trust_c,status,error")
    }

    func testCheckPrintsThePointsAndRunsOfASweep() throws {
        let result = try entente(["check", "sweep.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            sweep.yaml: OK — sweep of tiny.yaml
              design grid: 6 points × 20 replicates = 120 runs
              parameters: betrayal, complicity
              seed 5, record outcomes

            """)
        XCTAssertEqual(result.stderr, "")
        XCTAssertFalse(exists("Results"), "check must not run anything")
    }

    func testCheckOfASweepRefusesScenarioOverrides() throws {
        for extra in [["--set", "betrayal=1"], ["--variant", "v"]] {
            let result = try entente(["check", "sweep.yaml"] + extra)
            XCTAssertEqual(result.status, 64, "\(extra)")
            XCTAssertEqual(result.stderr, "error: --variant and --set apply to scenario files; a sweep file names its variant and parameters itself\n")
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testCheckRefusesAnOutOfRangeValueBeforeAnyRun() throws {
        try write("""
            scenario: tiny.yaml
            parameters:
              betrayal: {from: 1, to: 99, steps: 3}

            """, to: "bad.yaml")
        for command in [["check", "bad.yaml"], ["sweep", "bad.yaml", "--out", "bad-out"]] {
            let result = try entente(command)
            XCTAssertEqual(result.status, 65, "\(command)")
            XCTAssertEqual(result.stderr, "bad.yaml:3:3: error: parameter 'betrayal' cannot take 99: 'betrayal' must be between 0 and 10; found 99\n")
        }
        XCTAssertFalse(exists("bad-out"))
    }

    // MARK: - Output files

    func testRunsAndPointsHaveTheDocumentedColumnsAndAgree() throws {
        try sweep(["sweep.yaml", "--out", "out", "--jobs", "2"])
        let runs = try lines("out/runs.csv")
        XCTAssertEqual(runs.first, Self.runsHeader)
        XCTAssertEqual(runs.count, 1 + 120)
        let grid: [[Double]] = [[1, 0], [1, 0.5], [1, 1], [3, 0], [3, 0.5], [3, 1]]
        var seen = Set<[Int]>()
        var trustByPoint = [[Double]](repeating: [], count: 6)
        var leftByPoint = [[Double]](repeating: [], count: 6)
        for row in runs.dropFirst() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(fields.count, 10, row)
            let point = try XCTUnwrap(Int(fields[0])), replicate = try XCTUnwrap(Int(fields[1]))
            XCTAssertTrue(seen.insert([point, replicate]).inserted, "run \(point), \(replicate) twice")
            XCTAssertEqual(fields[2], String(StreamSeed.key(seed: 5, point: point, replicate: replicate)), row)
            XCTAssertEqual([Double(fields[3]), Double(fields[4])], grid[point].map { Optional($0) }, row)
            XCTAssertTrue(fields[5] == "0" || fields[5] == "1", row)
            XCTAssertEqual(fields[5] == "1", !fields[6].isEmpty, "a date exactly when A left: \(row)")
            XCTAssertEqual(fields[8], "ok", row)
            XCTAssertEqual(fields[9], "", row)
            trustByPoint[point].append(try XCTUnwrap(Double(fields[7])))
            leftByPoint[point].append(try XCTUnwrap(Double(fields[5])))
        }
        XCTAssertEqual(seen.count, 120)
        XCTAssertGreaterThan(Set(trustByPoint[0]).count, 1, "replicates should differ")
        XCTAssertTrue(leftByPoint.joined().contains(1) && leftByPoint.joined().contains(0), "A should leave in some runs only")

        let points = try lines("out/points.csv")
        XCTAssertEqual(points.first, Self.pointsHeader)
        XCTAssertEqual(points.count, 1 + 6 * 2, "one row per point and numeric outcome (dates are not summarised)")
        for (index, row) in points.dropFirst().enumerated() {
            let fields = row.split(separator: ",").map(String.init)
            XCTAssertEqual(fields.count, 12, row)
            XCTAssertEqual(fields[0], String(index / 2))
            XCTAssertEqual(fields[3], index % 2 == 0 ? "a_left" : "a_trust_b")
            XCTAssertEqual(fields[4], "20")
        }
        // Point 4's means, recomputed from runs.csv.
        for (outcome, values) in [("a_left", leftByPoint[4]), ("a_trust_b", trustByPoint[4])] {
            let row = try XCTUnwrap(points.first { $0.hasPrefix("4,3.0,0.5,\(outcome),") }, "\(points)")
            let mean = try XCTUnwrap(Double(row.split(separator: ",")[5]))
            let expected = values.reduce(0, +) / Double(values.count)
            XCTAssertEqual(mean, expected, accuracy: 1e-12 * max(1, abs(expected)), outcome)
        }
        let manifest = try readManifest("out")
        XCTAssertEqual(manifest["status"] as? String, "complete")
        XCTAssertEqual(manifest["runs_done"] as? Int, 120)
        XCTAssertEqual(manifest["runs_total"] as? Int, 120)
        XCTAssertEqual(manifest["runs_failed"] as? Int, 0)
    }

    func testJobsDoNotChangeTheResults() throws {
        try sweep(["sweep.yaml", "--out", "one", "--jobs", "1"])
        try sweep(["sweep.yaml", "--out", "four", "--jobs", "4"])
        XCTAssertEqual(try data("one/points.csv"), try data("four/points.csv"), "points.csv must be byte-identical")
        XCTAssertEqual(try lines("four/runs.csv").first, Self.runsHeader)
        XCTAssertEqual(try sortedRuns("one/runs.csv"), try sortedRuns("four/runs.csv"))
        XCTAssertEqual(try sortedRuns("one/runs.csv").count, 120)
    }

    func testASweepPrintsWhereItWroteAndHowMuch() throws {
        let result = try entente(["sweep", "sweep.yaml", "--out", "out", "--jobs", "2", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "out: 6 points, 120 runs (120 run now); points.csv written\n")
        XCTAssertEqual(result.stderr, "")
    }

    // MARK: - Resume

    func testInterruptedSweepResumesToTheUninterruptedResult() throws {
        try write(Self.sweep(replicates: 1000), to: "big.yaml")
        try sweep(["big.yaml", "--out", "whole", "--jobs", "2"])
        XCTAssertEqual(try lines("whole/runs.csv").count, 1 + 6000)

        let interrupted = try interruptedSweep(["big.yaml", "--out", "cut", "--jobs", "1"], runs: "cut/runs.csv", rows: 200)
        XCTAssertEqual(interrupted.status, 130, interrupted.stderr)
        XCTAssertTrue(interrupted.stderr.contains("resume with: \(try BuiltBinary.required("entente").path) sweep big.yaml --out cut --resume"), interrupted.stderr)
        let manifest = try readManifest("cut")
        XCTAssertEqual(manifest["status"] as? String, "interrupted")
        let recorded = try lines("cut/runs.csv").count - 1
        XCTAssertEqual(manifest["runs_done"] as? Int, recorded)
        XCTAssertGreaterThanOrEqual(recorded, 200)
        XCTAssertLessThan(recorded, 6000, "the sweep should have stopped early")
        XCTAssertFalse(exists("cut/points.csv"), "an interrupted sweep has no points.csv")

        let resumed = try entente(["sweep", "big.yaml", "--out", "cut", "--jobs", "2", "--resume", "--quiet"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(resumed.stdout, "cut: 6 points, 6000 runs (\(6000 - recorded) run now); points.csv written\n")
        XCTAssertEqual(try data("cut/points.csv"), try data("whole/points.csv"), "points.csv must equal the uninterrupted one byte for byte")
        XCTAssertEqual(try sortedRuns("cut/runs.csv"), try sortedRuns("whole/runs.csv"))
        XCTAssertEqual(try readManifest("cut")["status"] as? String, "complete")
    }

    func testResumeRepairsARunsFileWhoseLastLineWasCut() throws {
        try sweep(["sweep.yaml", "--out", "whole", "--jobs", "2"])
        try sweep(["sweep.yaml", "--out", "crashed", "--jobs", "2"])
        // A crash mid-write: 50 complete rows, then half of the next one without its newline.
        let rows = try lines("crashed/runs.csv")
        let cutRow = rows[51]
        let kept = rows.prefix(51).joined(separator: "\n") + "\n" + cutRow.prefix(cutRow.count / 2)
        try write(kept, to: "crashed/runs.csv")
        try FileManager.default.removeItem(atPath: path("crashed/points.csv"))

        let result = try entente(["sweep", "sweep.yaml", "--out", "crashed", "--jobs", "2", "--resume", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "crashed: 6 points, 120 runs (70 run now); points.csv written\n")
        let repaired = try lines("crashed/runs.csv")
        XCTAssertEqual(repaired.count, 121)
        XCTAssertTrue(try text("crashed/runs.csv").hasSuffix("\n"))
        XCTAssertEqual(Array(repaired.prefix(51)), Array(rows.prefix(51)), "complete rows are kept as they were")
        XCTAssertEqual(try sortedRuns("crashed/runs.csv"), try sortedRuns("whole/runs.csv"))
        XCTAssertEqual(try data("crashed/points.csv"), try data("whole/points.csv"))
    }

    func testResumeRefusesWhenTheSweepFileChanged() throws {
        try sweep(["sweep.yaml", "--out", "out", "--jobs", "2"])
        let before = try data("out/runs.csv")
        try write(Self.sweep() + "# changed\n", to: "sweep.yaml")
        let result = try entente(["sweep", "sweep.yaml", "--out", "out", "--resume", "--quiet"])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertEqual(result.stderr, "error: out holds a sweep of different files (the sweep, scenario or design file changed since it started); rerun with --force to start over, or --out to write elsewhere\n")
        XCTAssertEqual(try data("out/runs.csv"), before, "the folder must be left alone")
    }

    func testAnExistingFolderIsRefusedWithoutResumeOrForce() throws {
        try sweep(["sweep.yaml", "--out", "out", "--jobs", "2"])
        let before = try data("out/runs.csv")
        let sortedBefore = try sortedRuns("out/runs.csv")
        let result = try entente(["sweep", "sweep.yaml", "--out", "out", "--quiet"])
        XCTAssertEqual(result.status, 73, result.stderr)
        XCTAssertEqual(result.stderr, "error: out already holds results; pass --resume to continue that sweep, --force to replace it, or --out to write elsewhere\n")
        XCTAssertEqual(try data("out/runs.csv"), before)
        // --force replaces it with the same result.
        try sweep(["sweep.yaml", "--out", "out", "--jobs", "1", "--force"])
        XCTAssertEqual(try sortedRuns("out/runs.csv"), sortedBefore)
        let both = try entente(["sweep", "sweep.yaml", "--out", "out", "--resume", "--force"])
        XCTAssertEqual(both.status, 64, "--resume and --force exclude each other")
    }

    // MARK: - Shards and merge

    func testShardsMergedEqualASingleProcessSweep() throws {
        try sweep(["sweep.yaml", "--out", "single", "--jobs", "2"])
        for count in [2, 3] {
            let out = "sharded-\(count)"
            var rows = 0
            for index in 0..<count {
                try sweep(["sweep.yaml", "--out", out, "--jobs", "1", "--shard", "\(index)/\(count)"])
                let shardFolder = "\(out)/shard-\(index)-of-\(count)"
                XCTAssertFalse(exists(shardFolder + "/points.csv"), "a shard writes no points.csv")
                let manifest = try readManifest(shardFolder)
                XCTAssertEqual(manifest["status"] as? String, "complete")
                XCTAssertEqual((manifest["shard"] as? [String: Int]) ?? [:], ["index": index, "count": count])
                rows += try lines(shardFolder + "/runs.csv").count - 1
            }
            XCTAssertEqual(rows, 120, "the shards together hold every run once")
            let merged = try entente(["merge", out])
            XCTAssertEqual(merged.status, 0, merged.stderr)
            XCTAssertEqual(merged.stdout, "\(out): merged \(count) shards, 120 runs; runs.csv and points.csv written\n")
            XCTAssertEqual(try data(out + "/points.csv"), try data("single/points.csv"), "N = \(count): points.csv")
            XCTAssertEqual(try lines(out + "/runs.csv").first, Self.runsHeader)
            XCTAssertEqual(try lines(out + "/runs.csv").dropFirst().map { $0 }, try sortedRuns("single/runs.csv"),
                           "N = \(count): merged runs.csv is the single-process one sorted by (point, replicate)")
            XCTAssertEqual(try readManifest(out)["status"] as? String, "complete")
        }
    }

    /// Parameter values that are not short decimals (a latin design) must survive the manifest.json
    /// round trip of `merge`: points.csv of merged shards must equal the single-process one.
    func testShardsMergedKeepParameterValuesOfASampledDesignExactly() throws {
        try write("""
            scenario: tiny.yaml
            seed: 3
            replicates: 5
            design: latin
            samples: 7
            parameters:
              complicity: {from: 0, to: 1}
              forgiveness: {from: 0.001, to: 0.05, scale: log}

            """, to: "latin.yaml")
        try sweep(["latin.yaml", "--out", "single", "--jobs", "2"])
        for index in 0..<2 { try sweep(["latin.yaml", "--out", "sharded", "--jobs", "1", "--shard", "\(index)/2"]) }
        let merged = try entente(["merge", "sharded"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(try sortedRuns("sharded/runs.csv"), try sortedRuns("single/runs.csv"))
        let single = try lines("single/points.csv"), fromShards = try lines("sharded/points.csv")
        XCTAssertEqual(fromShards.count, single.count)
        let differing = zip(fromShards, single).filter { $0 != $1 }
        if let (merged, expected) = differing.first {
            XCTFail("""
                merged points.csv differs from the single-process one in \(differing.count) of \(single.count) lines \
                (parameter values lose their last digits through manifest.json), e.g.
                  merged: \(merged)
                  single: \(expected)
                """)
        }
        XCTAssertEqual(try data("sharded/points.csv"), try data("single/points.csv"))
    }

    func testSlurmArrayVariablesSelectTheShard() throws {
        let result = try entente(["sweep", "sweep.yaml", "--out", "out", "--jobs", "1", "--quiet"],
                                 environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("note: running shard 1/2 from SLURM_ARRAY_TASK_ID=1, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_MAX=1, SLURM_ARRAY_TASK_STEP=1, SLURM_ARRAY_TASK_COUNT=2"),
                      result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("out/shard-1-of-2: 6 points, 60 runs"), result.stdout)
        XCTAssertEqual((try readManifest("out/shard-1-of-2")["shard"] as? [String: Int]) ?? [:], ["index": 1, "count": 2])
        XCTAssertFalse(exists("out/shard-0-of-2"))
        // Its runs are exactly those of --shard 1/2.
        try sweep(["sweep.yaml", "--out", "explicit", "--jobs", "1", "--shard", "1/2"])
        XCTAssertEqual(try sortedRuns("out/shard-1-of-2/runs.csv"), try sortedRuns("explicit/shard-1-of-2/runs.csv"))
    }

    func testMergeRefusesAMissingShard() throws {
        for index in [0, 2] { try sweep(["sweep.yaml", "--out", "out", "--jobs", "1", "--shard", "\(index)/3"]) }
        let result = try entente(["merge", "out"])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("missing shard 1/3 (expected folders shard-1-of-3)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was written"), result.stderr)
        assertNoMergeOutput("out")
    }

    func testMergeRefusesAShardOfAnotherSweep() throws {
        try write(Self.sweep(seed: 6), to: "other.yaml")
        try sweep(["sweep.yaml", "--out", "out", "--jobs", "1", "--shard", "0/2"])
        try sweep(["other.yaml", "--out", "out", "--jobs", "1", "--shard", "1/2"])
        let result = try entente(["merge", "out"])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("out/shard-1-of-2 comes from another sweep"), result.stderr)
        assertNoMergeOutput("out")
    }

    func testMergeRefusesADuplicatedShard() throws {
        for index in 0..<2 { try sweep(["sweep.yaml", "--out", "out", "--jobs", "1", "--shard", "\(index)/2"]) }
        let result = try entente(["merge", "out/shard-0-of-2", "out/shard-0-of-2", "out/shard-1-of-2"])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("shard 0/2 appears 2 times: out/shard-0-of-2, out/shard-0-of-2"), result.stderr)
        assertNoMergeOutput("out")
        // The shards themselves are fine: listed once each, they merge.
        let merged = try entente(["merge", "out/shard-0-of-2", "out/shard-1-of-2"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertTrue(exists("out/points.csv"))
    }

    func testMergeRefusesAnIncompleteShard() throws {
        try write(Self.sweep(replicates: 1000), to: "big.yaml")
        let interrupted = try interruptedSweep(["big.yaml", "--out", "out", "--jobs", "1", "--shard", "0/2"],
                                               runs: "out/shard-0-of-2/runs.csv", rows: 100)
        XCTAssertEqual(interrupted.status, 130, interrupted.stderr)
        XCTAssertTrue(interrupted.stderr.contains("resume with: \(try BuiltBinary.required("entente").path) sweep big.yaml --out out --shard 0/2 --resume"), interrupted.stderr)
        try sweep(["big.yaml", "--out", "out", "--jobs", "2", "--shard", "1/2"])
        let result = try entente(["merge", "out"])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("out/shard-0-of-2 is not complete ("), result.stderr)
        XCTAssertTrue(result.stderr.contains("of 3000 runs; status interrupted); resume it with `entente sweep SWEEP --out OUT --shard 0/2 --resume`"), result.stderr)
        XCTAssertFalse(result.stderr.contains("shard-1-of-2 is not complete"), result.stderr)
        assertNoMergeOutput("out")
        // Resumed as the message says, the shards merge into the single-process result.
        try sweep(["big.yaml", "--out", "out", "--jobs", "2", "--shard", "0/2", "--resume"])
        let merged = try entente(["merge", "out"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        try sweep(["big.yaml", "--out", "single", "--jobs", "2"])
        XCTAssertEqual(try data("out/points.csv"), try data("single/points.csv"))
        XCTAssertEqual(try lines("out/runs.csv").dropFirst().map { $0 }, try sortedRuns("single/runs.csv"))
    }
}
