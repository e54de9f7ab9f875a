import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// Model 2's mechanisms (docs/model.md, "Model 2") on tiny worlds, each against hand-computed numbers.
final class ModelTwoTests: XCTestCase {
    /// The hand-computed numbers below were worked out at model 1's values of the eight parameters that
    /// model 2 takes from its calibration (``ModelDefaults``); pinned here so these tests check the
    /// mechanisms whatever model 2's defaults are.
    static let modelOneValues = "abandonment: 0.3, balance: 0, w_security: 0.4, nonaligned: 0.45, freeze_threshold: 0.05, leave_threshold: 0.2, hazard: 2, member_trust: 0.4, "

    private let accuracy = 1e-12

    // MARK: - threat is hostile intent, not distrust

    /// A distrusts its ally B (−0.8) and the outsider C (−0.5); C has capability 2.
    private static let distrustWorld = """
        model: 2
        calendar: {start: 2020-01, end: 2020-03, step: month}
        parameters: {\(ModelTwoTests.modelOneValues)noise: 0}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 4}
          - {id: C, capability: 2}
        blocs:
          - {id: X, members: [A, B]}
        trust:
          - {from: A, to: B, value: -0.8}
          - {from: A, to: C, value: -0.5}
        """

    func testDistrustOfAnAllyIsNotThreatButDistrustOfAnOutsiderAtTheStartIs() throws {
        let world = ModelKit.run(try ModelKit.scenario(Self.distrustWorld)).worlds[0]
        XCTAssertEqual(world.hostility[0 * 3 + 1], 0, accuracy: accuracy)    // B shares X with A
        XCTAssertEqual(world.hostility[0 * 3 + 2], 0.5, accuracy: accuracy)  // enemies at the start are enemies
        XCTAssertEqual(world.threat[0], 1.0, accuracy: accuracy)             // c_C · H_AC = 2 · 0.5 (model 1: 4 · 0.8 + 2 · 0.5 = 4.2)
        XCTAssertEqual(world.need[0], 0.5 * 2 / 3, accuracy: accuracy)      // H_AC · c_C / (c_C + c_A)
        let modelOne = ModelKit.run(try ModelKit.scenario(Self.distrustWorld.replacingOccurrences(of: "model: 2", with: "model: 1"))).worlds[0]
        XCTAssertEqual(modelOne.threat[0], 4.2, accuracy: accuracy)
        XCTAssertTrue(modelOne.hostility.isEmpty)
    }

    func testAttacksAndThreateningMovesRaiseHostileIntentButSanctionsDoNot() throws {
        let scenario = try ModelKit.scenario(Self.distrustWorld + """

            events:
              - {id: raid, step: 0, type: attack, by: B, target: A, intensity: 0.6, response: decline}
              - {id: sanction, step: 0, type: diplomacy, from: C, to: A, kind: sanction}
              - {id: claim, step: 0, type: diplomacy, from: C, to: A, kind: territorial_claim, intensity: 0.4}
            """)
        var world = WorldBuilder.initialWorld(of: scenario)
        ModelKit.apply(scenario, event: 0, to: &world)
        XCTAssertEqual(world.hostility[0 * 3 + 1], 0.3, accuracy: accuracy)  // hostility · intensity = 0.5 · 0.6
        ModelKit.apply(scenario, event: 1, to: &world)
        XCTAssertEqual(world.hostility[0 * 3 + 2], 0.5, accuracy: accuracy)  // a sanction is displeasure, not intent
        ModelKit.apply(scenario, event: 2, to: &world)
        XCTAssertEqual(world.hostility[0 * 3 + 2], 0.64, accuracy: accuracy) // 0.5 + 1 · 0.35 · 0.4
    }

    func testHostileIntentRelaxesTowardItsBaselineAtHostilityDecay() throws {
        let scenario = try ModelKit.scenario(Self.distrustWorld.replacingOccurrences(of: "noise: 0}", with: "noise: 0, hostility_decay: 0.1}") + """

            events:
              - {id: raid, step: 0, type: attack, by: B, target: A, intensity: 1, response: assist}
            """)
        let worlds = ModelKit.run(scenario).worlds
        XCTAssertEqual(worlds[0].hostility[1], 0.45, accuracy: accuracy)   // 0.5 + 0.1 · (0 − 0.5)
        XCTAssertEqual(worlds[1].hostility[1], 0.405, accuracy: accuracy)
        XCTAssertEqual(worlds[1].hostility[2], 0.5, accuracy: accuracy)    // at its baseline
    }

    /// The Cod War against an invasion: I (capability 0.01) and its ally U (capability 30, one bloc), and the outsider V.
    private static let smallStateWorld = """
        model: 2
        calendar: {start: 2020-01, end: 2020-03, step: month}
        parameters: {noise: 0}
        states:
          - {id: I, capability: 0.01}
          - {id: U, capability: 30}
          - {id: V, capability: 30}
        blocs:
          - {id: X, members: [I, U]}
        events:
          - {id: frigates, step: 0, type: attack, by: U, target: I, intensity: 0.5, response: decline}
          - {id: invasion, step: 0, type: attack, by: V, target: I, intensity: 2, response: decline}
        """

    func testNeedIsTheChanceThatAHostileStatePrevailsSoAQuarrelIsNotAnInvasion() throws {
        let scenario = try ModelKit.scenario(Self.smallStateWorld)
        var world = WorldBuilder.initialWorld(of: scenario)
        ModelKit.apply(scenario, event: 0, to: &world)
        var scratch = Scratch(world: world)
        DynamicsTwo.perceive(&world, parameters: scenario.parameters, scratch: &scratch)
        XCTAssertEqual(world.hostility[0 * 3 + 1], 0.25, accuracy: accuracy)           // hostility · 0.5
        XCTAssertEqual(world.threat[0], 7.5, accuracy: accuracy)                        // c_U · H
        XCTAssertEqual(world.need[0], 0.25 * 30 / 30.01, accuracy: accuracy)            // ≈ 0.2499 (model 1's form: 7.5 / 7.51 ≈ 0.9987)
        ModelKit.apply(scenario, event: 1, to: &world)
        DynamicsTwo.perceive(&world, parameters: scenario.parameters, scratch: &scratch)
        XCTAssertEqual(world.hostility[0 * 3 + 2], 1, accuracy: accuracy)              // hostility · 2
        XCTAssertEqual(world.need[0], 1 - (1 - 0.25 * 30 / 30.01) * (1 - 30 / 30.01), accuracy: accuracy)  // ≈ 0.99975
    }

    /// V invades T; A trusts T (0.5), B distrusts it (−0.5), C ignores it; A and B share a bloc with V.
    func testAnAttackOnAFriendRevealsIntentToBystandersInProportionToTheBond() throws {
        let yaml = """
            model: 2
            calendar: {start: 2020-01, end: 2020-03, step: month}
            parameters: {\(ModelTwoTests.modelOneValues)noise: 0}
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 1}
              - {id: C, capability: 1}
              - {id: T, capability: 1}
              - {id: V, capability: 4}
            blocs:
              - {id: X, members: [A, B, V]}
            trust:
              - {from: A, to: T, value: 0.5}
              - {from: B, to: T, value: -0.5}
            events:
              - {id: invasion, step: 0, type: attack, by: V, target: T, intensity: 2}
            """
        let scenario = try ModelKit.scenario(yaml)
        var world = WorldBuilder.initialWorld(of: scenario)
        ModelKit.apply(scenario, event: 0, to: &world)
        XCTAssertEqual(world.hostility[0 * 5 + 4], 0.3, accuracy: accuracy)   // intent_solidarity · I · T_AT = 0.3 · 2 · 0.5
        XCTAssertEqual(world.trust(0, 4), 0.4 - 0.3, accuracy: accuracy)      // model 1's solidarity, unchanged
        XCTAssertEqual(world.hostility[1 * 5 + 4], 0, accuracy: accuracy)     // B distrusts the victim
        XCTAssertEqual(world.hostility[2 * 5 + 4], 0, accuracy: accuracy)     // C is indifferent
        XCTAssertEqual(world.hostility[3 * 5 + 4], 1, accuracy: accuracy)     // the victim: hostility · 2
        let off = try ModelKit.scenario(yaml, settings: ["intent_solidarity=0"])
        var quiet = WorldBuilder.initialWorld(of: off)
        ModelKit.apply(off, event: 0, to: &quiet)
        XCTAssertEqual(quiet.hostility[0 * 5 + 4], 0, accuracy: accuracy)
    }

    // MARK: - cover per source of threat

    /// X = {A, B, C}, no leader; B raids A (a fellow member); A was hostile to the outsider E from the start.
    func testCoverCountsOnlyMembersOtherThanTheSourceAndNoneAgainstAFellowMember() throws {
        let scenario = try ModelKit.scenario("""
            model: 2
            calendar: {start: 2020-01, end: 2020-03, step: month}
            parameters: {\(ModelTwoTests.modelOneValues)noise: 0, k_assist: 0}
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 2}
              - {id: C, capability: 4}
              - {id: E, capability: 4}
            blocs:
              - {id: X, members: [A, B, C], obligation: 1}
            trust:
              - {from: A, to: E, value: -0.5}
            events:
              - {id: raid, step: 0, type: attack, by: B, target: A, intensity: 1, response: assist}
            """)
        var (world, _) = ModelKit.applyAll(scenario)
        XCTAssertEqual(world.trust(0, 1), -0.1, accuracy: accuracy)  // 0.4 − 0.5
        XCTAssertEqual(world.trust(0, 2), 0.6, accuracy: accuracy)   // 0.4 + reward · ω · I
        var scratch = Scratch(world: world)
        DynamicsTwo.perceive(&world, parameters: scenario.parameters, scratch: &scratch)
        XCTAssertEqual(world.threat[0], 3.0, accuracy: accuracy)     // c_B · 0.5 + c_E · 0.5
        XCTAssertEqual(world.need[0], 1 - (1 - 0.5 * 2 / 3) * (1 - 0.5 * 4 / 5), accuracy: accuracy)  // 0.6 (model 1's form: 0.75)
        // Against B: nothing (a fellow member). Against E: C only (B is distrusted), c_C · T_AC · σ(0) = 4 · 0.6 · 0.5.
        XCTAssertEqual(scratch.cover[0], min(2.0, 1.2) / 3.0, accuracy: accuracy)
        // Model 1 on the same trust counts C against the whole threat, B included: min(1, ω · 4 · 0.6 / (2 · 0.1 + 4 · 0.5)).
        var one = world
        one.model = 1
        var scratchOne = Scratch(world: one)
        Dynamics.perceive(&one, parameters: scenario.parameters, scratch: &scratchOne)
        XCTAssertEqual(one.threat[0], 2.2, accuracy: accuracy)
        XCTAssertEqual(scratchOne.cover[0], 1, accuracy: accuracy)
    }

    // MARK: - grievance

    private static func grievanceWorld(status: String, extra: String = "") -> String {
        """
        model: 2
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: {\(ModelTwoTests.modelOneValues)noise: 0}
        states:
          - {id: A, capability: 1}
          - {id: L, capability: 2}
        blocs:
          - {id: X, leader: L, members: [\(status), L], obligation: 1}
        events:
          - {id: call, step: 0, type: aid_request, from: A, intensity: 1, response: decline}
        \(extra)
        """
    }

    func testADeclinedCallLeavesGrievanceThatDecaysOnlyAtGrievanceDecay() throws {
        let worlds = ModelKit.run(try ModelKit.scenario(Self.grievanceWorld(status: "A"))).worlds
        let first = 0.5 * 0.3 * 1 * 1 * 1                                    // grievance · abandonment · ω · I · c_L / max c
        XCTAssertEqual(worlds[0].grievance[0], first * 0.995, accuracy: accuracy)
        XCTAssertEqual(worlds[11].grievance[0], first * pow(0.995, 12), accuracy: accuracy)
        // Trust forgives at 1 % a step, grievance at 0.5 %: after a year 88.6 % of the trust loss and 94.2 % of the grievance remain.
        XCTAssertEqual(worlds[11].grievance[0] / first, pow(0.995, 12), accuracy: accuracy)
    }

    func testAFrozenMemberStillCallsItsBlocUnderModelTwoOnly() throws {
        let yaml = Self.grievanceWorld(status: "{id: A, status: frozen}")
        let scenario = try ModelKit.scenario(yaml)
        var world = WorldBuilder.initialWorld(of: scenario)
        let rows = ModelKit.apply(scenario, event: 0, to: &world)
        XCTAssertEqual(rows.map(\.type), ["aid_request", "decline"])
        XCTAssertEqual(world.trust(0, 1), 0.1, accuracy: accuracy)           // 0.4 − 0.3
        XCTAssertEqual(world.grievance[0], 0.15, accuracy: accuracy)
        let one = try ModelKit.scenario(yaml.replacingOccurrences(of: "model: 2", with: "model: 1"))
        var worldOne = WorldBuilder.initialWorld(of: one)
        XCTAssertEqual(ModelKit.apply(one, event: 0, to: &worldOne).map(\.type), ["aid_request"])  // nobody is called
        XCTAssertEqual(worldOne.trust(0, 1), 0.4, accuracy: accuracy)
    }

    func testARebuffByTheLeaderIsAStatusAffrontAndARegimeChangeClearsGrievance() throws {
        let scenario = try ModelKit.scenario(Self.grievanceWorld(status: "A", extra: """
              - {id: snub, step: 0, type: diplomacy, from: L, to: A, kind: rebuff}
              - {id: revolution, step: 0, type: regime_change, state: A}
            """))
        var world = WorldBuilder.initialWorld(of: scenario)
        ModelKit.apply(scenario, event: 0, to: &world)
        ModelKit.apply(scenario, event: 1, to: &world)
        XCTAssertEqual(world.grievance[0], 0.15 + 0.5 * 0.15, accuracy: accuracy)  // + grievance · |delta_rebuff|
        ModelKit.apply(scenario, event: 2, to: &world)
        XCTAssertEqual(world.grievance[0], 0, accuracy: accuracy)
    }

    /// A's new government turns against the leader (trust 0.5 → −0.5): its target falls from 0.65 to
    /// (1 + w_trust · (−0.5)) / 2 = 0.35, and its affinity (0.7) moves max(adaptation, regime_reset) of the
    /// way there in the step of the change, then `adaptation` again; the leader's pace never changes.
    func testARegimeChangeMovesTheNewGovernmentsAffinityToItsTargetAtRegimeReset() throws {
        let yaml = """
            model: 2
            calendar: {start: 2020-01, end: 2020-03, step: month}
            parameters: {\(ModelTwoTests.modelOneValues)noise: 0, adaptation: 0.15, RESET}
            states:
              - {id: A, capability: 1}
              - {id: L, capability: 3}
            blocs:
              - {id: X, leader: L, members: [A, L]}
            trust:
              - {from: A, to: L, value: 0.5}
            events:
              - {id: revolution, step: 0, type: regime_change, state: A, shift: {L: -1}}
            """
        for (reset, first) in [(1.0, 0.35), (0.5, 0.7 + 0.5 * (0.35 - 0.7)), (0.0, 0.7 + 0.15 * (0.35 - 0.7))] {
            let scenario = try ModelKit.scenario(yaml.replacingOccurrences(of: "RESET", with: "regime_reset: \(reset)"))
            var world = WorldBuilder.initialWorld(of: scenario)
            var scratch = Scratch(world: world)
            ModelKit.apply(scenario, event: 0, to: &world)
            XCTAssertEqual(world.regimeChanged, [true, false])
            DynamicsTwo.perceive(&world, parameters: scenario.parameters, scratch: &scratch)
            DynamicsTwo.updateAffinity(&world, parameters: scenario.parameters, scratch: scratch)
            XCTAssertEqual(scratch.target[0], 0.35, accuracy: accuracy)
            XCTAssertEqual(world.affinity[0], first, accuracy: accuracy)
            XCTAssertEqual(world.affinity[1], 0.7 + 0.15 * (scratch.target[1] - 0.7), accuracy: accuracy)  // the leader: adaptation
            XCTAssertEqual(world.regimeChanged, [false, false])
            DynamicsTwo.perceive(&world, parameters: scenario.parameters, scratch: &scratch)
            DynamicsTwo.updateAffinity(&world, parameters: scenario.parameters, scratch: scratch)
            XCTAssertEqual(world.affinity[0], first + 0.15 * (0.35 - first), accuracy: accuracy)  // back to adaptation
        }
        let one = try ModelKit.scenario(yaml.replacingOccurrences(of: "model: 2", with: "model: 1").replacingOccurrences(of: "RESET", with: "regime_reset: 1"))
        var worldOne = WorldBuilder.initialWorld(of: one)
        ModelKit.apply(one, event: 0, to: &worldOne)
        XCTAssertEqual(worldOne.regimeChanged, [])  // model 1 keeps no flag and its pace
    }

    func testARevealedBetrayalByACoMemberBecomesGrievance() throws {
        let scenario = try ModelKit.scenario("""
            model: 2
            calendar: {start: 2020-01, end: 2020-03, step: month}
            parameters: {\(ModelTwoTests.modelOneValues)noise: 0}
            states:
              - {id: A, capability: 1}
              - {id: S, capability: 1}
              - {id: R, capability: 1}
            blocs:
              - {id: X, members: [A, S]}
            trust:
              - {from: A, to: R, value: -1}
            events:
              - {id: arms, step: 0, type: arms_transfer, from: S, to: R, value: 1, covert: true}
              - {id: leak, step: 1, type: reveal, events: [arms]}
            """)
        var world = WorldBuilder.initialWorld(of: scenario)
        ModelKit.apply(scenario, event: 0, to: &world)
        XCTAssertEqual(world.grievance[0], 0, accuracy: accuracy)           // secret: nothing known yet
        ModelKit.apply(scenario, event: 1, to: &world)
        // Δ = −betrayal · σ · h · (1 + ally_penalty) · (1 + deception) = −2 · 0.5 · 1 · 3 · 2 = −6; grievance 0.5 · 6.
        XCTAssertEqual(world.grievance[0], 3, accuracy: accuracy)
        XCTAssertEqual(world.trust(0, 1), -1, accuracy: accuracy)
    }

    // MARK: - membership: exit cost and lag, rivals, anchored members

    /// A hand-set two-state, two-bloc model-2 world: A member of X (led by L) and outside Y.
    private func membershipWorld(status: MembershipStatus, affinityX: Double, affinityY: Double, rivals: Bool) -> World {
        var world = World(stateCount: 2, blocCount: 2, eventCount: 0)
        world.model = 2
        world.capability = [1, 2]
        world.status = [status, .outside, .member, .outside]
        world.leader = [1, -1]
        world.affinity = [affinityX, affinityY, 0.7, 0.2]
        world.hostility = [0, 0, 0, 0]
        world.hostilityBase = world.hostility
        world.grievance = [0, 0, 0, 0]
        world.rival = [false, rivals, rivals, false]
        world.autonomy = [0, 0]
        world.need = [0.8, 0]
        return world
    }

    private func runMembership(_ world: inout World, target: Double, cover: Double, set: [Parameter: Double] = [:]) -> [EventLog.Entry] {
        var parameters = ParameterValues.defaults
        parameters[.hazard] = 100
        for (parameter, value) in set { parameters[parameter] = value }
        let scratch = Scratch(world: world)
        scratch.target[0] = target
        scratch.cover[0] = cover
        var log = EventLog(enabled: true)
        DynamicsTwo.updateMembership(&world, step: 0, parameters: parameters, random: RandomStream(key: 7), scratch: scratch,
                                     names: WorldNames(states: ["A", "L"], blocs: ["X", "Y"], events: []), log: &log)
        return log.entries
    }

    func testTheSecurityABlocGivesIsACostOfLeavingIt() throws {
        // Excess = (0.45 − target 0) − leave_threshold 0.2 − exit_cost 0.5 · need 0.8 · cover = 0.25 − 0.4 · cover.
        var protected = membershipWorld(status: .frozen, affinityX: 0.2, affinityY: 0.2, rivals: false)
        XCTAssertEqual(runMembership(&protected, target: 0, cover: 1).count, 0)       // −0.15: stays frozen
        XCTAssertEqual(protected.status(0, 0), .frozen)
        var exposed = membershipWorld(status: .frozen, affinityX: 0.2, affinityY: 0.2, rivals: false)
        let rows = runMembership(&exposed, target: 0, cover: 0)                         // 0.25: p = 1 − e^−25
        XCTAssertEqual(rows.map(\.type), ["leave"])
        XCTAssertEqual(exposed.status(0, 0), .left)
        var cheap = membershipWorld(status: .frozen, affinityX: 0.2, affinityY: 0.2, rivals: false)
        XCTAssertEqual(runMembership(&cheap, target: 0, cover: 1, set: [.exitCost: 0]).map(\.type), ["leave"])
    }

    func testExitTakesAFreezeFirstSoItLagsByAtLeastOneStep() throws {
        var world = membershipWorld(status: .member, affinityX: 0.2, affinityY: 0.2, rivals: false)
        XCTAssertEqual(runMembership(&world, target: 0, cover: 0).map(\.type), ["freeze"])
        XCTAssertEqual(world.status(0, 0), .frozen)
        XCTAssertEqual(runMembership(&world, target: 0, cover: 0).map(\.type), ["leave"])
    }

    func testExitFollowsTheTargetSoADecisiveTriggerActsBeforeAffinityCatchesUp() throws {
        // Affinity 0.38 (gap 0.07, too small to leave on model 1's affinity gap) but the target has collapsed to 0.
        var world = membershipWorld(status: .frozen, affinityX: 0.38, affinityY: 0.2, rivals: false)
        XCTAssertEqual(runMembership(&world, target: 0, cover: 0).map(\.type), ["leave"])
        var calm = membershipWorld(status: .frozen, affinityX: 0.38, affinityY: 0.2, rivals: false)
        XCTAssertEqual(runMembership(&calm, target: 0.38, cover: 0).count, 0)
    }

    func testAFreezeFeelsTriggerWeightOfADecisiveDropOfTheTargetAtOnce() throws {
        // Affinity 0.5 (gap −0.05: no freeze on affinity) but the target has collapsed to 0:
        // felt affinity 0.5 − 0.25 · (0.5 − 0) = 0.375, felt gap 0.075 > freeze_threshold 0.05.
        var shocked = membershipWorld(status: .member, affinityX: 0.5, affinityY: 0.2, rivals: false)
        XCTAssertEqual(runMembership(&shocked, target: 0, cover: 0).map(\.type), ["freeze"])
        var inert = membershipWorld(status: .member, affinityX: 0.5, affinityY: 0.2, rivals: false)
        XCTAssertEqual(runMembership(&inert, target: 0, cover: 0, set: [.triggerWeight: 0]).count, 0)
        // Felt gap 0.45 − (0.5 − 0.25 · 0.2) = 0 at target 0.3: no freeze; a rising target never delays one.
        var mild = membershipWorld(status: .member, affinityX: 0.5, affinityY: 0.2, rivals: false)
        XCTAssertEqual(runMembership(&mild, target: 0.3, cover: 0).count, 0)
        var low = membershipWorld(status: .member, affinityX: 0.3, affinityY: 0.2, rivals: false)
        XCTAssertEqual(runMembership(&low, target: 0.9, cover: 0).map(\.type), ["freeze"])
    }

    func testOnlyARivalBlocIsAnOutsideOptionAndComplementsAreNot() throws {
        // A_X 0.5 against A_Y 0.9: gap 0.4 when Y is X's rival, max(0.45 − 0.5) < 0 when it is not.
        var complement = membershipWorld(status: .member, affinityX: 0.5, affinityY: 0.9, rivals: false)
        XCTAssertEqual(runMembership(&complement, target: 0.5, cover: 0).count, 0)
        var rival = membershipWorld(status: .member, affinityX: 0.5, affinityY: 0.9, rivals: true)
        XCTAssertEqual(runMembership(&rival, target: 0.5, cover: 0).map(\.type), ["freeze"])
        XCTAssertTrue(rival.status(0, 0) == .frozen)
    }

    func testALeaderAndASoleMemberNeverFreezeTheirOwnBloc() throws {
        var world = membershipWorld(status: .member, affinityX: 0.7, affinityY: 0.2, rivals: false)
        world.affinity[2] = 0       // the leader L has lost all affinity for X
        world.status[1] = .member   // A is the sole member of Y, with affinity 0.2
        XCTAssertEqual(runMembership(&world, target: 0.7, cover: 0).count, 0)
        XCTAssertEqual(world.status(1, 0), .member)
        XCTAssertEqual(world.status(0, 1), .member)
    }

    // MARK: - hierarchy cost

    func testAutonomyTimesTheLeadersDominanceLowersAMembersTargetButNotTheLeaders() throws {
        let scenario = try ModelKit.scenario("""
            model: 2
            calendar: {start: 2020-01, end: 2020-03, step: month}
            parameters: {\(ModelTwoTests.modelOneValues)noise: 0}
            states:
              - {id: A, capability: 1, autonomy: 0.4}
              - {id: L, capability: 3, autonomy: 1}
            blocs:
              - {id: X, leader: L, members: [A, L]}
            trust:
              - {from: A, to: L, value: 0.5}
            """)
        var world = WorldBuilder.initialWorld(of: scenario)
        var scratch = Scratch(world: world)
        DynamicsTwo.perceive(&world, parameters: scenario.parameters, scratch: &scratch)
        DynamicsTwo.updateAffinity(&world, parameters: scenario.parameters, scratch: scratch)
        XCTAssertEqual(scratch.dominance[0], 0.75, accuracy: accuracy)                  // 3 / (1 + 3)
        XCTAssertEqual(scratch.target[0], (1 + 0.6 * 0.5 - 0.4 * 0.4 * 0.75) / 2, accuracy: accuracy)  // w_security · a · dom
        XCTAssertEqual(scratch.target[1], (1 + 0.6 * 0.4) / 2, accuracy: accuracy)       // the leader pays no hierarchy cost
    }

    // MARK: - scenario keys

    func testRivalsAreMadeSymmetricAndNamingItselfIsRefused() throws {
        let base = """
            model: 2
            calendar: {start: 2020-01, end: 2020-03, step: month}
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 1}
            blocs:
              - {id: X, members: [A], rivals: [Y]}
              - {id: Y, members: [B]}
            """
        let scenario = try ModelKit.scenario(base)
        XCTAssertEqual(scenario.blocs.map(\.rivals), [[1], [0]])
        XCTAssertEqual(WorldBuilder.initialWorld(of: scenario).rival, [false, true, true, false])
        let message = try loadError(base.replacingOccurrences(of: "rivals: [Y]", with: "rivals: [X]"))
        XCTAssertTrue(message.contains("bloc 'X' names itself under 'rivals'; expected other blocs' ids"), message)
    }

    func testModelMustBeOneOrTwoAndTheSetOverrideSelectsIt() throws {
        let yaml = """
            calendar: {start: 2020-01, end: 2020-03, step: month}
            states:
              - {id: A, capability: 1}
            """
        XCTAssertEqual(try ModelKit.scenario(yaml).model, 1)
        XCTAssertEqual(try ModelKit.scenario(yaml, settings: ["model=2"]).model, 2)
        let message = try loadError("model: 3\n" + yaml)
        XCTAssertTrue(message.contains("'model'"), message)
        let autonomy = try loadError(yaml.replacingOccurrences(of: "capability: 1}", with: "capability: 1, autonomy: 1.5}"))
        XCTAssertTrue(autonomy.contains("'autonomy'"), autonomy)
    }

    /// The diagnostics of a file that must not load.
    private func loadError(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entente-model2-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ScenarioLoader().load(path: path)
            XCTFail("loaded")
            return ""
        } catch {
            return "\(error)"
        }
    }
}
