import EntenteCore
import EntenteKit
import Foundation
import XCTest

/// Issue 14c: armed groups (`kind: group`), coalition attacks (`by: [A, B]`), lasting measures
/// (`occupation`, `blockade`, `sanction` with `until:` or a `lift`), and blocs with founding and
/// dissolution dates (`from:`/`until:`). Tiny worlds, numbers computed by hand.
final class ScenarioLanguage14cTests: XCTestCase {
    private let accuracy = 1e-12

    /// States A, B, C, D (capability 1) and the group G (capability 0.05, salience_scale 0.9); no noise,
    /// no memory, neutral default and co-member trust.
    private func world(_ extra: String, events: String, blocs: String = "  - {id: N, members: [B, C, D], obligation: 0.5}") -> String {
        """
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: {noise: 0, decay: 0, forgiveness: 0, member_trust: 0, default_trust: 0}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 1}
          - {id: D, capability: 1}
          - {id: G, capability: 0.05, kind: group, salience_scale: 0.9}
        blocs:
        \(blocs)
        \(extra)
        events:
        \(events)
        """
    }

    /// The problems of a scenario that must not load (``ModelKit/loadProblems(_:file:line:)``).
    private func problems(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try ModelKit.loadProblems(yaml, file: file, line: line)
    }

    // MARK: - groups

    func testArmsToAGroupAreMeasuredAgainstItsSalienceScaleNotItsCapability() throws {
        // σ = 0.1 / (0.1 + 0.9) = 0.1 (against its capability 0.05 it would be 0.667).
        let scenario = try ModelKit.scenario(world("trust:\n  - {from: B, to: G, value: -0.5}",
                                                   events: "  - {step: 0, type: arms_transfer, from: A, to: G, value: 0.1}"))
        let (result, log) = ModelKit.applyAll(scenario)
        XCTAssertEqual(result.capability[4], 0.15, accuracy: accuracy)
        XCTAssertEqual(result.trust(4, 0), 0.05, accuracy: accuracy)    // gratitude 0.5 · 0.1
        XCTAssertEqual(result.trust(1, 0), -0.1, accuracy: accuracy)    // −betrayal 2 · 0.1 · hostility 0.5
        XCTAssertEqual(log.first?.detail, "value=0.1 salience=0.1")
    }

    /// A and G both have affinity 1 for N and every member trusts both at 1; with hazard 100 (and, under
    /// model 2, the join and accept thresholds pinned at model 1's 0.7 and 0.3) A joins at step 0.
    private func groupBesideAJoiner(model: Int) -> String {
        (model == 2 ? "model: 2\n" : "") + world("""
            trust:
              - {from: B, to: A, value: 1}
              - {from: C, to: A, value: 1}
              - {from: D, to: A, value: 1}
              - {from: B, to: G, value: 1}
              - {from: C, to: G, value: 1}
              - {from: D, to: G, value: 1}
            alignment:
              - {state: A, bloc: N, value: 1}
              - {state: G, bloc: N, value: 1}
            """, events: "  []").replacingOccurrences(of: "noise: 0,", with: "noise: 0, hazard: 100, join_threshold: 0.7, accept_threshold: 0.3,")
    }

    func testAGroupNeverJoinsABlocThatWouldAcceptAStateInTheSamePosition() throws {
        let run = ModelKit.run(try ModelKit.scenario(groupBesideAJoiner(model: 1)))
        XCTAssertEqual(run.worlds[0].status(0, 0), .member)
        XCTAssertTrue(run.worlds.allSatisfy { $0.status(4, 0) == .outside })
    }

    func testAGroupNeverJoinsABlocUnderModelTwoEither() throws {
        let run = ModelKit.run(try ModelKit.scenario(groupBesideAJoiner(model: 2)))
        XCTAssertEqual(run.worlds[0].status(0, 0), .member)
        XCTAssertTrue(run.worlds.allSatisfy { $0.status(4, 0) == .outside })
    }

    func testAGroupAsABlocMemberOrInAMembershipEventOrWithoutASalienceScaleIsRefused() throws {
        let found = try problems(world("", events: "  - {step: 1, type: membership, state: G, bloc: N, action: join}",
                                       blocs: "  - {id: N, members: [B, G]}\n  - {id: M, members: [C], from: 2020-03, until: 2020-02}")
            .replacingOccurrences(of: "kind: group, salience_scale: 0.9}", with: "kind: group}"))
        XCTAssertEqual(found, [
            "8:5 a group (kind: group) needs 'salience_scale': the capability arms it receives are measured against (for example its adversary's or its patron's); found none",
            "10:26 'members' lists G, an armed group (kind: group); expected states only: groups never join blocs",
            "11:49 'until' date 2020-02 is not after its founding (from: 2020-03); expected a dissolution date after it",
            "14:40 'state' names G, an armed group (kind: group); expected a state: groups never join, freeze or leave blocs",
        ])
    }

    // MARK: - coalition attacks

    func testACoalitionAttackCostsEachAttackerAndMakesOneCallAgainstAllOfThem() throws {
        // A and G attack B; C trusts B 0.5, A 0.2, G −0.4. Target: −0.5 in each attacker. C: −0.3 · 0.5 = −0.15 in each.
        // C's call answer: against = mean(0.2 − 0.15, −0.4 − 0.15) = −0.25, p = 1 / (1 + e^{−4 · (0.5 + 0.25)}).
        let scenario = try ModelKit.scenario(world("""
            trust:
              - {from: C, to: B, value: 0.5}
              - {from: C, to: A, value: 0.2}
              - {from: C, to: G, value: -0.4}
            """, events: "  - {id: war, step: 0, type: attack, by: [A, G], target: B, intensity: 1, responses: {D: decline}}"))
        let (result, log) = ModelKit.applyAll(scenario)
        XCTAssertEqual(result.trust(1, 0), -0.5, accuracy: accuracy)
        XCTAssertEqual(result.trust(1, 4), -0.5, accuracy: accuracy)
        XCTAssertEqual(result.trust(1, 3), -0.15, accuracy: accuracy)   // D's scripted decline: −abandonment 0.3 · ω 0.5 · 1 · c_D / max c
        XCTAssertEqual(result.trust(2, 0), 0.05, accuracy: accuracy)
        XCTAssertEqual(result.trust(2, 4), -0.55, accuracy: accuracy)
        XCTAssertEqual(result.trust(3, 0), 0, accuracy: accuracy)    // D does not trust B: no solidarity
        XCTAssertEqual(log.map(\.actor), ["A", "G", "C", "D"])         // one row per attacker, then one call: C drawn, D scripted
        XCTAssertEqual(log[3].type, "decline")
        XCTAssertEqual(log[0].actor, "A")
        XCTAssertEqual(log[1].actor, "G")
        XCTAssertEqual(log[0].detail, "intensity=1.0 coalition=A+G")
        let p = try XCTUnwrap(ModelKit.loggedProbability(log[2]))
        XCTAssertEqual(p, 1 / (1 + exp(-4 * (0.5 + 0.25))), accuracy: accuracy)
    }

    func testACoalitionCallReachesABlocCoveringOneOfItsAttackersAndTheAttackingMemberDoesNotAnswer() throws {
        // N covers external attackers only: D (a member) and A attack B; N is called for A alone,
        // so C's answer weighs its trust in A only (0.3): p = 1 / (1 + e^{−4 · (0 − 0.3)}); D does not answer.
        let scenario = try ModelKit.scenario(world("trust:\n  - {from: C, to: A, value: 0.3}\n  - {from: C, to: D, value: -0.9}",
                                                   events: "  - {step: 0, type: attack, by: [D, A], target: B, intensity: 1}",
                                                   blocs: "  - {id: N, members: [B, C, D], obligation: 0.5, covers: external}"))
        let log = ModelKit.applyAll(scenario).log
        XCTAssertEqual(log.map(\.actor), ["D", "A", "C"])
        let p = try XCTUnwrap(ModelKit.loggedProbability(log[2]))
        XCTAssertEqual(p, 1 / (1 + exp(-4 * (0 - 0.3))), accuracy: accuracy)
        // Only members: N is not called.
        let inside = try ModelKit.scenario(world("", events: "  - {step: 0, type: attack, by: [D, C], target: B, intensity: 1}",
                                                 blocs: "  - {id: N, members: [B, C, D], obligation: 0.5, covers: external}"))
        XCTAssertEqual(ModelKit.applyAll(inside).log.map(\.type), ["attack", "attack"])
    }

    func testACoalitionListingTheTargetOrAStateTwiceIsRefused() throws {
        XCTAssertEqual(try problems(world("", events: """
              - {step: 0, type: attack, by: [A, A], target: B, intensity: 1}
              - {step: 0, type: attack, by: [A, B], target: B, intensity: 1}
            """)), [
            "13:33 'by' lists a state twice; expected each attacker once",
            "14:49 'by' lists the target; expected attackers other than the target",
        ])
        XCTAssertEqual(try problems(world("", events: "  - {step: 0, type: attack, by: [A, G], target: C, intensity: 1, responses: {G: assist}}")),
                       ["13:5 'responses' names G, the state help is called against; expected members of the blocs called"])
    }

    // MARK: - lasting measures

    func testAnOccupationWeighsOnTheTargetAndItsFriendsEveryStepUntilItsUntilDate() throws {
        // B occupies A from 2020-02 (step 1) until 2020-05 (step 4): pressure at steps 1, 2, 3.
        // Each step: T_A,B −= 0.02 · 2 = 0.04; C (trusts A 0.5): T_C,B −= 0.6 · 0.04 · 0.5 = 0.012.
        let scenario = try ModelKit.scenario(world("trust:\n  - {from: C, to: A, value: 0.5}",
                                                   events: "  - {id: occ, at: 2020-02, type: occupation, by: B, target: A, intensity: 2, until: 2020-05}"))
        let run = ModelKit.run(scenario)
        XCTAssertEqual(run.worlds[0].trust(0, 1), 0, accuracy: accuracy)
        XCTAssertEqual(run.worlds[1].trust(0, 1), -0.04, accuracy: accuracy)
        XCTAssertEqual(run.worlds[3].trust(0, 1), -0.12, accuracy: accuracy)
        XCTAssertEqual(run.worlds[11].trust(0, 1), -0.12, accuracy: accuracy)
        XCTAssertEqual(run.worlds[11].trust(2, 1), -0.036, accuracy: accuracy)
        XCTAssertEqual(run.events[1].map(\.type), ["occupation"])
        XCTAssertEqual(run.events[2], [])
        XCTAssertEqual(run.events[4].map { "\($0.event) \($0.type) \($0.actor) \($0.target) \($0.detail)" }, ["occ lift B A occupation until"])
    }

    func testALiftEventEndsABlockadeAndASanctionWithoutUntilLastsToTheEnd() throws {
        // Blockade C → A from step 1, lifted at step 3: steps 1, 2 at 0.015. Sanction D → A from step 10: steps 10, 11 at 0.01.
        let scenario = try ModelKit.scenario(world("", events: """
              - {id: bl, at: 2020-02, type: blockade, by: C, target: A}
              - {id: end, at: 2020-04, type: lift, event: bl}
              - {id: sa, at: 2020-11, type: sanction, by: D, target: A}
            """))
        let run = ModelKit.run(scenario)
        XCTAssertEqual(run.worlds[2].trust(0, 2), -0.03, accuracy: accuracy)
        XCTAssertEqual(run.worlds[11].trust(0, 2), -0.03, accuracy: accuracy)
        XCTAssertEqual(run.worlds[11].trust(0, 3), -0.02, accuracy: accuracy)
        XCTAssertEqual(run.events[3].map { "\($0.event) \($0.type) \($0.detail)" }, ["end lift blockade bl"])
        // --set moves a pressure: blockade_pressure 0.1 → −0.2 after two steps.
        let moved = ModelKit.run(try ModelKit.scenario(world("", events: "  - {id: bl, at: 2020-02, type: blockade, by: C, target: A}\n  - {at: 2020-04, type: lift, event: bl}"),
                                                       settings: ["blockade_pressure=0.1"]))
        XCTAssertEqual(moved.worlds[11].trust(0, 2), -0.2, accuracy: accuracy)
    }

    func testALiftOfAnUnknownOrNonMeasureEventOrNotAfterTheMeasureIsRefused() throws {
        XCTAssertEqual(try problems(world("", events: """
              - {id: occ, at: 2020-04, type: occupation, by: B, target: A, until: 2020-06}
              - {id: hit, at: 2020-04, type: attack, by: B, target: A, intensity: 1}
              - {at: 2020-05, type: lift, event: hit}
              - {at: 2020-04, type: lift, event: occ}
              - {at: 2020-05, type: lift, event: oc}
              - {id: bad, at: 2020-05, type: sanction, by: B, target: A, until: 2020-05}
            """)), [
            "15:38 'event' names 'hit', an attack event; expected an occupation, blockade, sanction or basing (only lasting measures are lifted)",
            "17:38 'event' names unknown event 'oc' (did you mean 'occ'?); expected the id of an occupation, blockade, sanction or basing",
            "18:5 sanction ends ('until') on or before it starts; expected an 'until' date after its 'at'",
            "16:5 the lift of 'occ' is not after the occupation starts; expected a date after its 'at'",
        ])
    }

    func testAVariantRemovingAMeasureRemovesItsLiftToo() throws {
        let yaml = world("""
            variants:
              - {name: no-occupation, remove: {id: occ}}
            """, events: "  - {id: occ, at: 2020-02, type: occupation, by: B, target: A}\n  - {at: 2020-04, type: lift, event: occ}")
        let scenario = try ModelKit.scenario(yaml)
        XCTAssertEqual(scenario.variants.map(\.name), ["no-occupation"])  // validated at load: the lift went with it
    }

    // MARK: - bloc lifetimes

    func testABlocHasNoMembersBeforeItsFoundingAndNoneAfterItsDissolution() throws {
        // N founded 2020-03 (step 2), dissolved 2020-09 (step 8). Founders start with member affinity and trust.
        let scenario = try ModelKit.scenario(world("", events: """
              - {at: 2020-02, type: attack, by: A, target: B, intensity: 1}
              - {at: 2020-04, type: attack, by: A, target: B, intensity: 1, response: decline}
            """, blocs: "  - {id: N, members: [B, C, D], obligation: 0.5, from: 2020-03, until: 2020-09}")
            .replacingOccurrences(of: "member_trust: 0,", with: "member_trust: 0.4, hazard: 0,"))
        XCTAssertEqual(Engine(scenario: scenario).initialWorld.affinity(1, 0), 0.7, accuracy: accuracy)
        XCTAssertEqual(Engine(scenario: scenario).initialWorld.trust(1, 2), 0.4, accuracy: accuracy)
        XCTAssertEqual(Engine(scenario: scenario).initialWorld.status(1, 0), .outside)
        let run = ModelKit.run(scenario)
        XCTAssertEqual(run.worlds[1].status(1, 0), .outside)
        XCTAssertEqual(run.worlds[2].status(1, 0), .member)
        XCTAssertEqual(run.worlds[7].status(2, 0), .member)
        XCTAssertEqual(run.worlds[8].status(2, 0), .outside)
        XCTAssertEqual(run.events[1].map(\.type), ["attack"])                          // before founding: nobody to call
        XCTAssertEqual(run.events[3].map(\.type), ["attack", "decline", "decline"])    // C and D decline
        XCTAssertEqual(run.events[8].map { "\($0.type) \($0.actor) \($0.detail)" },
                       ["dissolve B bloc dissolved; was member", "dissolve C bloc dissolved; was member", "dissolve D bloc dissolved; was member"])
    }

    func testAMembershipEventOutsideABlocsLifetimeAndAFrozenFounderOfALaterBlocAreRefused() throws {
        XCTAssertEqual(try problems(world("", events: """
              - {at: 2020-02, type: membership, state: A, bloc: N, action: join}
              - {at: 2020-10, type: membership, state: B, bloc: N, action: leave}
            """, blocs: "  - {id: N, members: [B, {id: C, status: frozen}, D], from: 2020-03, until: 2020-09}")), [
            "10:26 a bloc founded later (its 'from' is after the calendar's start) starts with active members; expected no `status: frozen` (script a freeze with a membership event)",
            "13:5 membership event for bloc 'N' comes before the bloc is founded (2020-03); expected a date on or after its 'from'",
            "14:5 membership event for bloc 'N' comes after the bloc is dissolved (2020-09); expected a date before its 'until'",
        ])
    }

    // MARK: - treaty terms

    private func treaty(_ terms: String, events: String, parameters: String = "noise: 0") -> String {
        """
        calendar: {start: 2020-01, end: 2022-12, step: month}
        parameters: {\(parameters)}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 1}
        blocs:
          - {id: N, members: [A, B, C], \(terms)}
        events:
        \(events)
        outcomes:
          - {name: a_left, type: left, state: A, bloc: N}
        """
    }

    func testAScriptedExitUnderAOneYearNoticeTakesEffectAYearLaterAndTheMemberStaysFrozenUnderNotice() throws {
        let scenario = try ModelKit.scenario(treaty("notice: 1 year", events: """
              - {id: go, at: 2020-03, type: membership, state: A, bloc: N, action: leave}
              - {id: back, at: 2020-05, type: membership, state: A, bloc: N, action: unfreeze}
            """))
        let run = ModelKit.run(scenario)
        XCTAssertEqual(run.worlds[1].status(0, 0), .member)
        XCTAssertTrue((2...13).allSatisfy { run.worlds[$0].status(0, 0) == .frozen })
        XCTAssertEqual(run.worlds[14].status(0, 0), .left)                 // 2021-03
        XCTAssertEqual(run.result.outcomes, [1, 14])
        XCTAssertEqual(run.events[2].map { "\($0.event) \($0.type) \($0.detail)" }, ["go notice scripted effective=step 14"])
        XCTAssertEqual(run.events[4].map { "\($0.event) \($0.type) \($0.detail)" }, ["back unfreeze scripted; ignored: under notice"])
        XCTAssertEqual(run.events[14].filter { $0.type == "leave" }.map { "\($0.actor) \($0.detail)" }, ["A notice given at step 2"])
    }

    func testUnderATermAnExitTakesEffectAtTheFirstRenewalAfterTheNoticeAndExitFromDelaysTheNotice() throws {
        // Term from 2015-05, one year: renewals every May. Notice 6 months from 2020-03 runs to 2020-09 → 2021-05 (step 16).
        let term = ModelKit.run(try ModelKit.scenario(treaty("term: {start: 2015-05, length: 1 year}, notice: 6 months",
                                                             events: "  - {at: 2020-03, type: membership, state: A, bloc: N, action: leave}")))
        XCTAssertEqual(term.result.outcomes, [1, 16])
        // NATO style: notice only from 2021-06, two months → 2021-08 (step 19).
        let nato = ModelKit.run(try ModelKit.scenario(treaty("exit_from: 2021-06, notice: 2 months",
                                                             events: "  - {at: 2020-03, type: membership, state: A, bloc: N, action: leave}")))
        XCTAssertEqual(nato.result.outcomes, [1, 19])
        // Explicit renewals, none left after the notice: the exit does not take effect within the run.
        let never = ModelKit.run(try ModelKit.scenario(treaty("renewals: [2020-02, 2020-06], notice: 6 months",
                                                              events: "  - {at: 2020-03, type: membership, state: A, bloc: N, action: leave}")))
        XCTAssertEqual(never.result.outcomes[0], 0)
        XCTAssertEqual(never.worlds[35].status(0, 0), .frozen)
        XCTAssertEqual(never.events[2].first?.detail, "scripted effective=after the end")
    }

    func testTheModelsDecisionToLeaveGivesNoticeAndTheExitWaitsForIt() throws {
        // A's affinity for N starts at 0: it freezes at step 0 and decides to leave at step 1 (gap 0.278 > 0.2,
        // hazard 100 makes both draws certain); with three months' notice the exit takes effect at step 4.
        let scenario = try ModelKit.scenario(treaty("notice: 3 months", events: "  []", parameters: "noise: 0, hazard: 100")
            .replacingOccurrences(of: "events:", with: "alignment:\n  - {state: A, bloc: N, value: 0}\nevents:"))
        let run = ModelKit.run(scenario)
        XCTAssertEqual(run.worlds[0].status(0, 0), .frozen)
        XCTAssertEqual(run.events[1].map(\.type), ["notice"])
        XCTAssertTrue(run.events[1][0].detail.hasPrefix("gap=0.27"))
        XCTAssertTrue(run.events[1][0].detail.hasSuffix(" effective=step 4"))
        XCTAssertEqual(run.worlds[3].status(0, 0), .frozen)
        XCTAssertEqual(run.worlds[4].status(0, 0), .left)
        XCTAssertEqual(run.result.outcomes, [1, 4])
    }

    func testBadTreatyTermsAreRefused() throws {
        XCTAssertEqual(try problems(treaty("notice: 1 decade, term: {start: 2015-05, length: 0 years}, renewals: [2030-01]", events: "  []")), [
            "8:41 'notice' must be a duration such as 1 year, 6 months, 2 weeks or 90 days; found '1 decade'",
            "8:57 a bloc gives both 'term' and 'renewals'; expected one of them (a term generates the renewal dates)",
        ])
        XCTAssertEqual(try problems(treaty("renewals: [2030-01, 2025-01]", events: "  []")),
                       ["8:43 'renewals' must list dates in increasing order, each once"])
    }

    // MARK: - basing

    func testForeignForcesBasedOnAHostCostTheGuestTheTrustOfTheHostsEnemiesEveryStep() throws {
        // D hosts B's forces from 2020-02 (step 1) until 2020-04 (step 3): steps 1, 2. A distrusts D at −0.5,
        // C trusts D: each step T_A,B −= 0.01 · 2 · 0.5 = 0.01; C, D and B are unchanged.
        let scenario = try ModelKit.scenario(world("trust:\n  - {from: A, to: D, value: -0.5}\n  - {from: C, to: D, value: 0.5}",
                                                   events: "  - {id: base, at: 2020-02, type: basing, host: D, guest: B, intensity: 2, until: 2020-04}"))
        let run = ModelKit.run(scenario)
        XCTAssertEqual(run.worlds[1].trust(0, 1), -0.01, accuracy: accuracy)
        XCTAssertEqual(run.worlds[11].trust(0, 1), -0.02, accuracy: accuracy)
        XCTAssertEqual(run.worlds[11].trust(2, 1), 0, accuracy: accuracy)
        XCTAssertEqual(run.worlds[11].trust(3, 1), 0, accuracy: accuracy)
        XCTAssertEqual(run.events[1].map { "\($0.type) \($0.actor) \($0.target)" }, ["basing B D"])
        XCTAssertEqual(run.events[3].map { "\($0.type) \($0.detail)" }, ["lift basing until"])
        XCTAssertEqual(try problems(world("", events: "  - {at: 2020-02, type: basing, host: D, guest: D}")),
                       ["13:39 'guest' and 'host' name the same state; expected a basing by another state"])
    }

    // MARK: - meaningless variant settings

    func testAVariantSettingTheValueTheBaseAlreadyHasIsRefusedAtThatValue() throws {
        let found = try problems(world("""
            parameters: {betrayal: 0.5}
            variants:
              - {name: same, set: {events.war.intensity: 1.0, hostility: .5}, parameters: {betrayal: 0.50}}
              - {name: real, set: {events.war.intensity: 2}}
            """.replacingOccurrences(of: "parameters: {betrayal: 0.5}\n", with: ""),
            events: "  - {id: war, step: 1, type: attack, by: A, target: B, intensity: 1}")
            .replacingOccurrences(of: "default_trust: 0}", with: "default_trust: 0, betrayal: 0.5}"))
        XCTAssertEqual(found, [
            "12:46 variant 'same': 'events.war.intensity' is already 1 in the base scenario, so this setting changes nothing; expected a different value, or remove the setting",
            "12:62 variant 'same': 'hostility' is already 0.5 in the base scenario, so this setting changes nothing; expected a different value, or remove the setting",
            "12:90 variant 'same': 'parameters.betrayal' is already 0.5 in the base scenario, so this setting changes nothing; expected a different value, or remove the setting",
        ])
    }
}
