import EntenteKit
import EntenteTestSupport
import Foundation
import XCTest

/// `observed:` in scenario files (validation messages with exact positions, no effect on runs) and
/// `entente validate`'s in-process path on tiny scenarios whose scores can be worked out by hand.
final class ObservedOutcomeTests: FolderTestCase {
    override class var folderPrefix: String { "entente-observed" }

    /// Eleven lines; `observed:` entries begin on line 12. BBB's exit is scripted for 2018-06;
    /// CCC is not a member, so it can never leave; AAA leads a bloc nobody strains.
    private let base = TinyWorlds.scriptedExit(extraOutcomes: ["{name: aaa_trust, type: trust, from: AAA, to: BBB}"])

    private func write(_ text: String, name: String = "case.yaml") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func diagnostics(_ observed: String) throws -> (String, [Diagnostic]) {
        let path = try write(base + "observed:\n" + observed)
        do {
            _ = try ScenarioLoader().load(path: path)
            XCTFail("expected EntenteError.data")
        } catch EntenteError.data(let diagnostics) {
            return (path, diagnostics)
        }
        return (path, [])
    }

    private func assertOne(_ result: (String, [Diagnostic]), line: Int, column: Int, _ message: String,
                           file: StaticString = #filePath, testLine: UInt = #line) {
        XCTAssertEqual(result.1.map(\.description), ["\(result.0):\(line):\(column): error: \(message)"], file: file, line: testLine)
    }

    // MARK: - Decoding

    func testObservedEventsAndNonEventsDecodeWithTheirDatesSourcesAndNotes() throws {
        let path = try write(base + """
            observed:
              bbb_left: {happened: 2018-06, source: "script", note: "scripted exit"}
              ccc_left: {happened: never, source: "not a member"}
              aaa_frozen: {happened: 2019, source: "year only"}

            """)
        let scenario = try ScenarioLoader().load(path: path)
        XCTAssertEqual(scenario.observed.map(\.outcome), ["bbb_left", "ccc_left", "aaa_frozen"])
        XCTAssertEqual(scenario.observed.map(\.observedText), ["2018-06", "never", "2019"])
        XCTAssertEqual(scenario.observed.map(\.isEvent), [true, false, true])
        XCTAssertEqual(scenario.observed[0].note, "scripted exit")
        XCTAssertEqual(scenario.observed[1].source, "not a member")
        XCTAssertEqual(scenario.observed[0].location, SourceLocation(file: path, line: 13, column: 3))
    }

    func testUnknownOutcomeIsReportedAtItsKeyWithASuggestion() throws {
        assertOne(try diagnostics("  bbb_lft: {happened: 2018-06, source: s}\n"), line: 13, column: 3,
                  "'observed' names unknown outcome 'bbb_lft' (did you mean 'bbb_left'?); expected one of the names under `outcomes`")
    }

    func testOutcomeOfAnotherTypeIsRefusedNamingTheType() throws {
        assertOne(try diagnostics("  aaa_trust: {happened: 2018-06, source: s}\n"), line: 13, column: 3,
                  "outcome 'aaa_trust' has type 'trust'; only outcomes of type left, frozen, joined, rejoined or unfrozen (dated 0/1 outcomes about a state in a bloc) can be observed")
    }

    func testDateOutsideTheCalendarIsReportedAtTheDate() throws {
        assertOne(try diagnostics("  bbb_left: {happened: 2020-01, source: s}\n"), line: 13, column: 24,
                  "'happened' date 2020-01 falls outside the calendar; expected a date from 2018-01-01 to 2019-12-31, or never")
    }

    func testDateAfterTheOutcomesByBoundIsRefused() throws {
        let path = try write(base.replacingOccurrences(of: "{name: bbb_left, type: left, state: BBB, bloc: BLOC}",
                                                       with: "{name: bbb_left, type: left, state: BBB, bloc: BLOC, by: 2018-12}")
                             + "observed:\n  bbb_left: {happened: 2019-03, source: s}\n")
        XCTAssertThrowsError(try ScenarioLoader().load(path: path)) { error in
            XCTAssertEqual("\(error)", "\(path):13:24: error: 'happened' date 2019-03 is after the `by:` bound of outcome 'bbb_left', which therefore cannot record it; expected a date up to 2018-12 or never")
        }
    }

    func testACalendarShortenedBySetDoesNotMakeObservedDatesAnError() throws {
        let path = try write(base + "observed:\n  bbb_left: {happened: 2019-03, source: s}\n")
        let scenario = try ScenarioLoader().load(path: path, settings: ["calendar.end=2018-12"])
        XCTAssertEqual(scenario.calendar.stepCount, 12)
        XCTAssertEqual(scenario.observed.map(\.observedText), ["2019-03"])
    }

    func testMissingSourceIsReportedAtTheEntry() throws {
        assertOne(try diagnostics("  bbb_left: {happened: 2018-06}\n"), line: 13, column: 13,
                  "observed outcome 'bbb_left' is missing the required key 'source'")
    }

    func testEmptySourceAndAWordOtherThanNeverAreRefused() throws {
        let result = try diagnostics("  bbb_left: {happened: soon, source: \" \"}\n")
        XCTAssertEqual(result.1.map(\.description), [
            "\(result.0):13:24: error: 'happened' must be a date YYYY, YYYY-MM or YYYY-MM-DD, or never; found 'soon'",
            "\(result.0):13:38: error: 'source' must be non-empty text saying where the observation comes from; found ' '",
        ])
    }

    func testUnknownKeyInAnObservationSuggestsTheKnownKey() throws {
        assertOne(try diagnostics("  bbb_left: {happend: 2018-06, happened: 2018-06, source: s}\n"), line: 13, column: 14,
                  "unknown key 'happend' in observed outcome 'bbb_left' (did you mean 'happened'?); expected one of: happened, source, note")
    }

    func testSetAndVariantsCannotEditObserved() throws {
        let path = try write(base + "observed:\n  bbb_left: {happened: 2018-06, source: s}\n")
        XCTAssertThrowsError(try ScenarioLoader().load(path: path, settings: ["observed.bbb_left.happened=2019-01"])) { error in
            XCTAssertEqual((error as? EntenteError)?.description,
                           "error: --set observed.bbb_left.happened=2019-01: 'observed' records what really happened and cannot be changed by --set or a variant; edit the file instead")
        }
        let variantPath = try write(base + """
            variants: [{name: rewrite, set: {observed.bbb_left.happened: 2019-01}}]
            observed:
              bbb_left: {happened: 2018-06, source: s}

            """, name: "variant.yaml")
        XCTAssertThrowsError(try ScenarioLoader().load(path: variantPath, variant: "rewrite")) { error in
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 65)
            XCTAssertTrue("\(error)".contains("variant 'rewrite': 'observed' records what really happened and cannot be changed"), "\(error)")
        }
    }

    func testRunOutputsAreByteIdenticalWithAndWithoutObserved() throws {
        let plain = try write(base, name: "plain.yaml")
        let observed = try write(base + "observed:\n  bbb_left: {happened: 2018-06, source: s}\n  ccc_left: {happened: never, source: s}\n",
                                 name: "observed.yaml")
        var outputs: [[String: Data]] = []
        for path in [plain, observed] {
            var request = ScenarioRun.Request(path: path)
            request.out = folder.appendingPathComponent("out-" + URL(fileURLWithPath: path).lastPathComponent).path
            request.replicates = 5
            request.record = try RecordOptions(parsing: "every=1,trust=all")
            _ = try ScenarioRun.execute(request)
            var files: [String: Data] = [:]
            for name in ["trust.csv", "affinity.csv", "states.csv", "blocs.csv", "events.csv", "outcomes.csv"] {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: request.out!).appendingPathComponent(name))
            }
            outputs.append(files)
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertGreaterThan(outputs[0]["trust.csv"]?.count ?? 0, 1000)
    }

    // MARK: - Scoring through the run path

    private var scoredCase: String {
        base + """
            observed:
              bbb_left: {happened: 2018-06, source: "the script"}
              ccc_left: {happened: 2019-01, source: "impossible: not a member"}
              aaa_frozen: {happened: never, source: "a leader nobody strains"}

            """
    }

    func testScriptedExitAtTheObservedDateScoresOneAndTheImpossibleEventZero() throws {
        let path = try write(scoredCase)
        let cases = try ValidationCases.load(paths: [path], settings: [])
        var request = ValidationRun.Request(out: folder.appendingPathComponent("v").path)
        request.replicates = 50
        let score = try ValidationRun.score(cases.scenarios[0], request: request)
        XCTAssertEqual(score.seed, 11)
        let exit = score.outcomes[0], impossible = score.outcomes[1], quiet = score.outcomes[2]
        XCTAssertEqual([exit.pWindow, exit.pAny, exit.dateErrorMedian, exit.dateErrorP10, exit.dateErrorP90, exit.brier, exit.logScore],
                       [1, 1, 0, 0, 0, 0, 0])
        XCTAssertEqual([exit.state, exit.bloc, exit.type], ["BBB", "BLOC", "left"])
        XCTAssertEqual(impossible.pWindow, 0)
        XCTAssertEqual(impossible.logScore, -log(1.0 / 100), accuracy: 1e-12)  // floor 1/(2·50)
        XCTAssertEqual(quiet.pAny, 0)
        XCTAssertEqual(score.outcomes.map(\.right), [true, false, true])
        XCTAssertFalse(score.right)
    }

    func testValidationFilesAreByteIdenticalForOneAndTwoJobs() throws {
        let path = try write(scoredCase)
        let other = try write(base + "observed:\n  bbb_left: {happened: 2019-05, source: s}\n", name: "late.yaml")
        let cases = try ValidationCases.load(paths: [path, other], settings: ["betrayal=3"])
        var files: [[Data]] = []
        for jobs in [1, 2] {
            var request = ValidationRun.Request(out: folder.appendingPathComponent("jobs\(jobs)").path)
            request.replicates = 40
            request.jobs = jobs
            request.settings = ["betrayal=3"]
            let report = try ValidationRun.execute(cases, request: request)
            XCTAssertEqual(report.cases.count, 2)
            files.append(try ["validation.csv", "cases.csv"].map { try Data(contentsOf: URL(fileURLWithPath: request.out).appendingPathComponent($0)) })
        }
        XCTAssertEqual(files[0], files[1])
        XCTAssertEqual(String(decoding: files[0][1], as: UTF8.self).split(separator: "\n").count, 3)
    }

    func testFolderSkipsFilesWithoutObservedButANamedFileWithoutItIsAnError() throws {
        let sub = folder.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data(scoredCase.utf8).write(to: sub.appendingPathComponent("b.yaml"))
        try Data(base.utf8).write(to: sub.appendingPathComponent("a.yaml"))
        try Data("not yaml".utf8).write(to: sub.appendingPathComponent("notes.txt"))
        let cases = try ValidationCases.load(paths: [sub.path], settings: [])
        XCTAssertEqual(cases.scenarios.map(\.file), [sub.path + "/b.yaml"])
        XCTAssertEqual(cases.skipped, ["note: skipping \(sub.path)/a.yaml: no `observed:` outcomes"])
        XCTAssertThrowsError(try ValidationCases.load(paths: [sub.path + "/a.yaml"], settings: [])) { error in
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 65)
            XCTAssertEqual("\(error)", "\(sub.path)/a.yaml:1:1: error: the scenario has no `observed:` outcomes, so there is nothing to validate; add `observed:` (docs/scenario-format.md#observed)")
        }
    }

    func testSetMustNameAModelParameter() throws {
        let path = try write(scoredCase)
        XCTAssertThrowsError(try ValidationCases.load(paths: [path], settings: ["events.exit.at=2019-01"])) { error in
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 64)
            XCTAssertTrue("\(error)".hasPrefix("error: --set events.exit.at=2019-01: validate applies only model parameters to every case"), "\(error)")
        }
        XCTAssertThrowsError(try ValidationCases.load(paths: [path], settings: ["betrayl=2"])) { error in
            XCTAssertTrue("\(error)".contains("(did you mean 'betrayal'?)"), "\(error)")
        }
    }
}
