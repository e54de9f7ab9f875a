import EntenteTestSupport
import Foundation
import XCTest

/// End-to-end tests of sweep integrity (issue 12): the folder lock, rows checked on read by `merge`
/// and `--resume`, `record: full` series written before their rows, `--retry-failed`, refused sweep
/// paths, Slurm array variables, and `run` under a memory limit. Each runs the built `entente`.
final class SweepIntegrityTests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-integrity-cli" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write(Self.tinyScenario, to: "tiny.yaml")
        try write(Self.sweep(), to: "sweep.yaml")
    }

    /// The four-state world with C's two attacks on A and no sale.
    private static let tinyScenario = TinyWorlds.fourStatesTwoYears(events: [TinyWorlds.war, TinyWorlds.war2])

    /// 2 × 3 grid points over betrayal × complicity.
    private static func sweep(replicates: Int = 20, record: String = "outcomes") -> String {
        """
        scenario: tiny.yaml
        seed: 5
        replicates: \(replicates)
        record: \(record)
        parameters:
          betrayal: {values: [1, 3]}
          complicity: {from: 0, to: 1, steps: 3}

        """
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    private func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    private func lines(_ name: String) throws -> [String] {
        String(decoding: try data(name), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private func sortedRows(_ name: String) throws -> [String] { try lines(name).dropFirst().sorted() }

    private func manifestStatus(_ name: String) throws -> String? {
        (try JSONSerialization.jsonObject(with: try data(name + "/manifest.json")) as? [String: Any])?["status"] as? String
    }

    // MARK: - Running entente

    private typealias Launched = CLIHarness.Launched
    private typealias Output = CLIHarness.Result

    /// Starts `entente arguments` in the test folder (through `sh -c` with `limit`, a `ulimit` prefix, when given).
    private func launch(_ arguments: [String], environment: [String: String] = [:], limit: String? = nil) throws -> Launched {
        try cli.launch(arguments, environment: environment, limit: limit)
    }

    private func finish(_ launched: Launched, file: StaticString = #filePath, line: UInt = #line) throws -> Output {
        let output = try cli.finish(launched)
        for marker in ["Fatal error", "Stack dump", "Backtrace", "failed to allocate"] {
            XCTAssertFalse(output.stderr.contains(marker), "crashed: \(output.stderr)", file: file, line: line)
        }
        return output
    }

    @discardableResult
    private func entente(_ arguments: [String], environment: [String: String] = [:], limit: String? = nil,
                         file: StaticString = #filePath, line: UInt = #line) throws -> Output {
        try finish(try launch(arguments, environment: environment, limit: limit), file: file, line: line)
    }

    private func sweep(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try entente(["sweep"] + arguments + ["--quiet"], file: file, line: line)
        XCTAssertEqual(result.status, 0, "sweep \(arguments): \(result.stderr)", file: file, line: line)
    }

    private func newlines(_ name: String) -> Int {
        (FileManager.default.contents(atPath: path(name)) ?? Data()).reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// Starts a long sweep into `out` and waits until it has recorded `rows` runs.
    private func runningSweep(_ arguments: [String], runs: String, rows: Int) throws -> Launched {
        let launched = try launch(["sweep"] + arguments + ["--quiet"])
        let deadline = Date().addingTimeInterval(60)
        while launched.process.isRunning && newlines(runs) < rows + 1 && Date() < deadline { usleep(2_000) }
        XCTAssertTrue(launched.process.isRunning, "the sweep ended before the test could act; make it longer")
        return launched
    }

    /// Replaces data row `index` (0-based, after the header) of a CSV file.
    private func replaceRow(_ index: Int, of name: String, with row: String) throws {
        var all = try lines(name)
        all[index + 1] = row
        try write(all.joined(separator: "\n") + "\n", to: name)
    }

    private func assertNoMergeOutput(_ out: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(exists(out + "/runs.csv"), "merge wrote runs.csv", file: file, line: line)
        XCTAssertFalse(exists(out + "/points.csv"), "merge wrote points.csv", file: file, line: line)
    }

    // MARK: - Locking

    func testASecondWriterIsRefusedNamingThePidAndAKilledOnesLockDoesNotBlock() throws {
        try write(Self.sweep(replicates: 1000), to: "big.yaml")
        try sweep(["big.yaml", "--out", "whole", "--jobs", "2"])
        let first = try runningSweep(["big.yaml", "--out", "out", "--jobs", "1"], runs: "out/runs.csv", rows: 100)
        let pid = first.process.processIdentifier

        let second = try entente(["sweep", "big.yaml", "--out", "out", "--resume", "--quiet"])
        XCTAssertEqual(second.status, 73, second.stderr)
        XCTAssertEqual(second.stderr, "error: out is in use by process \(pid) (it holds out/.entente.lock); wait for it to finish, or stop it, then try again\n")
        let merge = try entente(["merge", "out"])
        XCTAssertEqual(merge.status, 64, merge.stderr)
        XCTAssertTrue(merge.stderr.contains("out is not complete (") && merge.stderr.contains("still being written by process \(pid)"), merge.stderr)

        // kill -9: the manifest stays `running`, but the lock dies with the process.
        kill(pid, SIGKILL)
        first.process.waitUntilExit()
        XCTAssertEqual(try manifestStatus("out"), "running")
        XCTAssertEqual(String(decoding: try data("out/.entente.lock"), as: UTF8.self), "\(pid)\n")
        let resumed = try entente(["sweep", "big.yaml", "--out", "out", "--jobs", "2", "--resume", "--quiet"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try manifestStatus("out"), "complete")
        XCTAssertEqual(try data("out/points.csv"), try data("whole/points.csv"))
        XCTAssertEqual(try sortedRows("out/runs.csv"), try sortedRows("whole/runs.csv"), "each run exactly once")
    }

    func testMergeOfAShardWhoseProcessWasKilledSaysItIsInterrupted() throws {
        try write(Self.sweep(replicates: 1000), to: "big.yaml")
        let shard = try runningSweep(["big.yaml", "--out", "out", "--jobs", "1", "--shard", "0/2"], runs: "out/shard-0-of-2/runs.csv", rows: 50)
        kill(shard.process.processIdentifier, SIGKILL)
        shard.process.waitUntilExit()
        try sweep(["big.yaml", "--out", "out", "--jobs", "2", "--shard", "1/2"])
        let merge = try entente(["merge", "out"])
        XCTAssertEqual(merge.status, 64, merge.stderr)
        XCTAssertTrue(merge.stderr.contains("runs; status running, but no process is writing it: interrupted); resume it with `entente sweep SWEEP --out OUT --shard 0/2 --resume`"), merge.stderr)
        assertNoMergeOutput("out")
    }

    // MARK: - Validation on read

    func testMergeRefusesARowCutToFourFields() throws {
        for index in 0..<2 { try sweep(["sweep.yaml", "--out", "out", "--jobs", "1", "--shard", "\(index)/2"]) }
        let row = try lines("out/shard-1-of-2/runs.csv")[5]
        let four = row.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",")
        try replaceRow(4, of: "out/shard-1-of-2/runs.csv", with: four)
        let merge = try entente(["merge", "out"])
        XCTAssertEqual(merge.status, 65, merge.stderr)
        XCTAssertEqual(merge.stderr, "out/shard-1-of-2/runs.csv:6:\(four.utf8.count + 2): error: expected 10 fields in a row of runs.csv; found 4; the file was cut, edited or mixed with another sweep's — rerun the sweep with --force, or restore the file; nothing was written\n")
        assertNoMergeOutput("out")
    }

    func testMergeRefusesARunInTwoShardsAndABadStatusWord() throws {
        for index in 0..<2 { try sweep(["sweep.yaml", "--out", "out", "--jobs", "1", "--shard", "\(index)/2"]) }
        let shard0 = try lines("out/shard-0-of-2/runs.csv")
        let original1 = try data("out/shard-1-of-2/runs.csv")
        try replaceRow(2, of: "out/shard-1-of-2/runs.csv", with: shard0[3])
        let duplicate = try entente(["merge", "out"])
        XCTAssertEqual(duplicate.status, 65, duplicate.stderr)
        let key = shard0[3].split(separator: ",").prefix(2)
        XCTAssertEqual(duplicate.stderr, "out/shard-1-of-2/runs.csv:4:1: error: run (point \(key[0]), replicate \(key[1])) appears twice: it is already on an earlier line of this file or of an earlier shard's runs.csv; the file was cut, edited or mixed with another sweep's — rerun the sweep with --force, or restore the file; nothing was written\n")
        assertNoMergeOutput("out")

        try original1.write(to: folder.appendingPathComponent("out/shard-1-of-2/runs.csv"))
        let row = try lines("out/shard-1-of-2/runs.csv")[1]
        try replaceRow(0, of: "out/shard-1-of-2/runs.csv", with: row.replacingOccurrences(of: ",ok,", with: ",OK,"))
        let status = try entente(["merge", "out"])
        XCTAssertEqual(status.status, 65, status.stderr)
        XCTAssertTrue(status.stderr.hasPrefix("out/shard-1-of-2/runs.csv:2:"), status.stderr)
        XCTAssertTrue(status.stderr.contains("error: 'status' must be ok or error; found 'OK'"), status.stderr)
        assertNoMergeOutput("out")
    }

    func testMergeRefusesACutLastLine() throws {
        for index in 0..<2 { try sweep(["sweep.yaml", "--out", "out", "--jobs", "1", "--shard", "\(index)/2"]) }
        let text = String(decoding: try data("out/shard-0-of-2/runs.csv"), as: UTF8.self)
        try write(String(text.dropLast(9)), to: "out/shard-0-of-2/runs.csv")
        let merge = try entente(["merge", "out"])
        XCTAssertEqual(merge.status, 65, merge.stderr)
        XCTAssertEqual(merge.stderr, "out/shard-0-of-2/runs.csv:61:1: error: the last line is cut short (no newline at its end): the shard's process was killed while writing; resume the shard with `entente sweep SWEEP --out OUT --shard 0/2 --resume`; nothing was written\n")
        assertNoMergeOutput("out")
    }

    func testResumeRefusesAGarbageOutcomeCell() throws {
        try sweep(["sweep.yaml", "--out", "out", "--jobs", "2"])
        var fields = try lines("out/runs.csv")[10].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[5] = "yes"  // a_left, a flag
        try replaceRow(9, of: "out/runs.csv", with: fields.joined(separator: ","))
        let before = try data("out/runs.csv")
        let result = try entente(["sweep", "sweep.yaml", "--out", "out", "--resume", "--quiet"])
        XCTAssertEqual(result.status, 65, result.stderr)
        let column = 1 + fields.prefix(5).reduce(0) { $0 + $1.utf8.count + 1 }
        XCTAssertEqual(result.stderr, "out/runs.csv:11:\(column): error: 'a_left' must be 0, 1 or empty; found 'yes'; the file was cut, edited or mixed with another sweep's — rerun the sweep with --force, or restore the file\n")
        XCTAssertEqual(try data("out/runs.csv"), before, "the file is left as it was")
    }

    // MARK: - record: full

    func testASeriesWriteFailureRecordsNoRowAndResumeCompletesTheSweep() throws {
        try write(Self.sweep(replicates: 4, record: "full"), to: "full.yaml")
        try sweep(["full.yaml", "--out", "clean", "--jobs", "2"])
        // A 4 KiB file size limit (dash counts 512-byte blocks): runs.csv fits, a run's states.csv does not.
        let failed = try entente(["sweep", "full.yaml", "--out", "out", "--jobs", "2", "--quiet"], limit: "ulimit -f 8")
        XCTAssertEqual(failed.status, 73, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("File too large"), failed.stderr)
        XCTAssertEqual(try lines("out/runs.csv").count, 1, "no run is recorded whose series files were not written")
        XCTAssertEqual(try manifestStatus("out"), "interrupted")

        let resumed = try entente(["sweep", "full.yaml", "--out", "out", "--jobs", "2", "--resume", "--quiet"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(resumed.stdout, "out: 6 points, 24 runs (24 run now); points.csv written\n")
        XCTAssertEqual(try data("out/points.csv"), try data("clean/points.csv"))
        for run in ["0-0", "2-3", "5-1"] {
            for name in ["trust.csv", "affinity.csv", "states.csv", "blocs.csv", "events.csv"] {
                XCTAssertEqual(try data("out/runs/\(run)/\(name)"), try data("clean/runs/\(run)/\(name)"), "\(run)/\(name)")
            }
        }
    }

    func testResumeRedoesRunsWhoseSeriesFilesAreMissingOrCut() throws {
        try write(Self.sweep(replicates: 4, record: "full"), to: "full.yaml")
        try sweep(["full.yaml", "--out", "clean", "--jobs", "2"])
        try FileManager.default.copyItem(atPath: path("clean"), toPath: path("out"))
        try FileManager.default.removeItem(atPath: path("out/runs/1-2/states.csv"))
        let trust = try data("out/runs/4-0/trust.csv")
        try trust.prefix(trust.count / 2).write(to: folder.appendingPathComponent("out/runs/4-0/trust.csv"))
        let resumed = try entente(["sweep", "full.yaml", "--out", "out", "--jobs", "2", "--resume", "--quiet"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(resumed.stdout, "out: 6 points, 24 runs (2 run now); points.csv written\n")
        XCTAssertEqual(try data("out/runs/1-2/states.csv"), try data("clean/runs/1-2/states.csv"))
        XCTAssertEqual(try data("out/runs/4-0/trust.csv"), trust)
        XCTAssertEqual(try sortedRows("out/runs.csv"), try sortedRows("clean/runs.csv"))
        XCTAssertEqual(try data("out/points.csv"), try data("clean/points.csv"))
    }

    // MARK: - --retry-failed

    func testRetryFailedRerunsRunsRecordedAsFailed() throws {
        try sweep(["sweep.yaml", "--out", "clean", "--jobs", "2"])
        try FileManager.default.copyItem(atPath: path("clean"), toPath: path("out"))
        // A run recorded as failed: empty outcomes, status error, a reason.
        var fields = try lines("out/runs.csv")[7].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields.replaceSubrange(5..., with: ["", "", "", "error", "step 4: trust is not finite"])
        try replaceRow(6, of: "out/runs.csv", with: fields.joined(separator: ","))

        let kept = try entente(["sweep", "sweep.yaml", "--out", "out", "--resume", "--quiet"])
        XCTAssertEqual(kept.status, 70, kept.stderr)
        XCTAssertEqual(kept.stdout, "out: 6 points, 120 runs (0 run now), 1 failed (status=error in runs.csv); points.csv written\n")
        XCTAssertNotEqual(try data("out/points.csv"), try data("clean/points.csv"))

        let retried = try entente(["sweep", "sweep.yaml", "--out", "out", "--resume", "--retry-failed", "--quiet"])
        XCTAssertEqual(retried.status, 0, retried.stderr)
        XCTAssertEqual(retried.stdout, "out: 6 points, 120 runs (1 run now); points.csv written\n")
        XCTAssertEqual(try data("out/points.csv"), try data("clean/points.csv"))
        XCTAssertEqual(try sortedRows("out/runs.csv"), try sortedRows("clean/runs.csv"))

        let alone = try entente(["sweep", "sweep.yaml", "--out", "other", "--retry-failed"])
        XCTAssertEqual(alone.status, 64, alone.stderr)
        XCTAssertTrue(alone.stderr.contains("--retry-failed needs --resume"), alone.stderr)
    }

    // MARK: - Sweep paths

    func testSweepingAnAliasedPathOrTheSeedIsRefusedAtItsLine() throws {
        try write("""
            scenario: tiny.yaml
            parameters:
              betrayal: {values: [1, 3]}
              parameters.betrayal: {values: [2]}
              seed: {values: [1, 2]}

            """, to: "bad.yaml")
        let result = try entente(["sweep", "bad.yaml", "--out", "out"])
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertEqual(result.stderr, """
            bad.yaml:4:3: error: parameters 'betrayal' (line 3) and 'parameters.betrayal' name the same value; sweep it under one of the two names
            bad.yaml:5:3: error: parameter 'seed' cannot be swept: each run's random stream comes from the sweep's own 'seed' key, the point and the replicate (the seed column of runs.csv), so a swept scenario seed would change nothing; set 'seed' at the top of the sweep file

            """)
        XCTAssertFalse(exists("out"))
    }

    // MARK: - Slurm

    func testNonNumericSlurmVariablesAreRefusedInsteadOfRunningTheWholeSweep() throws {
        for (name, value) in [("SLURM_ARRAY_TASK_ID", "3a"), ("SLURM_ARRAY_TASK_COUNT", "")] {
            var variables = ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4"]
            variables[name] = value
            let result = try entente(["sweep", "sweep.yaml", "--out", "out", "--quiet"], environment: variables)
            XCTAssertEqual(result.status, 64, result.stderr)
            XCTAssertEqual(result.stderr, "error: \(name)='\(value)' is not a whole number ≥ 0; entente reads it to choose this task's shard (or pass --shard K/N)\n")
            XCTAssertFalse(exists("out"), "nothing is run")
        }
    }

    func testASteppedSlurmArrayRunsItsShard() throws {
        // Task 4 of --array=0-6:2 (ids 0, 2, 4, 6) is shard 2 of 4.
        let result = try entente(["sweep", "sweep.yaml", "--out", "out", "--jobs", "1", "--quiet"],
                                 environment: ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "6",
                                               "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "4"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "note: running shard 2/4 from SLURM_ARRAY_TASK_ID=4, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_MAX=6, SLURM_ARRAY_TASK_STEP=2, SLURM_ARRAY_TASK_COUNT=4\n")
        try sweep(["sweep.yaml", "--out", "explicit", "--jobs", "1", "--shard", "2/4"])
        XCTAssertEqual(try sortedRows("out/shard-2-of-4/runs.csv"), try sortedRows("explicit/shard-2-of-4/runs.csv"))
    }

    // MARK: - run memory

    func testRunUnderAMemoryLimitExits70WithAMessageAndLeavesNothing() throws {
        // An address-sanitized binary reserves terabytes of shadow memory and cannot start under `ulimit -v`
        // (`make test-sanitize` sets ASAN_OPTIONS); the plain `make test` run checks the limit.
        if ProcessInfo.processInfo.environment["ASAN_OPTIONS"] != nil {
            throw XCTSkip("not under the address sanitizer: it cannot run within a virtual-memory limit")
        }
        let result = try entente(["run", "tiny.yaml", "--out", "out", "--quiet"], limit: "ulimit -v 300000")
        XCTAssertEqual(result.status, 70, result.stderr)
        XCTAssertEqual(result.stderr, "error: cannot allocate the 256 MiB that time series may take in memory (the memory budget of `entente run`, docs/reliability.md#memory-budget); raise the memory limit, or lower the budget with --series-memory MiB\n")
        XCTAssertFalse(exists("out"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("partial") }, [])
        // A smaller budget runs under the same limit, to the same bytes as without one.
        let small = try entente(["run", "tiny.yaml", "--out", "small", "--quiet", "--jobs", "1", "--series-memory", "16", "--record", "trust=all"], limit: "ulimit -v 300000")
        XCTAssertEqual(small.status, 0, small.stderr)
        let free = try entente(["run", "tiny.yaml", "--out", "free", "--quiet", "--record", "trust=all"])
        XCTAssertEqual(free.status, 0, free.stderr)
        for name in ["trust.csv", "affinity.csv", "states.csv", "events.csv", "outcomes.csv"] {
            XCTAssertEqual(try data("small/" + name), try data("free/" + name), name)
        }
    }
}
