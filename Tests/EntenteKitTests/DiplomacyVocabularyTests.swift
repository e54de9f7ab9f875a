import EntenteCore
import EntenteKit
import Foundation
import XCTest

/// Issue 14b: diplomatic kinds as named parameters, kinds declared per scenario, moves addressed to a
/// bloc, and the refusals of what means nothing (an `against` that is the caller, `responses` naming a
/// state never called, variants that fail or remove a tag no event has). Tiny worlds, hand numbers.
final class DiplomacyVocabularyTests: XCTestCase {
    private let accuracy = 1e-12

    /// Four states; N = {A, B, C, D}; no noise, no co-member trust, reciprocity 0.5.
    private func world(_ extra: String, events: String) -> String {
        """
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: {noise: 0, reciprocity: 0.5, member_trust: 0, default_trust: 0}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 1}
          - {id: D, capability: 1}
        blocs:
          - {id: N, members: [B, C, A, D], obligation: 0.5}
        \(extra)
        events:
        \(events)
        """
    }

    private func after(_ yaml: String, settings: [String] = []) throws -> World {
        let scenario = try ModelKit.scenario(yaml, settings: settings)
        return ModelKit.applyAll(scenario).world
    }

    func testAMoveAddressedToABlocReachesItsActiveMembersOtherThanTheInitiator() throws {
        // D freezes first (same step, file order); the summit at intensity 2: d = 0.1 · 2 = 0.2.
        let result = try after(world("", events: """
              - {step: 0, type: membership, state: D, bloc: N, action: freeze}
              - {id: s, step: 0, type: diplomacy, from: A, bloc: N, kind: summit, intensity: 2}
            """))
        XCTAssertEqual(result.trust(1, 0), 0.2, accuracy: accuracy)   // T_B,A
        XCTAssertEqual(result.trust(2, 0), 0.2, accuracy: accuracy)   // T_C,A
        XCTAssertEqual(result.trust(3, 0), 0, accuracy: accuracy)     // frozen D untouched
        XCTAssertEqual(result.trust(0, 1), 0.1, accuracy: accuracy)   // T_A,B = 0.5 · 0.2
        XCTAssertEqual(result.trust(0, 2), 0.1, accuracy: accuracy)
        XCTAssertEqual(result.trust(0, 3), 0, accuracy: accuracy)
        let log = ModelKit.applyAll(try ModelKit.scenario(world("", events: """
              - {id: s, step: 0, type: diplomacy, from: A, bloc: N, kind: summit}
            """))).log
        XCTAssertEqual(log.map(\.target), ["B", "C", "D"])  // state declaration order
        XCTAssertEqual(log.first?.detail, "kind=summit delta=0.1 bloc=N")
    }

    func testAMoveByABlocIsMadeByEachActiveMemberOtherThanTheAddressee() throws {
        // A collective sanction of N on A: B and C (active) each move by d = −0.3; D is frozen first.
        let result = try after(world("", events: """
              - {step: 0, type: membership, state: D, bloc: N, action: freeze}
              - {id: s, step: 0, type: diplomacy, from_bloc: N, to: A, kind: sanction}
            """))
        XCTAssertEqual(result.trust(0, 1), -0.3, accuracy: accuracy)   // T_A,B
        XCTAssertEqual(result.trust(0, 2), -0.3, accuracy: accuracy)   // T_A,C
        XCTAssertEqual(result.trust(0, 3), 0, accuracy: accuracy)      // frozen D does not take part
        XCTAssertEqual(result.trust(1, 0), -0.15, accuracy: accuracy)  // T_B,A = 0.5 · −0.3
        XCTAssertEqual(result.trust(2, 0), -0.15, accuracy: accuracy)
        XCTAssertEqual(try problems(world("", events: "  - {step: 0, type: diplomacy, from: A, from_bloc: N, to: B, kind: rebuff}")),
                       ["12:52 diplomacy event gives both 'from' and 'from_bloc'; expected one initiator"])
    }

    func testAKindSizeIsANamedParameterSettableInTheFileAndByDashDashSet() throws {
        let events = "  - {step: 0, type: diplomacy, from: A, to: B, kind: threat, intensity: 2}"
        let plain = try after(world("", events: events))
        XCTAssertEqual(plain.trust(1, 0), -0.5, accuracy: accuracy)   // −0.25 · 2
        let set = try after(world("", events: events), settings: ["delta_threat=-0.1"])
        XCTAssertEqual(set.trust(1, 0), -0.2, accuracy: accuracy)     // −0.1 · 2
        XCTAssertEqual(set.trust(0, 1), -0.1, accuracy: accuracy)
        let scenario = try ModelKit.scenario(world("", events: events), settings: ["delta_threat=-0.1"])
        XCTAssertTrue(scenario.listedParameters.contains(.deltaThreat))
        XCTAssertFalse(scenario.listedParameters.contains(.deltaSummit))  // at its default, unset: not in manifests
        XCTAssertEqual(scenario.listedParameters.count, 32)
    }

    func testAKindDeclaredUnderKindsHasItsOwnSizeAndKindsNameDeltaMovesIt() throws {
        let yaml = world("kinds: {rebuke: {delta: -0.15}}", events: "  - {step: 0, type: diplomacy, from: A, to: B, kind: rebuke, intensity: 2}")
        let declared = try after(yaml)
        XCTAssertEqual(declared.trust(1, 0), -0.3, accuracy: accuracy)    // −0.15 · 2
        XCTAssertEqual(declared.trust(0, 1), -0.15, accuracy: accuracy)
        let moved = try after(yaml, settings: ["kinds.rebuke.delta=-0.4"])
        XCTAssertEqual(moved.trust(1, 0), -0.8, accuracy: accuracy)
    }

    func testMediationEasesThePartiesDistrustAndCreditsTheMediator() throws {
        // m = mediation 0.1 · intensity 2 = 0.2; credit = reciprocity 0.5 · 0.2 = 0.1
        let result = try after(world("trust:\n  - {from: A, to: B, value: -0.5}\n  - {from: B, to: A, value: -0.4}",
                                     events: "  - {id: talks, step: 0, type: mediation, by: C, between: [A, B], intensity: 2}"))
        XCTAssertEqual(result.trust(0, 1), -0.3, accuracy: accuracy)  // T_A,B
        XCTAssertEqual(result.trust(1, 0), -0.2, accuracy: accuracy)  // T_B,A
        XCTAssertEqual(result.trust(0, 2), 0.1, accuracy: accuracy)   // T_A,C
        XCTAssertEqual(result.trust(1, 2), 0.1, accuracy: accuracy)   // T_B,C
        XCTAssertEqual(result.trust(2, 0), 0, accuracy: accuracy)     // the mediator's own trust is unchanged
        XCTAssertEqual(result.trust(2, 1), 0, accuracy: accuracy)
        XCTAssertEqual(try problems(world("", events: "  - {step: 0, type: mediation, by: C, between: [A, C]}")),
                       ["12:48 'between' names the mediator C; expected two states other than 'by'"])
    }

    // MARK: - refusals

    /// The problems of a scenario that must not load (``ModelKit/loadProblems(_:file:line:)``).
    private func problems(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try ModelKit.loadProblems(yaml, file: file, line: line)
    }

    func testABuiltInNameUnderKindsAndAMoveWithBothToAndBlocAreRefused() throws {
        let found = try problems(world("kinds: {rebuff: {delta: -0.1}}", events: "  - {step: 0, type: diplomacy, from: A, to: B, bloc: N, kind: summit}"))
        XCTAssertEqual(found, [
            "10:9 kind 'rebuff' is built in; expected a new name, or set its size with the parameter delta_rebuff",
            "12:54 diplomacy event gives both 'to' and 'bloc'; expected one addressee",
        ])
    }

    func testAnAidRequestAgainstTheCallerAndResponsesNamingStatesNeverCalledAreRefused() throws {
        XCTAssertEqual(try problems(world("", events: "  - {step: 0, type: aid_request, from: A, intensity: 1, against: A}")),
                       ["12:66 'against' names A, the state that calls for help; expected another state (the one it needs help against)"])
        let found = try problems(world("", events: """
              - {step: 1, type: aid_request, from: A, bloc: N, intensity: 1, responses: {A: assist}}
              - {step: 2, type: attack, by: D, target: A, intensity: 1, responses: {D: assist}}
            """.replacingOccurrences(of: "    -", with: "  -")))
        XCTAssertEqual(found, [
            "12:5 'responses' names A, the state that calls for help; expected members of the bloc it calls",
            "13:5 'responses' names D, the state help is called against; expected members of the blocs called",
        ])
    }

    func testAResponseFromAStateOutsideTheCalledBlocIsRefusedUnlessAMembershipEventMakesItJoin() throws {
        let yaml = """
        calendar: {start: 2020-01, end: 2020-12}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 1}
        blocs:
          - {id: N, members: [A, B]}
        events:
          - {step: 1, type: aid_request, from: A, intensity: 1, responses: {C: assist}}
        """
        XCTAssertEqual(try problems(yaml), ["9:5 'responses' names C, which is never called: it is not a member of N and no membership event makes it join; expected a member that the call reaches"])
        let joined = try ModelKit.scenario(yaml + "\n  - {step: 0, type: membership, state: C, bloc: N, action: join}")
        XCTAssertEqual(joined.events.count, 2)
    }

    func testEveryVariantIsValidatedAtItsOwnLineNamingIt() throws {
        let found = try problems(world("", events: """
              - {id: s, step: 0, type: diplomacy, from: A, to: B, kind: summit, tags: [talks]}
            variants:
              - name: no_talk
                remove: {tag: talk}
              - name: big
                set: {events.s.intensity: 40}
              - name: leaderless
                set: {blocs.N.members: [B, C]}
            """).replacingOccurrences(of: "blocs:\n  - {id: N, members: [B, C, A, D], obligation: 0.5}", with: "blocs:\n  - {id: N, leader: A, members: [B, C, A, D], obligation: 0.5}"))
        XCTAssertEqual(found, [
            "15:19 variant 'no_talk' removes the tag 'talk', which no event carries; expected a tag listed under an event's `tags` (did you mean 'talks'?)",
        ])
        let valid = try problems(world("", events: """
              - {id: s, step: 0, type: diplomacy, from: A, to: B, kind: summit, tags: [talks]}
            variants:
              - name: big
                set: {events.s.intensity: 40}
              - name: leaderless
                set: {blocs.N.members: [B, C]}
            """).replacingOccurrences(of: "{id: N, members:", with: "{id: N, leader: A, members:"))
        XCTAssertEqual(valid.count, 2, "\(valid)")
        XCTAssertTrue(valid[0].hasPrefix("15:31 variant 'big': 'intensity' must be"), valid[0])
        XCTAssertTrue(valid[1].hasPrefix("16:5 variant 'leaderless': leader 'A' is not a member of the bloc"), valid[1])
        XCTAssertTrue(valid[1].hasSuffix(":9:21)"), valid[1])
    }
}
