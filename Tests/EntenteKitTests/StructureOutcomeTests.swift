import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// Issue 14a: the membership outcomes (`joined`, `rejoined`, `unfrozen`, `status`, `time_frozen`,
/// `still_frozen`), `first_crossing`, `regime_change` and the refusal of an attack calling a bloc its
/// target is never in, on tiny worlds whose numbers are computed by hand.
final class StructureOutcomeTests: XCTestCase {
    private let accuracy = 1e-12

    /// The model's own membership and trust dynamics switched off: hazard 0 (no drawn freeze, leave or
    /// join), nonaligned 1 with freeze_threshold = hysteresis = 0 (a frozen member never unfreezes by
    /// itself: its gap 1 − A is never < 0), no noise, no memory.
    private static let inert = "{hazard: 0, nonaligned: 1, freeze_threshold: 0, hysteresis: 0, noise: 0, decay: 0, forgiveness: 0, default_trust: 0}"

    /// Monthly 2020-01…2020-12 (steps 0…11). X = [A, B]; C outside. Scripted: A frozen at step 1 and
    /// unfrozen at step 4; C joins at step 2; B leaves at step 5 and joins again at step 8; T_A,C set
    /// to 0.5 at step 3 and back to 0 at step 6.
    private static let membershipWorld = """
    calendar: {start: 2020-01, end: 2020-12, step: month}
    parameters: \(inert)
    states:
      - {id: A, capability: 1}
      - {id: B, capability: 1}
      - {id: C, capability: 1}
    blocs:
      - {id: X, members: [A, B], obligation: 0.5}
    events:
      - {at: 2020-02, type: membership, state: A, bloc: X, action: freeze}
      - {at: 2020-03, type: membership, state: C, bloc: X, action: join}
      - {at: 2020-04, type: shock, trust: [{from: A, to: C, value: 0.5}]}
      - {at: 2020-05, type: membership, state: A, bloc: X, action: unfreeze}
      - {at: 2020-06, type: membership, state: B, bloc: X, action: leave}
      - {at: 2020-07, type: shock, trust: [{from: A, to: C, value: 0}]}
      - {at: 2020-09, type: membership, state: B, bloc: X, action: join}
    outcomes:
      - {name: c_joined, type: joined, state: C, bloc: X}
      - {name: c_joined_early, type: joined, state: C, bloc: X, by: 2020-02}
      - {name: b_rejoined, type: rejoined, state: B, bloc: X}
      - {name: a_rejoined, type: rejoined, state: A, bloc: X}
      - {name: a_unfrozen, type: unfrozen, state: A, bloc: X}
      - {name: b_unfrozen, type: unfrozen, state: B, bloc: X}
      - {name: a_time_frozen, type: time_frozen, state: A, bloc: X}
      - {name: a_time_frozen_feb, type: time_frozen, state: A, bloc: X, by: 2020-02}
      - {name: a_still_frozen, type: still_frozen, state: A, bloc: X}
      - {name: a_frozen_in_march, type: still_frozen, state: A, bloc: X, at: 2020-03}
      - {name: a_status_feb, type: status, state: A, bloc: X, at: 2020-02}
      - {name: b_status_jul, type: status, state: B, bloc: X, at: 2020-07}
      - {name: c_status_jan, type: status, state: C, bloc: X, at: 2020-01}
      - {name: b_status_end, type: status, state: B, bloc: X}
      - {name: ac_up, type: first_crossing, from: A, to: C, level: 0.3, direction: up}
      - {name: ac_down, type: first_crossing, from: A, to: C, level: 0.3, direction: down}
      - {name: ac_up_early, type: first_crossing, from: A, to: C, level: 0.3, direction: up, by: 2020-03}
      - {name: ca_up, type: first_crossing, from: C, to: A, level: 0.3, direction: up}
    """

    /// Every outcome column of one run, by name.
    private func outcomes(_ yaml: String) throws -> [String: Double] {
        let scenario = try ModelKit.scenario(yaml)
        let engine = Engine(scenario: scenario)
        var capture = ModelStepCapture()
        let result = engine.run(replicate: 0, observer: &capture)
        XCTAssertNil(result.error)
        return Dictionary(uniqueKeysWithValues: zip(engine.outcomeColumns.map(\.name), result.outcomes))
    }

    func testJoinedRejoinedAndUnfrozenGiveTheFirstStepOfTheReturnAndEmptyDatesWhenItNeverHappened() throws {
        let values = try outcomes(Self.membershipWorld)
        XCTAssertEqual(values["c_joined"], 1)
        XCTAssertEqual(values["c_joined_date"], 2)       // 2020-03
        XCTAssertEqual(values["c_joined_early"], 0)      // by 2020-02: not yet
        XCTAssertTrue(values["c_joined_early_date"]!.isNaN)
        XCTAssertEqual(values["b_rejoined"], 1)
        XCTAssertEqual(values["b_rejoined_date"], 8)     // left at step 5, member again at step 8
        XCTAssertEqual(values["a_rejoined"], 0)          // A never left
        XCTAssertTrue(values["a_rejoined_date"]!.isNaN)
        XCTAssertEqual(values["a_unfrozen"], 1)
        XCTAssertEqual(values["a_unfrozen_date"], 4)     // frozen steps 1–3, member at step 4
        XCTAssertEqual(values["b_unfrozen"], 0)          // B left without being frozen: no unfreeze
        XCTAssertTrue(values["b_unfrozen_date"]!.isNaN)
    }

    func testTimeFrozenCountsFrozenStepsAndStatusCodesAndStillFrozenReadOneDate() throws {
        let values = try outcomes(Self.membershipWorld)
        XCTAssertEqual(values["a_time_frozen"], 3)       // steps 1, 2, 3
        XCTAssertEqual(values["a_time_frozen_feb"], 1)   // step 1 only
        XCTAssertEqual(values["a_still_frozen"], 0)
        XCTAssertEqual(values["a_frozen_in_march"], 1)
        XCTAssertEqual(values["a_status_feb"], 2)        // frozen
        XCTAssertEqual(values["b_status_jul"], 3)        // left
        XCTAssertEqual(values["c_status_jan"], 0)        // outside
        XCTAssertEqual(values["b_status_end"], 1)        // member again
    }

    func testFirstCrossingDatesTheFirstStepPastTheLevelInItsDirectionOnly() throws {
        let values = try outcomes(Self.membershipWorld)
        // T_A,C: 0 at steps 0–2, 0.5 at steps 3–5, 0 from step 6.
        XCTAssertEqual(values["ac_up"], 1)
        XCTAssertEqual(values["ac_up_date"], 3)
        XCTAssertEqual(values["ac_down"], 1)
        XCTAssertEqual(values["ac_down_date"], 6)
        XCTAssertEqual(values["ac_up_early"], 0)         // by 2020-03 (step 2): still 0
        XCTAssertTrue(values["ac_up_early_date"]!.isNaN)
        XCTAssertEqual(values["ca_up"], 0)               // T_C,A stays 0
        XCTAssertTrue(values["ca_up_date"]!.isNaN)
    }

    func testFirstCrossingOfAnAffinityAlreadyPastTheLevelAtTheFirstReadingIsNoCrossing() throws {
        let yaml = """
        calendar: {start: 2020-01, end: 2020-06, step: month}
        parameters: \(Self.inert)
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
        blocs:
          - {id: X, members: [A, B]}
        alignment:
          - {state: A, bloc: X, value: 0.9}
        events:
          - {at: 2020-04, type: shock, affinity: [{state: A, bloc: X, value: 0.1}]}
        outcomes:
          - {name: a_up, type: first_crossing, state: A, bloc: X, level: 0.5, direction: up}
          - {name: a_down, type: first_crossing, state: A, bloc: X, level: 0.5, direction: down}
        """
        let values = try outcomes(yaml)
        XCTAssertEqual(values["a_up"], 0)
        XCTAssertEqual(values["a_down"], 1)
        XCTAssertEqual(values["a_down_date"], 3)
    }

    func testObservedMayNameJoinedRejoinedAndUnfrozenOutcomesWithTheirBounds() throws {
        let yaml = Self.membershipWorld + """

        observed:
          c_joined_early: {happened: never, source: test}
          b_rejoined: {happened: 2020-09, source: test}
          a_unfrozen: {happened: 2020-05, source: test}
        """
        let scenario = try ModelKit.scenario(yaml)
        XCTAssertEqual(scenario.observed.map(\.outcome), ["c_joined_early", "b_rejoined", "a_unfrozen"])
        let early = try XCTUnwrap(scenario.outcomes.first { $0.name == "c_joined_early" })
        XCTAssertEqual(ScenarioDecoder.statusMeasure(early)?.byStep, 1)
        XCTAssertEqual(ScenarioDecoder.statusMeasure(early)?.state, 2)
    }

    // MARK: - regime_change

    private static func regimeWorld(_ change: String) -> String {
        """
        calendar: {start: 2020-01, end: 2020-06, step: month}
        parameters: {default_trust: 0}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 1}
        trust:
          - {from: A, to: B, value: 0.2}
          - {from: A, to: C, value: -0.4}
          - {from: B, to: A, value: 0.5}
        events:
          - {at: 2020-02, type: shock, trust: [{from: A, to: B, value: 0.1}, {from: B, to: A, value: -0.2}]}
          - {at: 2020-03, type: regime_change, state: A\(change)}
        """
    }

    func testRegimeChangeByDefaultReAnchorsTheStatesRowToCurrentTrustAndLeavesTheOthersBaselines() throws {
        let scenario = try ModelKit.scenario(Self.regimeWorld(""))
        let world = ModelKit.applyAll(scenario).world
        let a = 0, b = 1, c = 2, n = 3
        XCTAssertEqual(world.baseline[a * n + b], 0.1, accuracy: accuracy)   // was 0.2; T_A,B is 0.1 after the shock
        XCTAssertEqual(world.baseline[a * n + c], -0.4, accuracy: accuracy)
        XCTAssertEqual(world.baseline[b * n + a], 0.5, accuracy: accuracy)   // column untouched
        XCTAssertEqual(world.trust(b, a), -0.2, accuracy: accuracy)
        XCTAssertEqual(world.baseline[a * n + a], 0)
    }

    func testRegimeChangeShiftsThenAnchorsListedPartnersAndOthersCurrentReAnchorsTheColumn() throws {
        let scenario = try ModelKit.scenario(Self.regimeWorld(", shift: {B: 0.3, C: -0.8}, baseline: {C: 0.1}, others: current"))
        let world = ModelKit.applyAll(scenario).world
        let a = 0, b = 1, c = 2, n = 3
        XCTAssertEqual(world.trust(a, b), 0.4, accuracy: accuracy)             // 0.1 + 0.3
        XCTAssertEqual(world.trust(a, c), -1, accuracy: accuracy)              // −0.4 − 0.8, clamped
        XCTAssertEqual(world.baseline[a * n + b], 0.4, accuracy: accuracy)     // current trust after the shift
        XCTAssertEqual(world.baseline[a * n + c], 0.1, accuracy: accuracy)     // listed value wins
        XCTAssertEqual(world.baseline[b * n + a], -0.2, accuracy: accuracy)    // others: current → T_B,A
        XCTAssertEqual(world.baseline[c * n + a], 0, accuracy: accuracy)       // T_C,A
        XCTAssertEqual(world.trust(b, a), -0.2, accuracy: accuracy)            // trust itself unchanged
    }

    func testAfterARegimeChangeMemoryRelaxesTrustTowardTheNewBaseline() throws {
        // forgiveness 0.5: T below B moves half the gap per step. T_A,C = −0.4, new B_A,C = 0.2.
        let yaml = Self.regimeWorld(", baseline: {C: 0.2}")
            .replacingOccurrences(of: "parameters: {default_trust: 0}", with: "parameters: {default_trust: 0, noise: 0, forgiveness: 0.5, decay: 0, balance: 0}")
        let run = ModelKit.run(try ModelKit.scenario(yaml))
        // step 2 (2020-03): event, then memory: −0.4 + 0.5 · (0.2 − (−0.4)) = −0.1; step 3: −0.1 + 0.5 · 0.3 = 0.05
        XCTAssertEqual(run.worlds[2].trust(0, 2), -0.1, accuracy: accuracy)
        XCTAssertEqual(run.worlds[3].trust(0, 2), 0.05, accuracy: accuracy)
        // before the change the baseline was −0.4: no movement at step 1
        XCTAssertEqual(run.worlds[1].trust(0, 2), -0.4, accuracy: accuracy)
    }

    // MARK: - members joining later, members frozen from the start

    private static let memberListWorld = """
    calendar: {start: 2020-01, end: 2020-12, step: month}
    parameters: \(inert)
    states:
      - {id: A, capability: 1}
      - {id: B, capability: 1}
      - {id: C, capability: 1}
      - {id: D, capability: 1}
      - {id: E, capability: 1}
    blocs:
      - {id: X, members: [A, {id: B, status: frozen}, {id: C, from: 2020-04}, {id: D, from: 2019-06}, {id: E, from: 2021-03}]}
    events:
      - {at: 2020-06, type: attack, by: E, target: C, intensity: 0.5, bloc: X, response: assist}
    outcomes:
      - {name: c_joined, type: joined, state: C, bloc: X}
      - {name: e_joined, type: joined, state: E, bloc: X}
      - {name: b_time_frozen, type: time_frozen, state: B, bloc: X}
      - {name: b_unfrozen, type: unfrozen, state: B, bloc: X}
    """

    func testMemberListGivesStatusAtStepZeroAndJoinsLaterMembersAtTheirDate() throws {
        let scenario = try ModelKit.scenario(Self.memberListWorld)
        let world = WorldBuilder.initialWorld(of: scenario)
        let a = 0, b = 1, c = 2, d = 3, e = 4
        XCTAssertEqual(scenario.blocs[0].members, [a, b, d])       // D's date is before the calendar: from the start
        XCTAssertEqual(scenario.blocs[0].frozen, [b])
        XCTAssertEqual(world.status(a, 0), .member)
        XCTAssertEqual(world.status(b, 0), .frozen)
        XCTAssertEqual(world.status(c, 0), .outside)
        XCTAssertEqual(world.status(d, 0), .member)
        XCTAssertEqual(world.status(e, 0), .outside)
        XCTAssertEqual(world.trust(a, b), 0.4, accuracy: accuracy)   // member_trust among members on paper
        XCTAssertEqual(world.trust(a, c), 0.4, accuracy: accuracy)   // a member acceding in the window: member_trust both ways
        XCTAssertEqual(world.trust(c, a), 0.4, accuracy: accuracy)
        XCTAssertEqual(world.trust(c, b), 0.4, accuracy: accuracy)   // with a frozen member on paper too
        XCTAssertEqual(world.trust(c, d), 0.4, accuracy: accuracy)
        XCTAssertEqual(world.trust(a, e), 0, accuracy: accuracy)     // acceding after the calendar's end: default_trust
        XCTAssertEqual(world.trust(e, a), 0, accuracy: accuracy)
        XCTAssertEqual(world.affinity(b, 0), 0.2, accuracy: accuracy) // a frozen member starts at outsider_affinity
        XCTAssertEqual(world.affinity(a, 0), 0.7, accuracy: accuracy)
        // one synthesized join (C at step 3) after the file's one event; E's date is past the end: no join
        XCTAssertEqual(scenario.events.count, 2)
        XCTAssertEqual(scenario.events[1].step, 3)
        let values = try outcomes(Self.memberListWorld)
        XCTAssertEqual(values["c_joined"], 1)
        XCTAssertEqual(values["c_joined_date"], 3)
        XCTAssertEqual(values["e_joined"], 0)
        XCTAssertEqual(values["b_time_frozen"], 12)
        XCTAssertEqual(values["b_unfrozen"], 0)
    }

    // MARK: - covers

    /// A is attacked by B (a co-member) and by D (an outsider); X = [A, B, C].
    private static func coversWorld(_ covers: String) -> String {
        """
        calendar: {start: 2020-01, end: 2020-06, step: month}
        parameters: {reward: 0.2, abandonment: 0.3}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 2}
          - {id: D, capability: 1}
        blocs:
          - {id: X, members: [A, B, C], obligation: 0.5\(covers)}
        events:
          - {at: 2020-02, type: attack, by: B, target: A, intensity: 1, response: assist}
          - {at: 2020-03, type: attack, by: D, target: A, intensity: 1, response: decline}
        """
    }

    /// The (event, answering state) pairs of the calls' answers.
    private func answers(_ covers: String) throws -> [String] {
        let scenario = try ModelKit.scenario(Self.coversWorld(covers))
        return ModelKit.applyAll(scenario).log.filter { $0.type == "assist" || $0.type == "decline" }.map { "\($0.type) \($0.actor)" }
    }

    func testCoversDecidesWhichAdversariesCallTheBlocAndAllIsTheDefault() throws {
        // B's attack: C answers (B, the adversary, does not); D's attack: B and C answer
        XCTAssertEqual(try answers(""), ["assist C", "decline B", "decline C"])
        XCTAssertEqual(try answers(", covers: all"), ["assist C", "decline B", "decline C"])
        XCTAssertEqual(try answers(", covers: external"), ["decline B", "decline C"])  // B is a member: its attack calls nobody
        XCTAssertEqual(try answers(", covers: [B]"), ["assist C"])            // only attacks by B
    }

    func testAnUncoveredCallChangesNoTrustAndACoveredOneAppliesTheUsualRule() throws {
        let scenario = try ModelKit.scenario(Self.coversWorld(", covers: external"))
        let world = ModelKit.applyAll(scenario).world
        // the attack by B: no call, so T_A,C keeps member_trust 0.4 until D's attack;
        // C declines D's attack: −abandonment · ω · I · c_C / max c = −0.3 · 0.5 · 1 · 2/2 = −0.15
        XCTAssertEqual(world.trust(0, 2), 0.25, accuracy: accuracy)
    }

    // MARK: - attack on a bloc

    func testAnAttackMayCallABlocItsTargetJoinsByAScriptedMembershipEvent() throws {
        let yaml = """
        calendar: {start: 2020-01, end: 2020-06, step: month}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 1}
        blocs:
          - {id: X, members: [A, B]}
        events:
          - {at: 2020-02, type: membership, state: C, bloc: X, action: join}
          - {at: 2020-03, type: attack, by: A, target: C, intensity: 1, bloc: X}
        """
        let scenario = try ModelKit.scenario(yaml)
        XCTAssertEqual(scenario.events.count, 2)
    }
}
