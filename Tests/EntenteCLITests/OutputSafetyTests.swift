import EntenteKit
import EntenteTestSupport
import Foundation
import XCTest

/// The output-safety rule, end to end through the built binary: no command deletes or replaces anything
/// it did not create, unless told to with `--force`, and then only a folder holding an Entente manifest.
/// Each test snapshots the user's files and checks they are byte-for-byte the same afterwards.
final class OutputSafetyTests: XCTestCase {
    private var cli: CLIHarness!
    /// The working folder, its symbolic links resolved (paths in messages are compared with it).
    private var folder: URL { cli.folder.resolvingSymlinksInPath() }

    override func setUpWithError() throws {
        cli = try CLIHarness(prefix: "entente-output-safety")
        try write(Self.scenario, to: "work/tiny.yaml")
        try write("scenario: tiny.yaml\nseed: 3\nreplicates: 2\nparameters:\n  betrayal: {values: [1, 2]}\n", to: "work/sweep.yaml")
        try write("precious notes\n", to: "work/notes.txt")
    }

    override func tearDownWithError() throws {
        if let cli {
            chmod(cli.folder.path, 0o755)
            cli.remove()
        }
    }

    /// The covert-sale year without the distrust of A and C, the leak and A's trust in B; a smaller sale as variant.
    private static let scenario = TinyWorlds.covertSaleYear(
        replicates: 2, trust: [], events: [TinyWorlds.covertSaleStory[0], TinyWorlds.covertSaleStory[2]],
        outcomes: [TinyWorlds.aLeftAndTrustsB[0]], variants: ["{name: small, set: {events.sale.value: 0.1}}"])

    // MARK: - Helpers

    private struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var signal: Int32?
    }

    @discardableResult
    private func write(_ text: String, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Starts `entente arguments` in `directory` (default: work/).
    private func launch(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> CLIHarness.Launched {
        try cli.launch(arguments, in: URL(fileURLWithPath: directory ?? path("work")), environment: environment)
    }

    private func finish(_ launched: CLIHarness.Launched, timeout: TimeInterval = 120) -> Outcome {
        guard let result = try? cli.finish(launched, timeout: timeout) else { return Outcome(status: -1, stdout: "", stderr: "", signal: nil) }
        return Outcome(status: result.signal == nil ? result.status : -1, stdout: result.stdout, stderr: result.stderr, signal: result.signal)
    }

    private func entente(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> Outcome {
        finish(try launch(arguments, in: directory, environment: environment))
    }

    /// Every file and folder under `root` (relative path → bytes; folders map to an empty marker).
    private func snapshot(_ root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            result[relative] = isDirectory.boolValue ? Data("<folder>".utf8) : try Data(contentsOf: URL(fileURLWithPath: full))
        }
        return result
    }

    private func assertRefused(_ outcome: Outcome, status: Int32, saying phrase: String, _ command: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(outcome.status, status, "\(command): \(outcome.stderr)", file: file, line: line)
        XCTAssertTrue(outcome.stderr.hasPrefix("error: "), "\(command): \(outcome.stderr)", file: file, line: line)
        XCTAssertTrue(outcome.stderr.contains(phrase), "\(command): expected “\(phrase)” in \(outcome.stderr)", file: file, line: line)
        XCTAssertEqual(outcome.stderr.filter { $0 == "\n" }.count, 1, "\(command): one line expected: \(outcome.stderr)", file: file, line: line)
        for raw in ["NSCocoaErrorDomain", "Error Domain", "NSError", "could not be completed", "Fatal error"] {
            XCTAssertFalse(outcome.stderr.contains(raw), "\(command): raw error text: \(outcome.stderr)", file: file, line: line)
        }
    }

    /// A complete sweep sharded in two under `name` (work/NAME/shard-K-of-2/), from `sweep`.
    private func shardedSweep(_ name: String, sweep: String = "sweep.yaml") throws -> String {
        for index in 0..<2 {
            let result = try entente(["sweep", sweep, "--out", name, "--shard", "\(index)/2", "--jobs", "1", "--quiet"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        return path("work/" + name)
    }

    // MARK: - Paths that can never be a results folder (64, before anything runs)

    func testAnEmptyOutIsRefusedWith64ByEveryCommand() throws {
        let before = try snapshot(folder.path)
        let shards = try shardedSweep("s")
        let withShards = try snapshot(folder.path)
        XCTAssertNotEqual(before, withShards)
        for arguments in [["run", "tiny.yaml", "--out", "", "--force", "--quiet"],
                          ["compare", "tiny.yaml", "--out", "", "--force"],
                          ["sweep", "sweep.yaml", "--out", "", "--force", "--quiet"],
                          ["sweep", "sweep.yaml", "--out", "", "--shard", "0/2", "--quiet"],
                          ["merge", shards, "--out", ""]] {
            let command = "entente " + arguments.joined(separator: " ")
            assertRefused(try entente(arguments), status: 64, saying: "--out is empty (an unset shell variable?)", command)
            XCTAssertEqual(try snapshot(folder.path), withShards, "\(command) changed files")
        }
    }

    func testTheCurrentFolderAndFoldersHoldingItAreRefusedEvenWithForce() throws {
        try write("other\n", to: "work/sub/keep.txt")
        let before = try snapshot(folder.path)
        let sub = path("work/sub")
        for (out, phrase) in [(".", "is the current folder"), ("..", "holds the current folder"), ("../..", "holds the current folder"),
                              (folder.path, "holds the current folder"), ("/", "is the root folder"), ("./", "is the current folder")] {
            for command in ["run", "compare", "sweep"] {
                let input = path(command == "sweep" ? "work/sweep.yaml" : "work/tiny.yaml")
                let arguments = [command, input, "--out", out, "--force"] + (command == "compare" ? [] : ["--quiet"])
                assertRefused(try entente(arguments, in: sub), status: 64, saying: "--out \(out) \(phrase)", arguments.joined(separator: " "))
                XCTAssertEqual(try snapshot(folder.path), before, "\(arguments) changed files")
            }
        }
        let shards = try shardedSweep("s")
        let withShards = try snapshot(folder.path)
        assertRefused(try entente(["merge", shards, "--out", "."], in: sub), status: 64, saying: "--out . is the current folder", "merge --out .")
        XCTAssertEqual(try snapshot(folder.path), withShards)
    }

    func testTheHomeFolderIsRefusedEvenWithForce() throws {
        try write("dotfile\n", to: "home/.profile")
        let before = try snapshot(folder.path)
        let home = path("home")
        for arguments in [["run", "tiny.yaml", "--out", home, "--force", "--quiet"],
                          ["compare", "tiny.yaml", "--out", home, "--force"],
                          ["sweep", "sweep.yaml", "--out", home, "--force", "--quiet"]] {
            assertRefused(try entente(arguments, environment: ["HOME": home]), status: 64, saying: "is the home folder", arguments.joined(separator: " "))
            XCTAssertEqual(try snapshot(folder.path), before)
        }
    }

    func testAnInputFileOrAFolderHoldingOneIsRefusedEvenWithForce() throws {
        let before = try snapshot(folder.path)
        for (arguments, phrase) in [(["run", "work/tiny.yaml", "--out", "work/tiny.yaml", "--force", "--quiet"], "is the input file work/tiny.yaml"),
                                    (["compare", "work/tiny.yaml", "--out", "./work/tiny.yaml"], "is the input file work/tiny.yaml"),
                                    (["run", "work/tiny.yaml", "--out", "work", "--force", "--quiet"], "holds the input file work/tiny.yaml"),
                                    (["sweep", "work/sweep.yaml", "--out", "work", "--force", "--quiet"], "holds the input file work/sweep.yaml")] {
            assertRefused(try entente(arguments, in: folder.path), status: 64, saying: phrase, arguments.joined(separator: " "))
            XCTAssertEqual(try snapshot(folder.path), before)
        }
    }

    // MARK: - --force replaces only a folder Entente wrote (73)

    func testForceRefusesAFolderWithoutAnEntenteManifest() throws {
        try write("data\n", to: "work/mine/data.csv")
        try write("{\"name\": \"my-package\", \"command\": \"build\"}\n", to: "work/theirs/manifest.json")  // a manifest, not Entente's
        try write("{\"tool\": \"entente\"}\n", to: "work/almost/manifest.json")  // no command: not recognised either
        let before = try snapshot(folder.path)
        for out in ["mine", "theirs", "almost"] {
            for arguments in [["run", "tiny.yaml", "--out", out, "--force", "--quiet"], ["run", "tiny.yaml", "--out", out, "--quiet"],
                              ["compare", "tiny.yaml", "--out", out, "--force"],
                              ["sweep", "sweep.yaml", "--out", out, "--force", "--quiet"]] {
                assertRefused(try entente(arguments), status: 73, saying: "\(out) holds files Entente did not write (no Entente manifest.json)",
                              arguments.joined(separator: " "))
                XCTAssertEqual(try snapshot(folder.path), before, "\(arguments) changed files")
            }
        }
    }

    func testForceReplacesAnEntenteResultsFolderAndLeavesNothingBeside() throws {
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "res", "--quiet"]).status, 0)
        try write("extra\n", to: "work/res/plot.png")
        let refused = try entente(["run", "tiny.yaml", "--out", "res", "--quiet"])
        assertRefused(refused, status: 73, saying: "res already holds results; pass --force", "run without --force")
        let forced = try entente(["run", "tiny.yaml", "--out", "res", "--force", "--quiet", "--seed", "9"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertFalse(exists(path("work/res/plot.png")), "--force replaces the whole results folder")
        XCTAssertTrue(OutputTarget.isResultsFolder(path("work/res")))
        let beside = try FileManager.default.contentsOfDirectory(atPath: path("work")).filter { $0.hasPrefix(".res.") }
        XCTAssertEqual(beside, [])
    }

    // MARK: - merge --out

    func testMergeOutRefusesAnotherSweepAUsersFolderAndAShardWithoutForce() throws {
        let shards = try shardedSweep("s")
        try write("scenario: tiny.yaml\nseed: 4\nreplicates: 2\nparameters:\n  betrayal: {values: [1, 3]}\n", to: "work/other.yaml")
        XCTAssertEqual(try entente(["sweep", "other.yaml", "--out", "other", "--jobs", "1", "--quiet"]).status, 0)
        try write("a,b\n1,2\n", to: "work/mine/runs.csv")
        try write("notes\n", to: "work/plain/notes.txt")
        try write("not a folder\n", to: "work/afile")
        let before = try snapshot(folder.path)
        for (out, status, phrase) in [
            ("other", Int32(73), "other already holds other results (another sweep, a shard or a run); pass --force"),
            ("mine", 73, "mine holds files Entente did not write"),
            ("plain", 73, "plain holds files Entente did not write"),
            ("s/shard-1-of-2", 64, "is the shard folder"),
            ("afile", 73, "afile exists and is not a folder"),
        ] {
            assertRefused(try entente(["merge", shards, "--out", out]), status: status, saying: phrase, "merge --out \(out)")
            XCTAssertEqual(try snapshot(folder.path), before, "merge --out \(out) changed files")
        }
        for out in ["mine", "plain", "afile"] {  // --force does not make a user's folder or file replaceable
            assertRefused(try entente(["merge", shards, "--out", out, "--force"]), status: 73, saying: out, "merge --out \(out) --force")
        }
        XCTAssertEqual(try snapshot(folder.path), before)
        // Merging into the folder holding the shards, again into the same place, and --force onto another sweep's folder.
        XCTAssertEqual(try entente(["merge", shards]).status, 0)
        let merged = try entente(["merge", shards, "--out", "s"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        let forced = try entente(["merge", shards, "--out", "other", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("work/other/points.csv"))),
                       try Data(contentsOf: URL(fileURLWithPath: path("work/s/points.csv"))))
    }

    func testMergeOutOntoAnUnwritablePlaceIsOneSentenceWith73() throws {
        let shards = try shardedSweep("s")
        let before = try snapshot(folder.path)
        // Root ignores permissions: use a place nobody may create folders in instead.
        let unwritable: String
        if geteuid() == 0 {
            unwritable = "/proc/entente-\(getpid())/merged"
        } else {
            try FileManager.default.createDirectory(atPath: path("work/locked"), withIntermediateDirectories: true)
            chmod(path("work/locked"), 0o555)
            unwritable = path("work/locked/merged")
        }
        let result = try entente(["merge", shards, "--out", unwritable])
        assertRefused(result, status: 73, saying: "error: cannot create \(unwritable): ", "merge --out \(unwritable)")
        chmod(path("work/locked"), 0o755)
        try? FileManager.default.removeItem(atPath: path("work/locked"))
        XCTAssertEqual(try snapshot(folder.path), before)
    }

    // MARK: - File-system errors: one sentence, documented status

    func testAFolderUnderAFileOrAnUnwritablePlaceIsOneSentenceWith73() throws {
        try write("a file\n", to: "work/afile")
        let before = try snapshot(folder.path)
        for (out, phrase) in [("afile/sub/deeper", "cannot create afile/sub/deeper: Not a directory (a part of the path is a file, not a folder)"),
                              ("/proc/version/out", "cannot create /proc/version/out: Not a directory")] {
            for arguments in [["run", "tiny.yaml", "--out", out, "--quiet"], ["compare", "tiny.yaml", "--out", out],
                              ["sweep", "sweep.yaml", "--out", out, "--quiet"]] {
                assertRefused(try entente(arguments), status: 73, saying: phrase, arguments.joined(separator: " "))
                XCTAssertEqual(try snapshot(folder.path), before)
            }
        }
    }

    // MARK: - Deep paths: a failure removes exactly the folders it created

    func testADeepPathThatCannotBeCreatedLeavesNoFoldersBehind() throws {
        let tooDeep = String(repeating: "d/", count: 2100) + "z"  // longer than PATH_MAX once made absolute
        let longName = "e/f/g/" + String(repeating: "x", count: 300)  // a name longer than NAME_MAX
        try FileManager.default.createDirectory(atPath: path("work/e"), withIntermediateDirectories: true)  // existed before: kept
        let before = try snapshot(folder.path)
        for out in [tooDeep, longName] {
            for arguments in [["run", "tiny.yaml", "--out", out, "--quiet"], ["compare", "tiny.yaml", "--out", out],
                              ["sweep", "sweep.yaml", "--out", out, "--quiet"]] {
                let result = try entente(arguments)
                assertRefused(result, status: 73, saying: "is longer than the system allows", "\(arguments[0]) --out \(out.prefix(20))…")
                XCTAssertTrue(result.stderr.hasPrefix("error: cannot create"), result.stderr)
                XCTAssertEqual(try snapshot(folder.path), before, "\(arguments[0]) --out \(out.prefix(20))… left folders behind")
            }
        }
    }

    // MARK: - Signals

    /// Starts a long run into `res`, waits until its staging folder holds data, sends `signal`.
    private func interruptRun(with signal: Int32, command: String) throws -> Outcome {
        let arguments = command == "run"
            ? ["run", "tiny.yaml", "--out", "res", "--force", "--replicates", "2000000", "--jobs", "1", "--record", "every=1,trust=all", "--quiet"]
            : ["compare", "tiny.yaml", "--out", "res", "--force", "--replicates", "20000000", "--jobs", "1"]
        let launched = try launch(arguments)
        let staging = path("work/.res.partial-\(launched.process.processIdentifier)")
        let deadline = Date().addingTimeInterval(60)
        var seen = false
        while Date() < deadline && launched.process.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: staging + "/trust.csv")[.size] as? Int) ?? 0
            if command == "run" ? size > 10_000 : exists(staging) { seen = true; break }
            usleep(10_000)
        }
        if command == "compare" { usleep(300_000) }  // into the simulation
        kill(launched.process.processIdentifier, signal)
        let outcome = finish(launched, timeout: 60)
        XCTAssertTrue(seen, "the staging folder \(staging) never appeared: \(outcome.stderr)")
        XCTAssertFalse(exists(staging), "the staging folder was left behind")
        return outcome
    }

    func testSIGINTAndSIGTERMRemoveTheStagingFolderSaySoAndExit130And143() throws {
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "res", "--quiet"]).status, 0)
        let before = try snapshot(path("work/res"))
        for (signal, status, name) in [(SIGINT, Int32(130), "SIGINT"), (SIGTERM, 143, "SIGTERM")] {
            for command in ["run", "compare"] {
                let outcome = try interruptRun(with: signal, command: command)
                XCTAssertNil(outcome.signal, "\(command) was killed by signal \(outcome.signal ?? 0) instead of exiting")
                XCTAssertEqual(outcome.status, status, "\(command) \(name): \(outcome.stderr)")
                XCTAssertTrue(outcome.stderr.hasPrefix("interrupted by \(name): removed the unfinished results "), outcome.stderr)
                XCTAssertTrue(outcome.stderr.contains("/.res.partial-"), outcome.stderr)
                XCTAssertEqual(outcome.stderr.filter { $0 == "\n" }.count, 1, outcome.stderr)
                XCTAssertEqual(try snapshot(path("work/res")), before, "the earlier results changed")
                XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("work")).filter { $0.hasPrefix(".res.") }, [])
            }
        }
    }

    // MARK: - Stale staging folders

    func testOnlyEntenteStagingFoldersOfDeadProcessesAreRemoved() throws {
        let deadPid = 9_999_999  // above any pid_max: no such process
        try write("1\n", to: "work/.res.partial-\(deadPid)/trust.csv")  // Entente's: removed
        try write("mine\n", to: "work/.res.partial-\(deadPid + 1)/notes.txt")  // a user's, however named: kept
        try write("1\n", to: "work/.res.partial-\(deadPid + 2)/trust.csv")
        try FileManager.default.createDirectory(atPath: path("work/.res.partial-\(deadPid + 2)/sub"), withIntermediateDirectories: true)
        let result = try entente(["run", "tiny.yaml", "--out", "res", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let left = try FileManager.default.contentsOfDirectory(atPath: path("work")).filter { $0.hasPrefix(".res.") }.sorted()
        XCTAssertEqual(left, [".res.partial-\(deadPid + 1)", ".res.partial-\(deadPid + 2)"])
        XCTAssertEqual(try String(contentsOfFile: path("work/.res.partial-\(deadPid + 1)/notes.txt"), encoding: .utf8), "mine\n")
    }

    // MARK: - Two writers into one --out (through the API, deterministically)

    func testARunWhoseDestinationAppearsDuringTheSimulationKeepsTheOtherAndExits73() throws {
        let directory = path("work")
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(directory)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        var request = ScenarioRun.Request(path: "tiny.yaml")
        request.out = "raced"
        request.jobs = 1
        // The other process's results land while this run simulates: its progress callback is the moment.
        XCTAssertThrowsError(try ScenarioRun.execute(request) { done, total in
            if done == total { _ = try? self.write("{\"tool\": \"entente\", \"command\": \"entente run other\"}\n", to: "work/raced/manifest.json") }
        }) { error in
            let error = error as? EntenteError
            XCTAssertEqual(error?.exitStatus, 73)
            XCTAssertEqual(error?.description, "error: raced appeared while this command was writing (another entente writing to the same --out?); it was left as it is and these results were saved in raced.conflict-\(getpid())")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("work/raced")), ["manifest.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("work/raced.conflict-\(getpid())")).count, 7)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".raced.") }, [])
    }
}
