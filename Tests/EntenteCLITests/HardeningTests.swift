import EntenteKit
import Foundation
import XCTest

/// Hostile and extreme inputs, run through the `entente` binary as a subprocess: every broken file in
/// Tests/Fixtures/bad/, generated oversized and degenerate scenarios, every parameter at its bounds,
/// and failures of the output side (SIGKILL mid-write, unwritable folders, a file size limit, a results
/// folder deleted mid-sweep).
///
/// Every command runs under `ulimit -v` (4 GiB) and a time limit, so that an input that exhausts memory
/// or hangs fails its test instead of the machine.
final class HardeningTests: XCTestCase {
    // MARK: - Locating the binary and the fixtures

    private static var candidates: [URL] { BuiltBinary.candidates("entente") }

    /// The `entente` built beside this test bundle; `ENTENTE_BINARY` overrides the search.
    static let binary: URL? = BuiltBinary.url("entente")

    private static let packageRoot = BuiltBinary.packageRoot

    private static let fixtureFolder = packageRoot.appendingPathComponent("Tests/Fixtures/bad", isDirectory: true)

    /// Address-space limit of every command, in KiB (`ulimit -v`).
    private static let memoryLimit = 4 * 1024 * 1024

    /// `ulimit -v …`, or nothing when the binary cannot start under it: a sanitizer build (`make test-sanitize`)
    /// reserves terabytes of shadow address space. Such a run relies on the time limits alone.
    private static let memoryLimitCommand: String? = {
        guard let binary else { return nil }
        let command = "ulimit -v \(memoryLimit)"
        let probe = try? CLIHarness.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "\(command); exec \"$0\" --version", binary.path],
                                        in: FileManager.default.temporaryDirectory)
        return probe.map { !$0.wasKilled && $0.status == 0 } == true ? command : nil
    }()

    /// The working folder and the runner (``CLIHarness``).
    private var harness: CLIHarness!
    private var folder: URL { harness.folder }

    override func setUpWithError() throws {
        guard Self.binary != nil else {
            throw XCTSkip("no entente binary beside the test bundle; looked at \(Self.candidates.map(\.path))")
        }
        harness = try CLIHarness(prefix: "entente-hardening")
    }

    override func tearDownWithError() throws {
        harness?.remove()
    }

    // MARK: - Running the binary

    private struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The signal that ended the process, if one did.
        var signal: Int32?
        var timedOut: Bool

        var summary: String {
            let how = timedOut ? "timed out" : signal.map { "killed by signal \($0)" } ?? "exit \(status)"
            return "\(how); stderr: \(stderr.prefix(1500))"
        }
    }

    /// Starts `entente arguments` under the memory limit and `limits` (`ulimit -f 100`), through
    /// `/bin/sh -c 'LIMITS; exec entente "$@"'` (so the pid is entente's).
    private func launch(_ arguments: [String], limits: String = "", in directory: URL? = nil) throws -> CLIHarness.Launched {
        let extra = limits.trimmingCharacters(in: CharacterSet(charactersIn: "; "))
        let shell = [Self.memoryLimitCommand, extra.isEmpty ? nil : extra].compactMap { $0 }
        return try harness.launch(arguments, in: directory, limit: shell.isEmpty ? nil : shell.joined(separator: "; "))
    }

    /// Waits for a started command, killing it after `timeout` seconds.
    private func finish(_ running: CLIHarness.Launched, timeout: TimeInterval) throws -> Outcome {
        let result = try harness.finish(running, timeout: timeout)
        return Outcome(status: result.signal == nil ? result.status : -1, stdout: result.stdout, stderr: result.stderr,
                       signal: result.signal, timedOut: result.timedOut)
    }

    /// Runs `entente arguments` to the end (at most `timeout` seconds).
    private func entente(_ arguments: [String], limits: String = "", timeout: TimeInterval = 120,
                         in directory: URL? = nil) throws -> Outcome {
        try finish(try launch(arguments, limits: limits, in: directory), timeout: timeout)
    }

    /// Markers of a crash rather than a message (the Swift runtime's backtracer, fatalError, signals).
    private static let crashMarkers = ["fatal error", "stack dump", "backtrace", "illegal instruction", "segmentation fault",
                                       "program crashed", "current stack trace", "addresssanitizer"]

    private func crashMarker(in outcome: Outcome) -> String? {
        let text = outcome.stderr.lowercased()
        return Self.crashMarkers.first { text.contains($0) }
    }

    private func assertNoCrash(_ outcome: Outcome, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        if outcome.timedOut {
            XCTFail("\(what) hung: killed after its time limit; stderr: \(outcome.stderr.prefix(600))", file: file, line: line)
        } else if let signal = outcome.signal {
            XCTFail("\(what) was killed by signal \(signal): \(outcome.summary)", file: file, line: line)
        }
        if let marker = crashMarker(in: outcome) {
            XCTFail("\(what) crashed (\(marker)): \(outcome.summary)", file: file, line: line)
        }
    }

    private func write(_ text: String, to name: String) throws -> String { try harness.write(text, to: name) }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Staging (`.NAME.partial-PID`) and backup (`.NAME.old-PID`) folders beside `out`.
    private func leftovers(of out: String) -> [String] {
        let url = URL(fileURLWithPath: out)
        let name = url.lastPathComponent
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return siblings.filter { $0.hasPrefix(".\(name).partial-") || $0.hasPrefix(".\(name).old-") }.sorted()
    }

    /// Every file under `root` (relative path → bytes).
    private func snapshot(_ root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: root))
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return result
    }

    /// Rows of a CSV file as fields (no quoted commas in the numeric files read here).
    private func csv(_ path: String) throws -> (header: [String], rows: [[String]]) {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first else { return ([], []) }
        return (first.components(separatedBy: ","), lines.dropFirst().map { $0.components(separatedBy: ",") })
    }

    /// Asserts that every cell of the named numeric columns (all but `except`) is a finite number.
    private func assertFinite(_ path: String, columns: [String]? = nil, except: (String) -> Bool = { _ in false },
                              _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self).lowercased()
        XCTAssertFalse(text.contains("nan"), "\(what): \(path) contains nan", file: file, line: line)
        XCTAssertFalse(text.contains("inf"), "\(what): \(path) contains inf", file: file, line: line)
        let (header, rows) = try csv(path)
        let checked = header.enumerated().filter { columns?.contains($0.element) ?? true }.filter { !except($0.element) }
        XCTAssertFalse(checked.isEmpty, "\(what): no column checked in \(path) (header \(header))", file: file, line: line)
        var bad: [String] = []
        for (number, row) in rows.enumerated() {
            guard row.count == header.count else {
                bad.append("row \(number + 1) has \(row.count) fields, expected \(header.count)")
                continue
            }
            for (index, name) in checked where Double(row[index]).map({ !$0.isFinite }) ?? true {
                bad.append("row \(number + 1) \(name)='\(row[index])'")
            }
        }
        XCTAssertEqual(bad.prefix(10), [], "\(what): \(path) has empty or non-finite cells (\(bad.count) in all)", file: file, line: line)
    }

    /// Runs a valid scenario and checks that it succeeded and wrote finite outcomes and trust.
    @discardableResult
    private func runAndCheckFinite(_ scenario: String, arguments: [String] = [], what: String, timeout: TimeInterval = 300,
                                   file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let out = path("out-\(UUID().uuidString)")
        let result = try entente(["run", scenario, "--out", out, "--quiet", "--record", "trust=all"] + arguments, timeout: timeout)
        assertNoCrash(result, what, file: file, line: line)
        XCTAssertEqual(result.status, 0, "\(what): \(result.summary)", file: file, line: line)
        guard result.status == 0 else { return out }
        try assertFinite(out + "/outcomes.csv", except: { $0 == "replicate" || $0.hasSuffix("_date") }, what, file: file, line: line)
        try assertFinite(out + "/trust.csv", columns: ["trust"], what, file: file, line: line)
        try assertFinite(out + "/states.csv", columns: ["capability", "threat", "need"], what, file: file, line: line)
        if try !csv(out + "/affinity.csv").rows.isEmpty {
            try assertFinite(out + "/affinity.csv", columns: ["affinity"], what, file: file, line: line)
        }
        return out
    }

    // MARK: - Fixtures

    private struct Fixture {
        var url: URL
        var what: String
        var phrase: String
        var name: String { url.lastPathComponent }
        var isSweep: Bool { name.hasPrefix("sweep-") }
    }

    /// The fixtures of Tests/Fixtures/bad/: each file's `# expect: WHAT -> PHRASE` first line, or its `NAME.expect` sidecar.
    private func fixtures() throws -> [Fixture] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtureFolder.path).sorted()
        var result: [Fixture] = []
        for name in names where !name.hasSuffix(".expect") && !name.hasPrefix(".") {
            let url = Self.fixtureFolder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let bytes = try Data(contentsOf: url)
            XCTAssertLessThan(bytes.count, 100_000, "\(name) is over 100 KB; generate big inputs in the test instead")
            let sidecar = url.deletingPathExtension().appendingPathExtension("expect")
            let line: String
            if let data = FileManager.default.contents(atPath: sidecar.path) {
                line = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")[0]
            } else {
                line = String(decoding: bytes.prefix { $0 != 10 }, as: UTF8.self)
            }
            guard line.hasPrefix("# expect: "), let arrow = line.range(of: " -> ", options: .backwards) else {
                XCTFail("\(name) has no '# expect: WHAT -> PHRASE' first line and no \(sidecar.lastPathComponent)")
                continue
            }
            let what = String(line[line.index(line.startIndex, offsetBy: 10)..<arrow.lowerBound])
            let phrase = String(line[arrow.upperBound...]).trimmingCharacters(in: .whitespaces)
            XCTAssertFalse(phrase.isEmpty, "\(name): empty expected phrase")
            result.append(Fixture(url: url, what: what, phrase: phrase))
        }
        return result
    }

    func testThereAreAtLeastFortyFixturesCoveringScenariosAndSweeps() throws {
        let all = try fixtures()
        XCTAssertGreaterThanOrEqual(all.count, 40)
        XCTAssertGreaterThanOrEqual(all.filter(\.isSweep).count, 10)
        for prefix in ["syntax-", "encoding-", "type-", "range-", "ref-", "date-", "dup-", "unknown-", "alias-", "nesting-", "size-"] {
            XCTAssertTrue(all.contains { $0.name.hasPrefix(prefix) }, "no \(prefix)* fixture")
        }
    }

    /// `check` and `run` (sweeps: `check` and `sweep`) refuse every fixture with status 65, a positioned message
    /// holding the fixture's expected phrase, no crash, and no output folder.
    func testEveryFixtureIsRefusedWithAPositionedMessageAndNoOutput() throws {
        let all = try fixtures()
        XCTAssertFalse(all.isEmpty)
        for fixture in all {
            let out = path("out-\(fixture.name)/out")
            let commands: [[String]] = [
                ["check", fixture.url.path],
                [fixture.isSweep ? "sweep" : "run", fixture.url.path, "--out", out, "--quiet"],
            ]
            let position = try NSRegularExpression(pattern: NSRegularExpression.escapedPattern(for: fixture.name) + ":\\d+:\\d+: error:")
            for arguments in commands {
                let label = "\(fixture.name) [\(fixture.what)]: entente \(arguments[0])"
                let result = try entente(arguments, timeout: 20)
                assertNoCrash(result, label)
                XCTAssertEqual(result.status, 65, "\(label): \(result.summary)")
                let range = NSRange(result.stderr.startIndex..., in: result.stderr)
                XCTAssertNotNil(position.firstMatch(in: result.stderr, range: range),
                                "\(label): no '\(fixture.name):LINE:COLUMN: error:' in stderr: \(result.stderr.prefix(600))")
                XCTAssertTrue(result.stderr.contains(fixture.phrase),
                              "\(label): stderr lacks '\(fixture.phrase)': \(result.stderr.prefix(600))")
                XCTAssertFalse(exists(out), "\(label): \(out) was created")
                XCTAssertEqual(leftovers(of: out), [], "\(label): staging folders left beside \(out)")
            }
        }
    }

    // MARK: - Generated inputs

    /// A valid 4-state scenario using every event and outcome type; `extraEvents` are appended to its events.
    private static func richScenario(extraEvents: String = "", calendar: String = "{start: 2020-01, end: 2020-12, step: month}",
                                     replicates: Int = 3, baseEvents: Bool = true) -> String {
        let base = !baseEvents ? "" : """
              - {id: sale, at: 2020-02, type: arms_transfer, from: B, to: C, value: 1.0, covert: true}
              - {id: leak, at: 2020-05, type: reveal, events: [sale]}
              - {id: war, at: 2020-06, type: attack, by: C, target: A, intensity: 1.5, bloc: X}
              - {at: 2020-07, type: aid_request, from: D, intensity: 1, against: C}
              - {at: 2020-08, type: diplomacy, from: A, to: B, kind: recall_ambassador}
              - {at: 2020-08, type: partnership, from: C, to: A, bloc: Y, intensity: 2}
              - {at: 2020-09, type: shock, trust: [{from: A, to: B, delta: -0.3}], capability: [{state: D, value: 0.1}]}
              - {at: 2020-10, type: membership, state: D, bloc: X, action: freeze}

            """
        return """
        name: rich
        calendar: \(calendar)
        seed: 11
        replicates: \(replicates)
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 2}
          - {id: C, capability: 3}
          - {id: D, capability: 0.5}
        blocs:
          - {id: X, leader: B, members: [A, B, D], obligation: 0.8}
          - {id: Y, leader: C, members: [C], obligation: 0.4}
        trust:
          - {from: A, to: C, value: -0.8, mutual: true}
          - {from: B, to: C, value: 0.3, mutual: true}
          - {from: D, to: C, value: -0.4}
        alignment:
          - {state: A, bloc: Y, value: 0.3}
        events:
        \(base)\(extraEvents)
        outcomes:
          - {name: a_left, type: left, state: A, bloc: X}
          - {name: d_frozen, type: frozen, state: D, bloc: X}
          - {name: a_trust_b, type: trust, from: A, to: B}
          - {name: a_aff_y, type: affinity, state: A, bloc: Y}
          - {name: x_members, type: members, bloc: X}
          - {name: x_cohesion, type: cohesion, bloc: X}

        """
    }

    func testAFileOver16MiBIsRefusedByItsSize() throws {
        let url = folder.appendingPathComponent("huge.yaml")
        let line = Data("# padding padding padding padding padding padding padding padding padding padding\n".utf8)
        var data = Data(Self.richScenario().utf8)
        data.reserveCapacity(17 * 1024 * 1024 + line.count)
        while data.count < 17 * 1024 * 1024 { data.append(line) }
        try data.write(to: url)
        for arguments in [["check", url.path], ["run", url.path, "--out", path("out"), "--quiet"]] {
            let result = try entente(arguments, timeout: 60)
            assertNoCrash(result, "17 MB file, \(arguments[0])")
            XCTAssertEqual(result.status, 65, result.summary)
            XCTAssertTrue(result.stderr.contains("huge.yaml:1:1: error: file is \(data.count) bytes; expected at most 16777216 bytes"), result.stderr)
            XCTAssertFalse(exists(path("out")))
        }
    }

    private static func manyStates(_ count: Int) -> String {
        var text = "name: many\ncalendar: {start: 2020-01, end: 2020-03}\nreplicates: 1\nstates:\n"
        for index in 0..<count { text += "  - {id: S\(index), capability: \(1 + index % 7)}\n" }
        return text
    }

    func testSixThousandStatesAreRefusedWithTheLimitInTheMessage() throws {
        let file = try write(Self.manyStates(6_000), to: "states6000.yaml")
        for arguments in [["check", file], ["run", file, "--out", path("out"), "--quiet"]] {
            let result = try entente(arguments, timeout: 60)
            assertNoCrash(result, "6,000 states, \(arguments[0])")
            XCTAssertEqual(result.status, 65, result.summary)
            XCTAssertTrue(result.stderr.contains("states6000.yaml:5:3: error: 'states' has 6000 items; expected at most 5000"), result.stderr)
            XCTAssertFalse(result.stderr.contains("is empty"), "a list over the limit is not empty: \(result.stderr)")
            XCTAssertFalse(exists(path("out")))
        }
    }

    func testFiveThousandStatesAreAcceptedByCheck() throws {
        let file = try write(Self.manyStates(5_000), to: "states5000.yaml")
        let result = try entente(["check", file], timeout: 60)
        assertNoCrash(result, "5,000 states")
        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertTrue(result.stdout.contains("  states: 5000 ("), result.stdout)
    }

    func testTenThousandEventsOnOneStepRunWithFiniteResults() throws {
        var events = ""
        let pairs = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "A"), ("A", "C"), ("B", "D")]
        for index in 0..<10_000 {
            let (p, q) = pairs[index % pairs.count]
            let line: String
            switch index % 9 {
            case 0: line = "{id: t\(index), at: 2020-06, type: arms_transfer, from: \(p), to: \(q), value: 1000000, covert: \(index % 18 == 0)}"
            case 1: line = "{at: 2020-06, type: attack, by: \(p), target: \(q), intensity: 10}"
            case 2: line = "{at: 2020-06, type: aid_request, from: \(p), intensity: 10, against: \(q)}"
            case 3: line = "{at: 2020-06, type: diplomacy, from: \(p), to: \(q), kind: sever_relations, intensity: 10, delta: -2}"
            case 4: line = "{at: 2020-06, type: diplomacy, from: \(p), to: \(q), kind: apology, intensity: 10, delta: 2}"
            case 5: line = "{at: 2020-06, type: partnership, from: \(p), to: \(q), bloc: Y, intensity: 10}"
            case 6: line = "{at: 2020-06, type: shock, trust: [{from: \(p), to: \(q), delta: -1000000000000}], affinity: [{state: \(p), bloc: X, delta: 1000000000000}], capability: [{state: \(q), delta: -1000000000000}]}"
            case 7: line = "{at: 2020-06, type: membership, state: \(p), bloc: X, action: \(["join", "freeze", "unfreeze", "leave"][index % 4])}"
            default:
                line = (index - 8) % 18 == 0 ? "{at: 2020-06, type: reveal, events: [t\(index - 8)]}"
                    : "{at: 2020-06, type: diplomacy, from: \(p), to: \(q), kind: summit, intensity: 10}"
            }
            events += "  - \(line)\n"
        }
        let file = try write(Self.richScenario(extraEvents: events), to: "crowded.yaml")
        let check = try entente(["check", file], timeout: 120)
        XCTAssertEqual(check.status, 0, check.summary)
        XCTAssertTrue(check.stdout.contains("  events: 10008 ("), check.stdout)
        let out = try runAndCheckFinite(file, what: "10,000 events on one step")
        let logged = try csv(out + "/events.csv").rows.filter { $0.count > 2 && $0[2] == "2020-06" }
        XCTAssertGreaterThanOrEqual(logged.count, 3 * 10_000, "every event of step 2020-06 should be logged in each of 3 replicates")
    }

    func testAOneStateWorldRuns() throws {
        let file = try write("""
            name: alone
            calendar: {start: 2020-01, end: 2020-12}
            replicates: 3
            parameters: {balance: 1, noise: 1}
            states:
              - {id: A, capability: 1}
            blocs:
              - {id: X, leader: A, members: [A], obligation: 1}
            events:
              - {at: 2020-02, type: shock, capability: [{state: A, value: 0}], affinity: [{state: A, bloc: X, value: 0}]}
              - {at: 2020-03, type: aid_request, from: A, intensity: 10}
              - {at: 2020-04, type: membership, state: A, bloc: X, action: leave}
              - {at: 2020-05, type: membership, state: A, bloc: X, action: join}
            outcomes:
              - {name: a_left, type: left, state: A, bloc: X}
              - {name: a_aff, type: affinity, state: A, bloc: X}
              - {name: x_members, type: members, bloc: X}
              - {name: x_cohesion, type: cohesion, bloc: X}

            """, to: "alone.yaml")
        let out = try runAndCheckFinite(file, what: "one-state world")
        XCTAssertEqual(try csv(out + "/trust.csv").rows.count, 0, "a one-state world has no trust pairs")
    }

    func testATwoStateWorldWithBalanceRuns() throws {
        let file = try write("""
            calendar: {start: 2020-01, end: 2020-12}
            replicates: 3
            parameters: {balance: 1}
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 1}
            trust:
              - {from: A, to: B, value: -1, mutual: true}
            outcomes:
              - {name: a_trust_b, type: trust, from: A, to: B}

            """, to: "pair.yaml")
        try runAndCheckFinite(file, what: "two-state world with balance")
    }

    func testABlocWithOneMemberRuns() throws {
        let file = try write("""
            calendar: {start: 2020-01, end: 2020-12}
            replicates: 3
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 5}
              - {id: C, capability: 0.001}
            blocs:
              - {id: SOLO, leader: A, members: [A], obligation: 1}
            trust:
              - {from: A, to: B, value: -1, mutual: true}
            events:
              - {at: 2020-03, type: attack, by: B, target: A, intensity: 10}
              - {at: 2020-04, type: aid_request, from: A, intensity: 10, bloc: SOLO, against: B}
              - {at: 2020-05, type: arms_transfer, from: C, to: B, value: 1000000000000}
            outcomes:
              - {name: a_left, type: left, state: A, bloc: SOLO}
              - {name: c_aff, type: affinity, state: C, bloc: SOLO}
              - {name: solo_members, type: members, bloc: SOLO}
              - {name: solo_cohesion, type: cohesion, bloc: SOLO}

            """, to: "solo.yaml")
        try runAndCheckFinite(file, what: "bloc with one member")
    }

    func testEventsOnTheFirstAndLastStepRun() throws {
        for (calendar, first, last, lastStep) in [("{start: 2020-01, end: 2020-12, step: month}", "2020-01", "2020-12", 11),
                                                  ("{start: 2020-01-01, end: 2020-03-31, step: day}", "2020-01-01", "2020-03-31", 90),
                                                  ("{start: 2020-01, end: 2023-12, step: year}", "2020-01-01", "2023-12-31", 3)] {
            let events = """
              - {id: first-sale, at: \(first), type: arms_transfer, from: B, to: C, value: 2, covert: true, revealed: \(last)}
              - {at: \(first), type: attack, by: C, target: A, intensity: 2}
              - {step: 0, type: diplomacy, from: A, to: C, kind: summit}
              - {at: \(last), type: membership, state: A, bloc: X, action: leave}
              - {step: \(lastStep), type: shock, trust: [{from: A, to: B, value: -1, mutual: true}]}
              - {id: last-leak, at: \(last), type: reveal, events: [first-sale]}

            """
            let file = try write(Self.richScenario(extraEvents: events, calendar: calendar, baseEvents: false), to: "ends.yaml")
            let out = try runAndCheckFinite(file, what: "events on the first and last step of \(calendar)")
            let steps = Set(try csv(out + "/events.csv").rows.compactMap { $0.count > 1 ? Int($0[1]) : nil })
            XCTAssertTrue(steps.contains(0), "\(calendar): no event logged at step 0: \(steps.sorted())")
            XCTAssertTrue(steps.contains(lastStep), "\(calendar): no event logged at the last step \(lastStep): \(steps.sorted())")
        }
    }

    func testEveryParameterAtItsMinimumAndMaximumRunsFinite() throws {
        let file = try write(Self.richScenario(), to: "rich.yaml")
        var all: [String: [String]] = ["minimum": [], "maximum": []]
        for parameter in Parameter.allCases {
            let info = parameter.info
            XCTAssertLessThanOrEqual(info.minimum, info.maximum, info.name)
            XCTAssertTrue((info.minimum...info.maximum).contains(info.defaultValue), "\(info.name): default outside its range")
            for (bound, value) in [("minimum", info.minimum), ("maximum", info.maximum)] {
                let setting = "\(info.name)=\(NumberText.plain(value))"
                all[bound]!.append(contentsOf: ["--set", setting])
                try runAndCheckFinite(file, arguments: ["--set", setting], what: "\(info.name) at its \(bound) (\(setting))")
            }
        }
        for (bound, settings) in all {
            try runAndCheckFinite(file, arguments: settings, what: "every parameter at its \(bound)")
        }
    }

    // MARK: - Refused before any run

    func testAnOutOfRangeSetIsRefusedBeforeAnyRun() throws {
        let file = try write(Self.richScenario(), to: "rich.yaml")
        let out = path("out")
        let result = try entente(["run", file, "--set", "betrayal=11", "--out", out, "--quiet"])
        assertNoCrash(result, "--set betrayal=11")
        XCTAssertEqual(result.status, 64, result.summary)
        XCTAssertTrue(result.stderr.contains("--set betrayal=11: 'betrayal' must be between 0 and 10; found 11"), result.stderr)
        XCTAssertFalse(exists(out))
        XCTAssertEqual(leftovers(of: out), [])
        // Just outside each end of every parameter's range, from the table.
        for parameter in Parameter.allCases {
            let info = parameter.info
            for value in [info.minimum - 1, info.maximum + 1] {
                let setting = "\(info.name)=\(NumberText.plain(value))"
                let refused = try entente(["run", file, "--set", setting, "--out", out, "--quiet"])
                assertNoCrash(refused, "--set \(setting)")
                XCTAssertEqual(refused.status, 64, "--set \(setting): \(refused.summary)")
                XCTAssertTrue(refused.stderr.contains("'\(info.name)' must be between"), "--set \(setting): \(refused.stderr)")
                XCTAssertFalse(exists(out), "--set \(setting) wrote \(out)")
            }
        }
    }

    func testASweepRangeBeyondAParametersBoundsIsRefusedBeforeAnyRun() throws {
        _ = try write(Self.richScenario(), to: "rich.yaml")
        for parameter in Parameter.allCases {
            let info = parameter.info
            let sweep = try write("""
                scenario: rich.yaml
                replicates: 2
                parameters:
                  \(info.name): {from: \(NumberText.plain(info.minimum)), to: \(NumberText.plain(info.maximum + 1)), steps: 3}

                """, to: "beyond.yaml")
            let out = path("sweep-out")
            for arguments in [["check", sweep], ["sweep", sweep, "--out", out, "--quiet"]] {
                let result = try entente(arguments)
                assertNoCrash(result, "\(info.name) swept past its maximum")
                XCTAssertEqual(result.status, 65, "\(info.name): \(result.summary)")
                XCTAssertTrue(result.stderr.contains("beyond.yaml:4:3: error: parameter '\(info.name)' cannot take \(NumberText.plain(info.maximum + 1))"),
                              "\(info.name): \(result.stderr)")
                XCTAssertFalse(exists(out), "\(info.name): the sweep created \(out)")
            }
        }
    }

    // MARK: - kill -9 mid-write

    /// A scenario heavy enough that a run with full recording takes seconds.
    private static func heavyScenario() -> String {
        var text = "name: heavy\ncalendar: {start: 2000-01, end: 2019-12, step: month}\nseed: 3\nreplicates: 2\nstates:\n"
        for index in 0..<30 { text += "  - {id: S\(index), capability: \(1 + index % 5)}\n" }
        text += "blocs:\n  - {id: X, leader: S0, members: [S0, S1, S2, S3, S4, S5], obligation: 0.9}\ntrust:\n"
        for index in 1..<30 { text += "  - {from: S0, to: S\(index), value: \(index % 2 == 0 ? "0.5" : "-0.5"), mutual: true}\n" }
        text += "outcomes:\n  - {name: s1_left, type: left, state: S1, bloc: X}\n"
        return text
    }

    /// Starts a large `run --force` into `out`, waits until its staging folder holds data, and SIGKILLs it.
    /// Returns the killed process id.
    private func killMidWrite(scenario: String, out: String) throws -> pid_t {
        let running = try launch(["run", scenario, "--out", out, "--force", "--replicates", "100000", "--jobs", "1",
                                  "--record", "every=1,trust=all", "--quiet"])
        let staging = URL(fileURLWithPath: out).deletingLastPathComponent()
            .appendingPathComponent(".\(URL(fileURLWithPath: out).lastPathComponent).partial-\(running.pid)").path
        let deadline = Date().addingTimeInterval(60)
        var seen = false
        while Date() < deadline && running.process.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: staging + "/trust.csv")[.size] as? Int) ?? 0
            if size > 100_000 { seen = true; break }
            usleep(20_000)
        }
        kill(running.pid, SIGKILL)
        let result = try finish(running, timeout: 30)
        XCTAssertTrue(seen, "the staging folder \(staging) never filled: \(result.summary)")
        XCTAssertEqual(result.signal, SIGKILL, "the run should have been killed mid-write: \(result.summary)")
        return running.pid
    }

    func testKillNineMidWriteLeavesTheEarlierResultsByteIdentical() throws {
        let scenario = try write(Self.heavyScenario(), to: "heavy.yaml")
        let out = path("results")
        let first = try entente(["run", scenario, "--out", out, "--quiet"])
        XCTAssertEqual(first.status, 0, first.summary)
        let before = try snapshot(out)
        XCTAssertEqual(Set(before.keys), ["trust.csv", "affinity.csv", "states.csv", "blocs.csv", "events.csv", "outcomes.csv", "manifest.json"])

        let pid = try killMidWrite(scenario: scenario, out: out)

        let after = try snapshot(out)
        XCTAssertEqual(Set(after.keys), Set(before.keys), "files under \(out) changed")
        for (name, bytes) in before {
            XCTAssertEqual(after[name], bytes, "\(name) changed although the run writing over it was killed")
        }
        // The hidden staging folder of the killed run is still there: nothing could remove it.
        let staging = ".results.partial-\(pid)"
        XCTAssertEqual(leftovers(of: out).filter { !$0.hasPrefix(".results.partial-") }, [], "a backup folder was left")
        print("note: after SIGKILL the staging folder \(staging) \(leftovers(of: out).contains(staging) ? "remains" : "is gone")")
    }

    func testTheNextRunRemovesTheStagingFolderOfAKilledRun() throws {
        let scenario = try write(Self.heavyScenario(), to: "heavy.yaml")
        let out = path("results")
        XCTAssertEqual(try entente(["run", scenario, "--out", out, "--quiet"]).status, 0)
        let pid = try killMidWrite(scenario: scenario, out: out)
        XCTAssertEqual(leftovers(of: out), [".results.partial-\(pid)"], "the killed run should have left its staging folder")
        let next = try entente(["run", scenario, "--out", out, "--force", "--quiet"])
        XCTAssertEqual(next.status, 0, next.summary)
        XCTAssertEqual(leftovers(of: out), [], "the staging folder of the killed run (pid \(pid), no longer running) was not removed")
    }

    // MARK: - Output that cannot be written

    func testAnOutputFolderUnderARegularFileIsRefusedWith73() throws {
        let scenario = try write(Self.richScenario(), to: "rich.yaml")
        _ = try write("not a folder\n", to: "regular-file")
        for out in [path("regular-file") + "/sub", path("regular-file") + "/sub/deeper", "/proc/version/entente-out"] {
            let result = try entente(["run", scenario, "--out", out, "--quiet"])
            assertNoCrash(result, "--out \(out)")
            XCTAssertEqual(result.status, 73, "--out \(out): \(result.summary)")
            XCTAssertTrue(result.stderr.hasPrefix("error: cannot "), "--out \(out): \(result.stderr)")
            XCTAssertFalse(exists(out))
        }
        XCTAssertEqual(try String(contentsOfFile: path("regular-file"), encoding: .utf8), "not a folder\n")
    }

    /// `--force` replaces a results folder, but never deletes the files being run: `--out .` from the scenario's
    /// own folder would otherwise delete the scenario (and everything beside it) and write results in its place.
    func testForceNeverDeletesTheInputFiles() throws {
        let own = folder.appendingPathComponent("mine", isDirectory: true)
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try Data(Self.tinySweepScenario.utf8).write(to: own.appendingPathComponent("tiny.yaml"))
        try Data("precious\n".utf8).write(to: own.appendingPathComponent("notes.txt"))
        try Data("scenario: tiny.yaml\nreplicates: 2\nparameters:\n  betrayal: {values: [1, 2]}\n".utf8)
            .write(to: own.appendingPathComponent("sweep.yaml"))
        _ = try write("scenario: mine/tiny.yaml\nreplicates: 2\nparameters:\n  betrayal: {values: [1, 2]}\n", to: "outside.yaml")
        let before = try snapshot(own.path)
        for (arguments, directory) in [(["run", "tiny.yaml", "--out", ".", "--force", "--quiet"], own),
                                       (["run", "tiny.yaml", "--out", own.path, "--force", "--quiet"], own),
                                       (["compare", own.path + "/tiny.yaml", "--out", own.path, "--force"], folder),
                                       (["sweep", "sweep.yaml", "--out", ".", "--force", "--quiet"], own),
                                       (["sweep", "outside.yaml", "--out", "mine", "--force", "--quiet"], folder)] {
            let command = "entente " + arguments.joined(separator: " ")
            let result = try entente(arguments, in: directory)
            assertNoCrash(result, command)
            XCTAssertEqual(result.status, 64, "\(command): \(result.summary)")
            XCTAssertEqual(try snapshot(own.path), before, "\(command) changed the folder holding its input files")
        }
    }

    func testAFileSizeLimitGives73AndNoResults() throws {
        let scenario = try write(Self.richScenario(), to: "rich.yaml")
        let out = path("big")
        let result = try entente(["run", scenario, "--out", out, "--replicates", "500", "--record", "trust=all", "--quiet"],
                                 limits: "ulimit -f 100;")
        assertNoCrash(result, "run under ulimit -f 100")
        XCTAssertEqual(result.status, 73, result.summary)
        XCTAssertTrue(result.stderr.contains("File too large"), result.stderr)
        XCTAssertFalse(exists(out), "a results folder was created under the final name")
        XCTAssertEqual(leftovers(of: out), [], "the staging folder was not removed after the failure")
    }

    private static let tinySweepScenario = """
        name: tiny
        calendar: {start: 2020-01, end: 2020-12, step: month}
        seed: 7
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 2}
          - {id: C, capability: 3}
        blocs:
          - {id: X, leader: B, members: [A, B], obligation: 0.8}
        trust:
          - {from: A, to: C, value: -0.5, mutual: true}
        events:
          - {id: war, at: 2020-09, type: attack, by: C, target: A, intensity: 1.5, bloc: X}
        outcomes:
          - {name: a_left, type: left, state: A, bloc: X}
          - {name: a_trust_b, type: trust, from: A, to: B}
        variants:
          - {name: calm, parameters: {betrayal: 0.5}}

        """

    private func sweepFile(replicates: Int, name: String = "sweep.yaml") throws -> String {
        _ = try write(Self.tinySweepScenario, to: "tiny.yaml")
        return try write("""
            scenario: tiny.yaml
            seed: 5
            replicates: \(replicates)
            parameters:
              betrayal: {values: [1, 2, 3]}

            """, to: name)
    }

    func testASweepUnderAFileSizeLimitKeepsItsRowsAndResumes() throws {
        let sweep = try sweepFile(replicates: 1_000)
        let out = path("sweep-out")
        let limited = try entente(["sweep", sweep, "--out", out, "--quiet"], limits: "ulimit -f 100;")
        assertNoCrash(limited, "sweep under ulimit -f 100")
        XCTAssertEqual(limited.status, 73, limited.summary)
        XCTAssertTrue(limited.stderr.contains("File too large"), limited.stderr)
        let (header, rows) = try csv(out + "/runs.csv")
        XCTAssertEqual(header.first, "point")
        let complete = rows.filter { $0.count == header.count }
        XCTAssertGreaterThan(complete.count, 100, "the rows written before the limit should still be in runs.csv")
        XCTAssertLessThan(complete.count, 3_000)

        let resumed = try entente(["sweep", sweep, "--out", out, "--resume", "--quiet"])
        assertNoCrash(resumed, "sweep --resume")
        XCTAssertEqual(resumed.status, 0, resumed.summary)
        let after = try csv(out + "/runs.csv")
        XCTAssertEqual(after.rows.count, 3_000)
        XCTAssertEqual(Set(after.rows.map { "\($0[0]):\($0[1])" }).count, 3_000, "each run once")
        XCTAssertTrue(exists(out + "/points.csv"))

        let reference = path("reference")
        XCTAssertEqual(try entente(["sweep", sweep, "--out", reference, "--quiet"]).status, 0)
        XCTAssertEqual(after.rows.map { $0.joined(separator: ",") }.sorted(),
                       try csv(reference + "/runs.csv").rows.map { $0.joined(separator: ",") }.sorted(),
                       "the resumed sweep should hold exactly the rows of an uninterrupted one")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/points.csv")),
                       try Data(contentsOf: URL(fileURLWithPath: reference + "/points.csv")))
    }

    /// `--resume` reads runs.csv back: a row that names no run of the sweep (a hand-edited file, rows of another
    /// sweep) is refused (exit 65) with its file, line and column, not counted (and never an integer-overflow crash on a huge point number).
    func testResumeRefusesARunsFileWithRowsOutsideTheSweep() throws {
        let sweep = try sweepFile(replicates: 20)
        let reference = path("complete")
        let first = try entente(["sweep", sweep, "--out", reference, "--quiet"])
        XCTAssertEqual(first.status, 0, first.summary)
        let runs = try String(contentsOfFile: reference + "/runs.csv", encoding: .utf8)
        for (label, row) in [("a huge point number", "9223372036854775807,5,1,1.0,0,,0.5,ok,"),
                             ("a negative point", "-1,5,1,1.0,0,,0.5,ok,"),
                             ("a replicate past the last", "0,20,1,1.0,0,,0.5,ok,"),
                             ("a point past the last", "3,0,1,1.0,0,,0.5,ok,")] {
            let out = path("edited-\(UUID().uuidString)")
            try FileManager.default.copyItem(atPath: reference, toPath: out)
            try Data((runs + row + "\n").utf8).write(to: URL(fileURLWithPath: out + "/runs.csv"))
            let result = try entente(["sweep", sweep, "--out", out, "--resume", "--quiet"])
            assertNoCrash(result, "--resume with \(label) in runs.csv")
            XCTAssertEqual(result.status, 65, "\(label): \(result.summary)")
            XCTAssertTrue(result.stderr.contains("/runs.csv:62:"), "\(label): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("must be a whole number from 0 to"), "\(label): \(result.stderr)")
        }
    }

    func testDeletingTheResultsFolderMidSweepFailsWithAClearError() throws {
        let sweep = try sweepFile(replicates: 5_000)
        let out = path("doomed")
        let running = try launch(["sweep", sweep, "--out", out, "--jobs", "1", "--quiet"])
        let deadline = Date().addingTimeInterval(60)
        var rows = 0
        while Date() < deadline && running.process.isRunning {
            rows = (try? csv(out + "/runs.csv").rows.count) ?? 0
            if rows > 20 { break }
            usleep(20_000)
        }
        XCTAssertGreaterThan(rows, 20, "the sweep wrote no rows in time")
        try? FileManager.default.removeItem(atPath: out)
        let result = try finish(running, timeout: 300)
        assertNoCrash(result, "sweep whose folder was deleted")
        XCTAssertEqual(result.status, 73, "a deleted results folder is an output that cannot be written (73): \(result.summary)")
        XCTAssertTrue(result.stderr.hasPrefix("error: ") && result.stderr.contains("doomed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("deleted") || result.stderr.contains("removed"), result.stderr)
    }
}

private extension CLIHarness.Launched {
    /// The process id of the running `entente` (the shell execs it, so it is the shell's).
    var pid: pid_t { process.processIdentifier }
}
