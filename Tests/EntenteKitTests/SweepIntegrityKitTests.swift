import EntenteTestSupport
import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// In-process tests of sweep integrity: injected failures and `--retry-failed`, rows checked on
/// read, the folder lock, Slurm array mapping, refused sweep paths, and `run`'s series memory budget.
final class SweepIntegrityKitTests: FolderTestCase {
    override class var folderPrefix: String { "entente-integrity" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write(TinyWorlds.allyAttacked(at: ["2020-03", "2020-09"]), to: "world.yaml")
        try write("""
            scenario: world.yaml
            seed: 9
            replicates: 10
            parameters:
              betrayal: {values: [1, 3]}
              complicity: {values: [0, 0.5, 1]}

            """, to: "sweep.yaml")
    }

    private func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    private func rows(_ name: String) throws -> [String] {
        String(decoding: try data(name), as: UTF8.self).split(separator: "\n").dropFirst().map(String.init)
    }

    private func request(out: String, jobs: Int = 2) -> SweepRunner.Request {
        var request = SweepRunner.Request(path: path("sweep.yaml"))
        request.out = path(out)
        request.jobs = jobs
        return request
    }

    /// The message of an ``EntenteError`` thrown by `body`, with its exit status.
    private func failure(_ body: () throws -> Any) -> (Int32, String)? {
        do {
            _ = try body()
            return nil
        } catch let error as EntenteError {
            return (error.exitStatus, error.description)
        } catch {
            return (-1, "\(error)")
        }
    }

    // MARK: - Failed runs and --retry-failed

    func testAnInjectedFailureIsRecordedAndTheRestCompletes() throws {
        var failing = request(out: "out")
        failing.failRun = { point, replicate in point == 1 && replicate == 3 }
        let outcome = try SweepRunner.execute(failing)
        XCTAssertEqual([outcome.total, outcome.done, outcome.failed, outcome.executed], [60, 60, 1, 60])
        let all = try rows("out/runs.csv")
        XCTAssertEqual(all.count, 60)
        let failed = all.filter { $0.hasPrefix("1,3,") }
        XCTAssertEqual(failed.count, 1)
        XCTAssertTrue(failed[0].hasSuffix(",,,,error,failure injected for testing"), failed[0])
        XCTAssertEqual(all.filter { $0.hasSuffix(",ok,") }.count, 59)
        // points.csv leaves the failed run out: n is 9 for point 1, 10 elsewhere.
        for row in try rows("out/points.csv") {
            let fields = row.split(separator: ",").map(String.init)
            XCTAssertEqual(fields[4], fields[0] == "1" ? "9" : "10", row)
        }
    }

    func testRetryFailedRerunsFailedRunsToTheBytesOfACleanSweep() throws {
        _ = try SweepRunner.execute(request(out: "clean"))
        var failing = request(out: "retried")
        failing.failRun = { point, replicate in (point == 1 && replicate == 3) || (point == 4 && replicate == 0) }
        XCTAssertEqual(try SweepRunner.execute(failing).failed, 2)
        XCTAssertNotEqual(try data("retried/points.csv"), try data("clean/points.csv"))

        // --resume alone keeps the failures.
        var resume = request(out: "retried")
        resume.resume = true
        let kept = try SweepRunner.execute(resume)
        XCTAssertEqual([kept.done, kept.failed, kept.executed], [60, 2, 0])

        resume.retryFailed = true
        let retried = try SweepRunner.execute(resume)
        XCTAssertEqual([retried.done, retried.failed, retried.executed], [60, 0, 2])
        XCTAssertEqual(try data("retried/points.csv"), try data("clean/points.csv"))
        XCTAssertEqual(try rows("retried/runs.csv").sorted(), try rows("clean/runs.csv").sorted(), "each run once, failed rows replaced")
        let manifest = try SweepManifest.read(folder: path("retried"))
        XCTAssertEqual(manifest.status, "complete")
    }

    // MARK: - Validation on read

    /// Replaces data row `index` (0-based, after the header) of a runs.csv by `row`.
    private func replaceRow(_ index: Int, of name: String, with row: String) throws {
        var lines = String(decoding: try data(name), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[index + 1] = row
        try write(lines.joined(separator: "\n"), to: name)
    }

    func testResumeRefusesAGarbageOutcomeCellWithFileLineAndColumn() throws {
        _ = try SweepRunner.execute(request(out: "out"))
        let original = try rows("out/runs.csv")[4]
        var fields = original.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[7] = "garbage"  // a_trust_b
        try replaceRow(4, of: "out/runs.csv", with: fields.joined(separator: ","))
        let column = 1 + fields.prefix(7).reduce(0) { $0 + $1.count + 1 }
        var resume = request(out: "out")
        resume.resume = true
        let error = failure { try SweepRunner.execute(resume) }
        XCTAssertEqual(error?.0, 65)
        XCTAssertEqual(error?.1, "\(path("out/runs.csv")):6:\(column): error: 'a_trust_b' must be a finite number or empty; found 'garbage'; the file was cut, edited or mixed with another sweep's — rerun the sweep with --force, or restore the file")
    }

    func testResumeKeepsTheFirstRowOfARunRecordedTwice() throws {
        _ = try SweepRunner.execute(request(out: "clean"))
        var partial = request(out: "out")
        partial.failRun = { point, _ in point >= 4 }
        _ = try SweepRunner.execute(partial)
        // Two unlocked writers (an older version) recorded runs 0..<20 twice; the failed rows are then retried.
        let all = String(decoding: try data("out/runs.csv"), as: UTF8.self)
        let repeated = all.split(separator: "\n").dropFirst().prefix(20).map { $0 + "\n" }.joined()
        try write(all + repeated, to: "out/runs.csv")
        var resume = request(out: "out")
        resume.resume = true
        resume.retryFailed = true
        let outcome = try SweepRunner.execute(resume)
        XCTAssertEqual([outcome.done, outcome.failed, outcome.executed], [60, 0, 20])
        XCTAssertEqual(try rows("out/runs.csv").count, 60, "each run once")
        XCTAssertEqual(try rows("out/runs.csv").sorted(), try rows("clean/runs.csv").sorted())
        XCTAssertEqual(try data("out/points.csv"), try data("clean/points.csv"))
    }

    func testValidatorChecksEveryKindOfField() throws {
        let columns = [OutcomeColumn(name: "f", kind: .flag), OutcomeColumn(name: "d", kind: .date), OutcomeColumn(name: "x", kind: .number)]
        var validator = RunsFileValidator(points: [[0.5], [1.5]], replicates: 3, seed: 1, columns: columns, labels: ["2020-01", "2020-02"])
        let seed = String(StreamSeed.key(seed: 1, point: 1, replicate: 2))
        func message(_ row: String) -> String? {
            do {
                _ = try validator.check(row.split(separator: ",", omittingEmptySubsequences: false).map(String.init), file: "r.csv", line: 2)
                return nil
            } catch let error as EntenteError {
                return error.description.components(separatedBy: "; the file was").first
            } catch { return "\(error)" }
        }
        XCTAssertEqual(message("1,2,\(seed),1.5,1"), "r.csv:2:\(12 + seed.count): error: expected 9 fields in a row of runs.csv; found 5")
        XCTAssertEqual(message("x,2,\(seed),1.5,1,2020-01,0.5,ok,"), "r.csv:2:1: error: 'point' must be a whole number from 0 to 1; found 'x'")
        XCTAssertEqual(message("1,3,\(seed),1.5,1,2020-01,0.5,ok,"), "r.csv:2:3: error: 'replicate' must be a whole number from 0 to 2; found '3'")
        XCTAssertEqual(message("1,2,12,1.5,1,2020-01,0.5,ok,"), "r.csv:2:5: error: 'seed' of point 1, replicate 2 must be \(seed); found '12'")
        XCTAssertEqual(message("1,2,\(seed),0.5,1,2020-01,0.5,ok,"), "r.csv:2:\(6 + seed.count): error: parameter 1 of point 1 must be 1.5; found '0.5'")
        XCTAssertEqual(message("1,2,\(seed),1.5,2,2020-01,0.5,ok,"), "r.csv:2:\(10 + seed.count): error: 'f' must be 0, 1 or empty; found '2'")
        XCTAssertEqual(message("1,2,\(seed),1.5,1,2020-13,0.5,ok,"), "r.csv:2:\(12 + seed.count): error: 'd' must be a date of the scenario's calendar or empty; found '2020-13'")
        XCTAssertEqual(message("1,2,\(seed),1.5,1,,nan,ok,"), "r.csv:2:\(13 + seed.count): error: 'x' must be a finite number or empty; found 'nan'")
        XCTAssertEqual(message("1,2,\(seed),1.5,1,,0.5,fine,"), "r.csv:2:\(17 + seed.count): error: 'status' must be ok or error; found 'fine'")
        XCTAssertEqual(message("1,2,\(seed),1.5,,,,error,"), "r.csv:2:\(19 + seed.count): error: a run with status error names its error; found an empty 'error'")
        XCTAssertEqual(message("1,2,\(seed),1.5,1,,,error,boom"), "r.csv:2:\(10 + seed.count): error: a failed run has empty outcome cells; found '1' in 'f'")
        XCTAssertNil(message("1,2,\(seed),1.5,1,2020-02,-0.25,ok,"))
        XCTAssertEqual(message("1,2,\(seed),1.5,,,,error,boom"), "r.csv:2:1: error: run (point 1, replicate 2) appears twice: it is already on an earlier line")
    }

    // MARK: - Locking

    func testASecondLockOnAFolderIsRefusedNamingThePidAndReleasedWithTheFirst() throws {
        let first = try FolderLock(folder: folder.path)
        XCTAssertTrue(FolderLock.isHeld(folder: folder.path))
        XCTAssertEqual(String(decoding: try data(FolderLock.fileName), as: UTF8.self), "\(getpid())\n")
        let error = failure { try FolderLock(folder: self.folder.path) }
        XCTAssertEqual(error?.0, 73)
        XCTAssertEqual(error?.1, "error: \(folder.path) is in use by process \(getpid()) (it holds \(folder.path)/.entente.lock); wait for it to finish, or stop it, then try again")
        first.unlock()
        XCTAssertFalse(FolderLock.isHeld(folder: folder.path))
        XCTAssertNotNil(try? FolderLock(folder: folder.path))
    }

    func testALockFileLeftByADeadProcessDoesNotBlock() throws {
        try write("999999999\n", to: FolderLock.fileName)
        XCTAssertFalse(FolderLock.isHeld(folder: folder.path))
        let lock = try FolderLock(folder: folder.path)
        XCTAssertEqual(String(decoding: try data(FolderLock.fileName), as: UTF8.self), "\(getpid())\n")
        lock.unlock()
    }

    func testResumeOfALockedFolderExits73AndLeavesItAlone() throws {
        _ = try SweepRunner.execute(request(out: "out"))
        let before = try data("out/runs.csv")
        let lock = try FolderLock(folder: path("out"))
        defer { lock.unlock() }
        var resume = request(out: "out")
        resume.resume = true
        resume.retryFailed = true
        let error = failure { try SweepRunner.execute(resume) }
        XCTAssertEqual(error?.0, 73)
        XCTAssertTrue(error?.1.contains("is in use by process \(getpid())") == true, error?.1 ?? "")
        XCTAssertEqual(try data("out/runs.csv"), before)
    }

    func testMergeIntoALockedFolderExits73AndWritesNothing() throws {
        for index in 0..<2 {
            var shard = request(out: "out")
            shard.shard = Shard(index: index, count: 2)
            _ = try SweepRunner.execute(shard)
        }
        let lock = try FolderLock(folder: path("out"))
        let error = failure { try SweepMerger.merge(folders: [self.path("out")]) }
        XCTAssertEqual(error?.0, 73)
        XCTAssertEqual(error?.1, "error: \(path("out")) is in use by process \(getpid()) (it holds \(path("out"))/.entente.lock); wait for it to finish, or stop it, then try again")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out/runs.csv")))
        lock.unlock()
        XCTAssertEqual(try SweepMerger.merge(folders: [path("out")]).runs, 60)
    }

    func testAWriteFailureMarksTheManifestInterrupted() throws {
        // points.csv cannot be written (a folder of that name is in the way): the sweep fails after its runs.
        _ = try SweepRunner.execute(request(out: "out"))
        try FileManager.default.removeItem(atPath: path("out/points.csv"))
        try FileManager.default.createDirectory(atPath: path("out/points.csv/x"), withIntermediateDirectories: true)
        var resume = request(out: "out")
        resume.resume = true
        let error = failure { try SweepRunner.execute(resume) }
        XCTAssertEqual(error?.0, 73, error?.1 ?? "")
        let manifest = try SweepManifest.read(folder: path("out"))
        XCTAssertEqual(manifest.status, "interrupted")
        XCTAssertEqual(manifest.runsDone, 60)
    }

    // MARK: - Slurm

    private func slurm(_ variables: [String: String]) -> Result<String, EntenteError> {
        do {
            guard let (shard, note) = try Shard.fromSlurm(environment: variables) else { return .success("whole") }
            return .success("\(shard) \(note)")
        } catch let error as EntenteError {
            return .failure(error)
        } catch {
            return .failure(.software("\(error)"))
        }
    }

    func testSteppedSlurmArraysMapTaskIdsToShards() {
        // --array=0-6:2: ids 0, 2, 4, 6 -> shards 0..3 of 4.
        for (id, shard) in [(0, 0), (2, 1), (4, 2), (6, 3)] {
            let result = slurm(["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "6",
                                "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "4"])
            XCTAssertEqual(try? result.get(), "\(shard)/4 running shard \(shard)/4 from SLURM_ARRAY_TASK_ID=\(id), SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_MAX=6, SLURM_ARRAY_TASK_STEP=2, SLURM_ARRAY_TASK_COUNT=4")
        }
        // --array=1-10:3 without COUNT: ids 1, 4, 7, 10.
        XCTAssertEqual(try? slurm(["SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "10", "SLURM_ARRAY_TASK_STEP": "3"]).get(),
                       "2/4 running shard 2/4 from SLURM_ARRAY_TASK_ID=7, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_MAX=10, SLURM_ARRAY_TASK_STEP=3")
        XCTAssertEqual(try? slurm([:]).get(), "whole")
    }

    func testNonNumericOrInconsistentSlurmVariablesAreRefused() {
        func message(_ variables: [String: String]) -> String {
            if case .failure(let error) = slurm(variables) { return "\(error.exitStatus) \(error.description)" }
            return "accepted"
        }
        XCTAssertEqual(message(["SLURM_ARRAY_TASK_ID": "abc", "SLURM_ARRAY_TASK_COUNT": "4"]),
                       "64 error: SLURM_ARRAY_TASK_ID='abc' is not a whole number ≥ 0; entente reads it to choose this task's shard (or pass --shard K/N)")
        XCTAssertEqual(message(["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "four"]),
                       "64 error: SLURM_ARRAY_TASK_COUNT='four' is not a whole number ≥ 0; entente reads it to choose this task's shard (or pass --shard K/N)")
        XCTAssertEqual(message(["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "-1"]),
                       "64 error: SLURM_ARRAY_TASK_MIN='-1' is not a whole number ≥ 0; entente reads it to choose this task's shard (or pass --shard K/N)")
        XCTAssertEqual(message(["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MAX": "9x"]),
                       "64 error: SLURM_ARRAY_TASK_MAX='9x' is not a whole number ≥ 0; entente reads it to choose this task's shard (or pass --shard K/N)")
        XCTAssertEqual(message(["SLURM_ARRAY_TASK_ID": "2"]),
                       "64 error: SLURM_ARRAY_TASK_ID=2 is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX is, so the number of shards is unknown; pass --shard K/N")
        // --array=0,2,5: MIN 0, MAX 5, COUNT 3.
        XCTAssertEqual(message(["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "5", "SLURM_ARRAY_TASK_COUNT": "3"]),
                       "64 error: SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_MAX=5, SLURM_ARRAY_TASK_STEP=1, SLURM_ARRAY_TASK_COUNT=3: a sparse array (such as --array=0,2,5) does not number its tasks as shards; submit it as --array=0-2 or pass --shard K/N")
        XCTAssertEqual(message(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "6", "SLURM_ARRAY_TASK_STEP": "2"]),
                       "64 error: SLURM_ARRAY_TASK_ID=3, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_MAX=6, SLURM_ARRAY_TASK_STEP=2: task id 3 is not one of the array's ids; submit the array as --array=0-3 or pass --shard K/N")
    }

    // MARK: - Sweep paths

    func testAliasedSeedAndReplicatesPathsAreRefusedAtTheirLines() throws {
        try write("""
            scenario: world.yaml
            parameters:
              betrayal: {values: [1, 3]}
              parameters.betrayal: {values: [2]}
              seed: {values: [1, 2]}
              replicates: {values: [5]}

            """, to: "bad.yaml")
        let error = failure { try SweepDecoder().load(path: self.path("bad.yaml")) }
        XCTAssertEqual(error?.0, 65)
        let file = path("bad.yaml")
        XCTAssertEqual(error?.1.components(separatedBy: "\n"), [
            "\(file):4:3: error: parameters 'betrayal' (line 3) and 'parameters.betrayal' name the same value; sweep it under one of the two names",
            "\(file):5:3: error: parameter 'seed' cannot be swept: each run's random stream comes from the sweep's own 'seed' key, the point and the replicate (the seed column of runs.csv), so a swept scenario seed would change nothing; set 'seed' at the top of the sweep file",
            "\(file):6:3: error: parameter 'replicates' cannot be swept: every point runs the sweep's own 'replicates' replicates, so a swept scenario value would change nothing; set 'replicates' at the top of the sweep file",
        ])
    }

    // MARK: - Memory budget of run

    func testSeriesSpilledThroughATinyBudgetAreByteIdenticalForAnyJobs() throws {
        var outputs: [[Data]] = []
        for (jobs, budget) in [(1, 256 << 20), (3, 1), (2, 1 << 20)] {
            var run = ScenarioRun.Request(path: path("world.yaml"))
            run.out = path("run-\(jobs)")
            run.replicates = 9
            run.jobs = jobs
            run.record = RecordOptions(every: 1, trust: .all)
            run.seriesMemoryBudget = budget
            _ = try ScenarioRun.execute(run)
            outputs.append(try SeriesRecorder.headers.map { try data("run-\(jobs)/" + $0.file) } + [try data("run-\(jobs)/outcomes.csv")])
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: path("run-\(jobs)")).filter { $0.hasPrefix(".") }
            XCTAssertEqual(leftovers, [], "spool files removed")
        }
        XCTAssertGreaterThan(outputs[0][0].count / 9, 1 << 12, "a replicate's trust rows exceed the smallest spill threshold (4 KiB), so the tiny budget spills")
        XCTAssertEqual(outputs[1], outputs[0])
        XCTAssertEqual(outputs[2], outputs[0])
    }

    func testTheStreamKeepsAtMostTwoReplicatesPerWorkerInFlight() {
        let stream = SeriesStream(files: [], total: 100, workers: 3, budget: 60 << 20) { _ in }
        XCTAssertEqual(stream.window, 6)
        XCTAssertEqual(stream.threshold, 10 << 20, "each replicate of the window may hold budget / window bytes")
        // Claims stop at the window until the oldest is written.
        var claimed: [Int] = []
        for _ in 0..<6 { if let replicate = stream.claim() { claimed.append(replicate) } }
        XCTAssertEqual(claimed, [0, 1, 2, 3, 4, 5])
    }
}
