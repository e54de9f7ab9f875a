import EntenteKit
import Foundation
import XCTest

/// The library side of issue 12's input messages: nesting counted on libyaml's events, aliases still
/// expanded, which texts are numbers, which dates exist, repeated `--record` settings, and `--set` as
/// a source of diagnostics of its own.
final class InputMessageTests: XCTestCase {
    /// The diagnostics `EntenteError.data` carries for `yaml` parsed as `input.yaml`, or [] when it parses.
    private func parseDiagnostics(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            _ = try YAMLDocumentReader().parse(data: Data(yaml.utf8), file: "input.yaml")
            return []
        } catch EntenteError.data(let diagnostics) {
            return diagnostics.map(\.description)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return []
        }
    }

    /// Block sequences nested `levels` deep under a top-level key (the top mapping is level 1).
    private func blockNesting(_ levels: Int) -> String {
        var text = "a:\n"
        for level in 1..<levels { text += String(repeating: "  ", count: level) + "-\n" }
        return text
    }

    func testSixtyFourLevelsAreReadAndSixtyFiveAreRefusedWhereTheyStart() {
        XCTAssertEqual(parseDiagnostics(blockNesting(64)), [])
        XCTAssertEqual(parseDiagnostics(blockNesting(65)),
                       ["input.yaml:65:129: error: nesting is deeper than 64 levels; expected a flat scenario file"])
        XCTAssertEqual(parseDiagnostics(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)), [])
        XCTAssertEqual(parseDiagnostics(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)),
                       ["input.yaml:1:65: error: nesting is deeper than 64 levels; expected a flat scenario file"])
    }

    /// Quotes, comments and block scalars that fooled the old text scan change nothing: the events count.
    func testQuotesAndCommentsDoNotHideNesting() {
        let deep = String(repeating: "{a: ", count: 70) + "1" + String(repeating: "}", count: 70)
        for prefix in ["name: a,\"\n", "name: it's\n", "name: 'a # b\n  c'\n", "name: |\n  [[[\"\n"] {
            XCTAssertEqual(parseDiagnostics(prefix + "x: " + deep + "\n").first?.hasSuffix(
                "error: nesting is deeper than 64 levels; expected a flat scenario file"), true, prefix)
        }
    }

    func testAliasesAreExpandedAndAnUndefinedOneIsNamed() throws {
        let yaml = """
            calendar: {start: 2020-01, end: 2020-12}
            states:
              - {id: A, capability: &c 1}
              - {id: B, capability: *c}
            blocs:
              - {id: X, members: &m [A, B]}
              - {id: Y, members: *m}

            """
        let root = try YAMLDocumentReader().parse(data: Data(yaml.utf8), file: "input.yaml")
        let scenario = try ScenarioLoader().load(root: root, file: "input.yaml")
        XCTAssertEqual(scenario.states.map(\.capability), [1, 1])
        XCTAssertEqual(scenario.blocs.map(\.members), [[0, 1], [0, 1]])
        XCTAssertEqual(parseDiagnostics("a: *nothing\n"),
                       ["input.yaml:1:4: error: not valid YAML: found undefined alias '*nothing'; expected an anchor '&nothing' before it"])
    }

    func testDuplicateKeysAreEachReportedWhereRepeated() {
        XCTAssertEqual(parseDiagnostics("a: 1\nb: {c: 1, c: 2}\na: 3\n"), [
            "input.yaml:2:11: error: duplicate key 'c' (first given at line 2, column 5); expected each key once",
            "input.yaml:3:1: error: duplicate key 'a' (first given at line 1, column 1); expected each key once",
        ])
    }

    func testUnderscoresAreDigitSeparatorsOnlyBetweenDigits() {
        XCTAssertEqual(DecodeContext.parseNumber("1_000"), 1000)
        XCTAssertEqual(DecodeContext.parseNumber("1_000.5"), 1000.5)
        XCTAssertEqual(DecodeContext.parseNumber("-2_5e-1"), -2.5)
        for text in ["_1000", "1000_", "1__000", "1_.5", "1e_3", "_", "-_1"] {
            XCTAssertNil(DecodeContext.parseNumber(text), text)
        }
    }

    func testIntAndFloatTagsKeepANumberAndOtherTagsMakeText() throws {
        func capability(_ value: String) throws -> Double {
            let yaml = "calendar: {start: 2020-01, end: 2020-12}\nstates:\n  - {id: A, capability: \(value)}\n"
            let root = try YAMLDocumentReader().parse(data: Data(yaml.utf8), file: "input.yaml")
            return try ScenarioLoader().load(root: root, file: "input.yaml").states[0].capability
        }
        XCTAssertEqual(try capability("!!float 2.5"), 2.5)
        XCTAssertEqual(try capability("!!int 3"), 3)
        XCTAssertThrowsError(try capability("!custom 3")) { error in
            XCTAssertEqual("\(error)", "input.yaml:3:25: error: 'capability' must be a number; found the text '3' (the tag !custom makes it text; remove the tag)")
        }
    }

    func testDateProblemsAreSaidInWords() {
        XCTAssertEqual(CalendarDate.problem(year: 2001, month: 13, day: nil), "there is no month 13 (months go from 01 to 12)")
        XCTAssertEqual(CalendarDate.problem(year: 2001, month: 0, day: nil), "there is no month 00 (months go from 01 to 12)")
        XCTAssertEqual(CalendarDate.problem(year: 2000, month: 2, day: 30), "2000-02 has 29 days, not 30")
        XCTAssertEqual(CalendarDate.problem(year: 1900, month: 2, day: 29), "1900-02 has 28 days, not 29 (1900 is not a leap year)")
        XCTAssertEqual(CalendarDate.problem(year: 1961, month: 12, day: 45), "1961-12 has 31 days, not 45")
        XCTAssertEqual(CalendarDate.problem(year: 1961, month: 4, day: 0), "there is no day 00 (days start at 01)")
        XCTAssertNil(CalendarDate.problem(year: 2024, month: 2, day: 29))
        XCTAssertNil(CalendarDate.problem(year: 2024, month: nil, day: nil))
    }

    func testRecordSettingsMayBeSplitButNotRepeated() throws {
        let split = try RecordOptions(parsing: ["every=3", "trust=all"])
        XCTAssertEqual(split, RecordOptions(every: 3, trust: .all))
        XCTAssertThrowsError(try RecordOptions(parsing: ["trust=all,trust=all"])) { error in
            XCTAssertEqual("\(error)", "error: --record: 'trust' is given twice (trust=all and trust=all); expected each setting once")
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 64)
        }
    }

    func testASetValueIsADiagnosticSourceWithoutAFileName() {
        let location = SourceLocation(argument: "--set betrayal=99")
        XCTAssertEqual(location.description, "--set betrayal=99")
        XCTAssertEqual(location.file, "")
        XCTAssertEqual(Diagnostic("'betrayal' must be between 0 and 10; found 99", at: location).description,
                       "error: --set betrayal=99: 'betrayal' must be between 0 and 10; found 99")
    }

    /// A variant that is itself invalid is the file's problem (65), even with `--set` values given too.
    func testAnInvalidVariantIsBlamedOnTheFileNotOnTheSettings() throws {
        let yaml = """
            calendar: {start: 2020-01, end: 2020-12}
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 2}
            events:
              - {id: war, at: 2020-06, type: attack, by: B, target: A, intensity: 1}
            variants:
              - {name: early-end, set: {calendar.end: 2020-03}}

            """
        let root = try YAMLDocumentReader().parse(data: Data(yaml.utf8), file: "input.yaml")
        XCTAssertThrowsError(try ScenarioLoader().load(root: root, file: "input.yaml", variant: "early-end", settings: ["betrayal=1"])) { error in
            XCTAssertEqual("\(error)", "input.yaml:6:19: error: 'at' date 2020-06 falls outside the calendar; expected a date from 2020-01-01 to 2020-03-31")
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 65)
        }
        XCTAssertThrowsError(try ScenarioLoader().load(root: root, file: "input.yaml", settings: ["betrayal=1", "calendar.end=2020-02"])) { error in
            XCTAssertEqual("\(error)", "error: --set calendar.end=2020-02: input.yaml:6:19: 'at' date 2020-06 falls outside the calendar; expected a date from 2020-01-01 to 2020-02-29")
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 64)
        }
    }
}
