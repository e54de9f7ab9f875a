import Foundation
import XCTest

/// Messages that teach (issue 20): the habits of other tools (NetLogo, EMA Workbench, SALib) and slips of
/// a newcomer, each answered with how Entente spells it, with the exact text and exit status.
final class TeachingMessageTests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-teach" }

    /// Two states and one bloc, one event of type `type`, `replicates` replicates.
    private static func scenario(event: String = "{at: 2020-03, type: attack, by: B, target: A, intensity: 1}", capability: String = "1",
                                 replicates: Int = 2) -> String {
        """
        name: small
        calendar: {start: 2020-01, end: 2020-06, step: month}
        seed: 3
        replicates: \(replicates)
        states:
          - {id: A, capability: \(capability)}
          - {id: B, capability: 2}
        blocs:
          - {id: X, members: [A, B]}
        events:
          - \(event)
        outcomes:
          - {name: a_left, type: left, state: A, bloc: X}

        """
    }

    private func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// Writes `text` to `name`, runs `entente check name` and asserts exit status 65 and exactly `expected` on stderr.
    private func assertCheckRefuses(_ name: String, _ text: String, stderr expected: String,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        try write(text, name)
        let result = try entente(["check", name])
        XCTAssertEqual(result.status, 65, file: file, line: line)
        XCTAssertEqual(result.stderr, expected, file: file, line: line)
    }

    private static let eventTypes = "arms_transfer, reveal, attack, aid_request, diplomacy, partnership, shock, membership, regime_change, mediation, occupation, blockade, sanction, basing, lift"

    /// `sanction` is an event type of its own since lasting measures (issue 14), so the plural gets it as the closest type.
    func testSanctionsInThePluralNamesTheLastingMeasureAndTheDiplomacyKind() throws {
        try assertCheckRefuses("s.yaml", Self.scenario(event: "{at: 2020-03, type: sanctions, from: B, to: A}"),
                               stderr: "s.yaml:11:25: error: unknown event type 'sanctions': did you mean 'type: sanction' (lasting, until lifted) or the one-off move 'type: diplomacy, kind: sanction'?; expected one of: \(Self.eventTypes)\n")
    }

    func testAPluralDiplomacyKindAsAnEventTypeSaysHowToWriteIt() throws {
        try assertCheckRefuses("u.yaml", Self.scenario(event: "{at: 2020-03, type: summits, from: B, to: A}"),
                               stderr: "u.yaml:11:25: error: unknown event type 'summits': a kind of diplomacy event: type: diplomacy, kind: summit; expected one of: \(Self.eventTypes)\n")
    }

    func testAMisspeltEventTypeStillGetsTheClosestType() throws {
        try assertCheckRefuses("a.yaml", Self.scenario(event: "{at: 2020-03, type: atack, by: B, target: A}"),
                               stderr: "a.yaml:11:25: error: unknown event type 'atack' (did you mean 'attack'?); expected one of: \(Self.eventTypes)\n")
    }

    func testAQuotedCapabilityIsTextAndTheMessageSaysRemoveTheQuotes() throws {
        try assertCheckRefuses("q.yaml", Self.scenario(capability: "\"7.0\""),
                               stderr: "q.yaml:6:25: error: 'capability' must be a number; found the text '7.0' (quoted, so it is text; write a number without quotes)\n")
    }

    func testASweepParameterWrittenAsAListIsShownInTheValuesForm() throws {
        try write(Self.scenario(), "small.yaml")
        try assertCheckRefuses("list.yaml", "scenario: small.yaml\nparameters:\n  betrayal: [1, 2.5]\n",
                               stderr: "list.yaml:3:13: error: parameter 'betrayal' is a list; write the values to sweep as 'betrayal: {values: [1, 2.5]}'\n")
    }

    func testDesignLhsPointsToLatin() throws {
        try write(Self.scenario(), "small.yaml")
        try assertCheckRefuses("lhs.yaml", "scenario: small.yaml\ndesign: lhs\nsamples: 4\nparameters:\n  betrayal: {from: 1, to: 2}\n",
                               stderr: "lhs.yaml:2:9: error: 'design' must be one of grid, random, latin, sobol, saltelli, morris, file; found 'lhs' (Latin hypercube sampling is 'design: latin')\n")
    }

    func testHelpForAnUnknownCommandIsAUsageError() throws {
        let result = try entente(["help", "nonsense"])
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "error: 'entente help nonsense': no command named 'nonsense'; expected one of: check, run, compare, attribute, explain, sweep, merge, analyze, validate, landscape, calibrate, init, schema, completions, help\n")
        let near = try entente(["help", "rnu"])
        XCTAssertEqual(near.status, 64)
        XCTAssertTrue(near.stderr.hasPrefix("error: 'entente help rnu': no command named 'rnu' (did you mean 'run'?)"), near.stderr)
        XCTAssertEqual(try entente(["help", "run"]).status, 0)
    }

    func testOneReplicateIsSingular() throws {
        try write(Self.scenario(replicates: 1), "one.yaml")
        let check = try entente(["check", "one.yaml"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("\n  seed 3, 1 replicate\n"), check.stdout)
        let run = try entente(["run", "one.yaml", "--out", "r", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Outcomes over 1 replicate (0/1 outcomes"), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("\nr: 1 replicate\n"), run.stdout)
    }
}
