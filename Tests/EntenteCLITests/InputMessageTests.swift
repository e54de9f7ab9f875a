import Foundation
import XCTest

/// Messages a newcomer can act on (issue 12): each bad input or option run through the `entente` binary,
/// with the exact text printed on stderr, its position, and the exit status.
final class InputMessageTests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-input" }

    /// Runs `entente arguments` in the temporary folder (at most 60 s).
    override func entente(_ arguments: [String]) throws -> CLIHarness.Result {
        let result = try cli.run(arguments, timeout: 60)
        XCTAssertFalse(result.wasKilled, "entente \(arguments) was killed (a FIFO read would hang)")
        return result
    }

    @discardableResult
    override func write(_ text: String, to name: String) throws -> String {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return name
    }

    /// Asserts `entente arguments` exits with `status`, prints exactly `stderr`, and writes no `out` folder.
    private func assertRefused(_ arguments: [String], status: Int32, stderr: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try entente(arguments)
        XCTAssertEqual(result.stderr, stderr, "entente \(arguments.joined(separator: " "))", file: file, line: line)
        XCTAssertEqual(result.status, status, "entente \(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "a results folder was written",
                       file: file, line: line)
    }

    /// A valid two-state scenario with one event and two variants; `lines` replace or extend it.
    private static func scenario(calendar: String = "{start: 2020-01, end: 2020-12}", capability: String = "2",
                                 at: String = "2020-06", name: String = "tiny") -> String {
        """
        name: \(name)
        calendar: \(calendar)
        replicates: 2
        states:
          - {id: A, capability: 1}
          - {id: B, capability: \(capability)}
        events:
          - {id: war, at: \(at), type: attack, by: B, target: A, intensity: 1}
        variants:
          - {name: calm, parameters: {betrayal: 0.5}}
          - {name: harsh, parameters: {betrayal: 3}}

        """
    }

    // MARK: - YAML structure

    /// A comma then a quote in a plain scalar made the old text scan believe a quoted string had opened,
    /// hiding the deep nesting after it; the limit is now counted on libyaml's events.
    func testNestingAfterACommaAndAQuoteIsCaughtAtTheCollectionThatCrossesTheLimit() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        try write("name: a,\"\ncalendar: {start: 2020-01, end: 2020-12}\nstates: \(deep)\n", to: "deep.yaml")
        // Level 1 is the top mapping; the 64th '[' (column 9 + 63 = 72) opens level 65.
        let message = "deep.yaml:3:72: error: nesting is deeper than 64 levels; expected a flat scenario file\n"
        try assertRefused(["check", "deep.yaml"], status: 65, stderr: message)
        try assertRefused(["run", "deep.yaml", "--out", "out", "--quiet"], status: 65, stderr: message)
    }

    func testATabInIndentationIsNamedAtItsLineAndColumn() throws {
        try write("calendar: {start: 2020-01, end: 2020-12}\nstates:\n  - id: A\n  \tcapability: 1\n", to: "tab.yaml")
        try assertRefused(["check", "tab.yaml"], status: 65,
                          stderr: "tab.yaml:4:3: error: tabs are not allowed for indentation; use spaces\n")
        try write("calendar: {start: 2020-01, end: 2020-12}\nstates:\n\t- {id: A, capability: 1}\n", to: "tab2.yaml")
        try assertRefused(["check", "tab2.yaml"], status: 65,
                          stderr: "tab2.yaml:3:1: error: tabs are not allowed for indentation; use spaces\n")
    }

    func testADuplicateKeyIsReportedAtItsSecondOccurrenceNamingTheFirst() throws {
        try write(Self.scenario() + "name: again\n", to: "dup.yaml")
        try assertRefused(["check", "dup.yaml"], status: 65,
                          stderr: "dup.yaml:12:1: error: duplicate key 'name' (first given at line 1, column 1); expected each key once\n")
    }

    func testEveryDuplicateKeyIsListed() throws {
        try write("calendar: {start: 2020-01, end: 2020-12, end: 2021-12}\nstates:\n  - {id: A, capability: 1, id: B}\n", to: "dups.yaml")
        try assertRefused(["check", "dups.yaml"], status: 65, stderr: """
            dups.yaml:1:42: error: duplicate key 'end' (first given at line 1, column 28); expected each key once
            dups.yaml:3:28: error: duplicate key 'id' (first given at line 3, column 6); expected each key once

            """)
    }

    // MARK: - Values

    func testAMonthOrDayThatDoesNotExistIsNamed() throws {
        try write(Self.scenario(at: "2001-13"), to: "month.yaml")
        try assertRefused(["check", "month.yaml"], status: 65,
                          stderr: "month.yaml:8:19: error: 'at' date 2001-13 does not exist: there is no month 13 (months go from 01 to 12)\n")
        try write(Self.scenario(calendar: "{start: 2000-01, end: 2000-12}", at: "2000-02-30"), to: "leap.yaml")
        try assertRefused(["check", "leap.yaml"], status: 65,
                          stderr: "leap.yaml:8:19: error: 'at' date 2000-02-30 does not exist: 2000-02 has 29 days, not 30\n")
        try write(Self.scenario(calendar: "{start: 1961-01, end: 1961-12-45}", at: "1961-06"), to: "day.yaml")
        try assertRefused(["check", "day.yaml"], status: 65,
                          stderr: "day.yaml:2:33: error: 'end' date 1961-12-45 does not exist: 1961-12 has 31 days, not 45\n")
        try write(Self.scenario(calendar: "{start: 2023-02-29, end: 2023-12}"), to: "notleap.yaml")
        try assertRefused(["check", "notleap.yaml"], status: 65,
                          stderr: "notleap.yaml:2:19: error: 'start' date 2023-02-29 does not exist: 2023-02 has 28 days, not 29 (2023 is not a leap year)\n")
    }

    func testALeadingUnderscoreAndAStrTagMakeText() throws {
        try write(Self.scenario(capability: "_1000"), to: "underscore.yaml")
        try assertRefused(["check", "underscore.yaml"], status: 65,
                          stderr: "underscore.yaml:6:25: error: 'capability' must be a number; found the text '_1000'\n")
        try write(Self.scenario(capability: "!!str 1"), to: "tagged.yaml")
        try assertRefused(["check", "tagged.yaml"], status: 65,
                          stderr: "tagged.yaml:6:25: error: 'capability' must be a number; found the text '1' (the tag !!str makes it text; remove the tag)\n")
        try write(Self.scenario(capability: "1_000") .replacingOccurrences(of: "replicates: 2", with: "replicates: !!str 2"), to: "both.yaml")
        try assertRefused(["check", "both.yaml"], status: 65,
                          stderr: "both.yaml:3:13: error: 'replicates' must be a whole number; found the text '2' (the tag !!str makes it text; remove the tag)\n")
    }

    // MARK: - Input files

    func testDevNullAFIFOAndAFolderAreCalledWhatTheyAre() throws {
        try assertRefused(["check", "/dev/null"], status: 66,
                          stderr: "error: /dev/null: is not a regular file (a character device); expected a YAML file\n")
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("pipe.yaml").path, 0o600), 0)
        try assertRefused(["run", "pipe.yaml", "--out", "out", "--quiet"], status: 66,
                          stderr: "error: pipe.yaml: is not a regular file (a FIFO); expected a YAML file\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder.yaml"), withIntermediateDirectories: false)
        try assertRefused(["check", "folder.yaml"], status: 66, stderr: "error: folder.yaml: is a directory, expected a YAML file\n")
    }

    func testASymbolicLinkLoopIsNotCalledAMissingFile() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a.yaml").path, withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b.yaml").path, withDestinationPath: "a.yaml")
        try assertRefused(["check", "a.yaml"], status: 66,
                          stderr: "error: a.yaml: symbolic link loop (following its links leads back to a link already followed); expected a YAML file\n")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.yaml").path, withDestinationPath: "gone.yaml")
        try assertRefused(["check", "dangling.yaml"], status: 66,
                          stderr: "error: dangling.yaml: is a symbolic link to a file that does not exist (gone.yaml)\n")
        try assertRefused(["check", "absent.yaml"], status: 66, stderr: "error: absent.yaml: no such file\n")
        // The scenario a sweep names is read the same way.
        try write("scenario: a.yaml\nparameters:\n  betrayal: {values: [1, 2]}\n", to: "sweep.yaml")
        try assertRefused(["sweep", "sweep.yaml", "--out", "out"], status: 66,
                          stderr: "error: a.yaml: symbolic link loop (following its links leads back to a link already followed); expected a YAML file\n")
    }

    func testUTF32IsCalledUTF32() throws {
        let text = Self.scenario()
        for (name, bom, encoding) in [("le.yaml", [UInt8]([0xFF, 0xFE, 0, 0]), String.Encoding.utf32LittleEndian),
                                      ("be.yaml", [0, 0, 0xFE, 0xFF], .utf32BigEndian)] {
            try (Data(bom) + text.data(using: encoding)!).write(to: folder.appendingPathComponent(name))
            try assertRefused(["check", name], status: 65,
                              stderr: "\(name):1:1: error: file is UTF-32 (it starts with a byte-order mark); expected UTF-8 text — re-save it as UTF-8\n")
        }
        try text.data(using: .utf32LittleEndian)!.write(to: folder.appendingPathComponent("nobom.yaml"))
        try assertRefused(["check", "nobom.yaml"], status: 65,
                          stderr: "nobom.yaml:1:2: error: file contains a NUL byte; expected UTF-8 text, found what looks like UTF-32 little-endian without a byte-order mark — re-save it as UTF-8\n")
    }

    // MARK: - Options

    func testNegativeNumbersForNumericOptionsSayWhatIsWrong() throws {
        try write(Self.scenario(), to: "tiny.yaml")
        try write("scenario: tiny.yaml\nparameters:\n  betrayal: {values: [1, 2]}\n", to: "sweep.yaml")
        let cases: [([String], String)] = [
            (["run", "tiny.yaml", "--replicates", "-1"], "error: --replicates must be a whole number from 1 to 100000000; found -1\n"),
            (["run", "tiny.yaml", "--seed", "-1"], "error: --seed must be a whole number from 0 to 9223372036854775807; found -1\n"),
            (["run", "tiny.yaml", "--jobs", "-3"], "error: --jobs must be a whole number from 1 to 1024; found -3\n"),
            (["run", "tiny.yaml", "--replicates", "two"], "error: --replicates must be a whole number from 1 to 100000000; found 'two'\n"),
            (["compare", "tiny.yaml", "--replicates", "-1"], "error: --replicates must be a whole number from 1 to 100000000; found -1\n"),
            (["compare", "tiny.yaml", "--seed", "-1"], "error: --seed must be a whole number from 0 to 9223372036854775807; found -1\n"),
            (["compare", "tiny.yaml", "--jobs", "-3"], "error: --jobs must be a whole number from 1 to 1024; found -3\n"),
            (["sweep", "sweep.yaml", "--jobs", "-3"], "error: --jobs must be a whole number from 1 to 1024; found -3\n"),
            (["sweep", "sweep.yaml", "--shard", "-1/4"], "error: --shard -1/4: expected K/N with 0 ≤ K < N, for example --shard 0/4\n"),
        ]
        for (arguments, message) in cases {
            try assertRefused(arguments + ["--out", "out"], status: 64, stderr: message)
        }
    }

    /// Files accept seeds 0…2^63−1; the command line accepts the same range.
    func testSeedHasOneRangeOnTheCommandLineAndInFiles() throws {
        try write(Self.scenario(), to: "tiny.yaml")
        try assertRefused(["run", "tiny.yaml", "--seed", "18446744073709551615", "--out", "out"], status: 64,
                          stderr: "error: --seed must be a whole number from 0 to 9223372036854775807; found 18446744073709551615\n")
        try write(Self.scenario().replacingOccurrences(of: "replicates: 2", with: "replicates: 2\nseed: 9223372036854775808"), to: "big-seed.yaml")
        try assertRefused(["check", "big-seed.yaml"], status: 65,
                          stderr: "big-seed.yaml:4:7: error: 'seed' must be between 0 and 9223372036854775807; found 9223372036854775808\n")
        let accepted = try entente(["run", "tiny.yaml", "--seed", "9223372036854775807", "--out", "max", "--quiet"])
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        let manifest = String(decoding: try Data(contentsOf: folder.appendingPathComponent("max/manifest.json")), as: UTF8.self)
        XCTAssertTrue(manifest.contains("9223372036854775807"), manifest)
    }

    func testASecondVariantIsRefused() throws {
        try write(Self.scenario(), to: "tiny.yaml")
        let message = "error: --variant calm --variant harsh: expected at most one --variant; variants are not combined — declare one in the file that makes both changes\n"
        try assertRefused(["run", "tiny.yaml", "--variant", "calm", "--variant", "harsh", "--out", "out"], status: 64, stderr: message)
        try assertRefused(["check", "tiny.yaml", "--variant", "calm", "--variant", "harsh"], status: 64, stderr: message)
    }

    func testARepeatedRecordSettingIsRefusedNamingIt() throws {
        try write(Self.scenario(), to: "tiny.yaml")
        for record in [["--record", "every=2", "--record", "every=3"], ["--record", "every=2,every=3"]] {
            try assertRefused(["run", "tiny.yaml", "--out", "out"] + record, status: 64,
                              stderr: "error: --record: 'every' is given twice (every=2 and every=3); expected each setting once\n")
        }
        try assertRefused(["run", "tiny.yaml", "--out", "out", "--record", "trust=all", "--record", "every=2,trust=none"], status: 64,
                          stderr: "error: --record: 'trust' is given twice (trust=all and trust=none); expected each setting once\n")
        let both = try entente(["run", "tiny.yaml", "--out", "ok", "--quiet", "--record", "every=6", "--record", "trust=none"])
        XCTAssertEqual(both.status, 0, both.stderr)
        let states = String(decoding: try Data(contentsOf: folder.appendingPathComponent("ok/states.csv")), as: UTF8.self)
        // Steps 0, 6 and the last (11), for 2 states and 2 replicates, plus the header.
        XCTAssertEqual(states.split(separator: "\n").count, 1 + 3 * 2 * 2, states)
    }

    // MARK: - --set

    func testASetThatBreaksAnotherPartOfTheFileIsNamed() throws {
        try write(Self.scenario(), to: "tiny.yaml")
        try assertRefused(["check", "tiny.yaml", "--set", "betrayal=1", "--set", "calendar.end=2020-03"], status: 64,
                          stderr: "error: --set calendar.end=2020-03: tiny.yaml:8:19: 'at' date 2020-06 falls outside the calendar; expected a date from 2020-01-01 to 2020-03-31\n")
        try assertRefused(["run", "tiny.yaml", "--out", "out", "--set", "events.war.by=A"], status: 64,
                          stderr: "error: --set events.war.by=A: tiny.yaml:8:57: 'by' and 'target' name the same state; expected an attack on another state\n")
        try assertRefused(["run", "tiny.yaml", "--out", "out", "--variant", "calm", "--set", "calendar.start=2021-01"], status: 64,
                          stderr: "error: --set calendar.start=2021-01: tiny.yaml:2:33: the calendar is empty: end 2020-12-31 is before start 2021-01-01; expected end on or after start\n")
        try assertRefused(["compare", "tiny.yaml", "--out", "out", "--set", "betrayal=99"], status: 64,
                          stderr: "error: --set betrayal=99: 'betrayal' must be between 0 and 10; found 99\n")

    }

    func testAPathSetTwiceIsRefused() throws {
        try write(Self.scenario(), to: "tiny.yaml")
        try assertRefused(["run", "tiny.yaml", "--out", "out", "--set", "betrayal=1", "--set", "parameters.betrayal=2"], status: 64,
                          stderr: "error: --set parameters.betrayal=2: 'parameters.betrayal' is already set by --set betrayal=1; expected each path once\n")
        try assertRefused(["check", "tiny.yaml", "--set", "seed=1", "--set", "seed=2"], status: 64,
                          stderr: "error: --set seed=2: 'seed' is already set by --set seed=1; expected each path once\n")
    }
}
