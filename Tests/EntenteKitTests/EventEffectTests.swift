import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// Each event type's effect on a tiny world, against numbers computed by hand.
///
/// Every scenario names the parameters its hand computation uses (mostly away from the
/// defaults, so that two parameters swapped in the code would show), and events are applied
/// directly to `WorldBuilder.initialWorld(of:)` unless a test says it runs the engine.
final class EventEffectTests: XCTestCase {
    private let accuracy = 1e-12

    // MARK: - arms_transfer

    /// Parameters shared by the arms-transfer worlds.
    private static let armsParameters = "{noise: 0, decay: 0, forgiveness: 0, betrayal: 0.8, ally_penalty: 0.5, deception: 0.25, complicity: 0.3, gratitude: 0.6, default_trust: 0, member_trust: 0.4}"

    /// SUP arms REC; OBS, outside any bloc, is hostile to REC.
    private static func outsiderWorld(covert: Bool = false, revealed: String? = nil, extraEvents: String = "",
                                      deception: Double? = nil) -> String {
        var parameters = armsParameters
        if let deception { parameters = parameters.replacingOccurrences(of: "deception: 0.25", with: "deception: \(deception)") }
        let covertText = covert ? ", covert: true" : ""
        let revealedText = revealed.map { ", revealed: \($0)" } ?? ""
        return """
        calendar: {start: 2020-01, end: 2020-06, step: month}
        parameters: \(parameters)
        states:
          - {id: SUP, capability: 2}
          - {id: REC, capability: 1}
          - {id: OBS, capability: 5}
        trust:
          - {from: OBS, to: REC, value: -0.5}
          - {from: OBS, to: SUP, value: 0.1}
        events:
          - {id: deal, at: 2020-01, type: arms_transfer, from: SUP, to: REC, value: 3\(covertText)\(revealedText)}
        \(extraEvents)
        """
    }

    func testOvertTransferRaisesRecipientCapabilityAndCostsHostileObserverTrustInSupplier() throws {
        let sup = 0, rec = 1, obs = 2
        let (world, log) = try ModelKit.afterFirstEvent(Self.outsiderWorld())
        // salience s = value / (value + c_REC) = 3 / (3 + 1) = 0.75
        XCTAssertEqual(world.capability[rec], 4, accuracy: accuracy)  // 1 + 3
        // OBS hostile to REC, h = 0.5, no shared bloc, overt: Δ = −0.8 · 0.75 · 0.5 · (1 + 0.5·0) · 1 = −0.3
        XCTAssertEqual(world.trust(obs, sup), -0.2, accuracy: accuracy)  // 0.1 − 0.3
        // recipient's gratitude: 0 + 0.6 · 0.75 = 0.45
        XCTAssertEqual(world.trust(rec, sup), 0.45, accuracy: accuracy)
        // nothing else moves
        XCTAssertEqual(world.trust(obs, rec), -0.5, accuracy: accuracy)
        XCTAssertEqual(world.trust(sup, rec), 0, accuracy: accuracy)
        XCTAssertEqual(world.trust(sup, obs), 0, accuracy: accuracy)
        XCTAssertEqual(world.trust(rec, obs), 0, accuracy: accuracy)
        XCTAssertEqual(world.capability[sup], 2, accuracy: accuracy)
        XCTAssertEqual(world.capability[obs], 5, accuracy: accuracy)
        XCTAssertTrue(world.heldBack[0].isEmpty)
        XCTAssertEqual(log.map(\.type), ["arms_transfer"])
    }

    /// LEAD leads PACT {LEAD, SUP, OBS}; SUP arms REC, whom OBS distrusts.
    private static func blocWorld(freezeObserverFirst: Bool = false) -> String {
        """
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: \(armsParameters)
        states:
          - {id: LEAD, capability: 10}
          - {id: SUP, capability: 2}
          - {id: REC, capability: 1}
          - {id: OBS, capability: 3}
        blocs:
          - {id: PACT, leader: LEAD, members: [LEAD, SUP, OBS], obligation: 0.5}
        trust:
          - {from: OBS, to: REC, value: -0.5}
          - {from: LEAD, to: REC, value: 0.2}
        events:
        \(freezeObserverFirst ? "  - {id: obs-freezes, step: 0, type: membership, state: OBS, bloc: PACT, action: freeze}" : "")
          - {id: deal, step: 0, type: arms_transfer, from: SUP, to: REC, value: 1}
        """
    }

    func testTransferByActiveCoMemberCarriesAllyPenaltyAndChargesComplicityToItsBlocLeader() throws {
        let lead = 0, sup = 1, rec = 2, obs = 3
        let world = try ModelKit.afterFirstEvent(Self.blocWorld()).world
        // s = 1 / (1 + 1) = 0.5; OBS hostile to REC, h = 0.5; OBS and SUP share active PACT:
        // Δ = −0.8 · 0.5 · 0.5 · (1 + 0.5·1) · 1 = −0.3
        XCTAssertEqual(world.trust(obs, sup), 0.1, accuracy: accuracy)  // member_trust 0.4 − 0.3
        // complicity: SUP belongs to PACT, led by LEAD ≠ OBS, SUP: 0.3 · (−0.3) = −0.09
        XCTAssertEqual(world.trust(obs, lead), 0.31, accuracy: accuracy)  // 0.4 − 0.09
        // LEAD is not hostile to REC (0.2) nor to SUP (0.4): unchanged
        XCTAssertEqual(world.trust(lead, sup), 0.4, accuracy: accuracy)
        XCTAssertEqual(world.trust(lead, rec), 0.2, accuracy: accuracy)
        // gratitude 0.6 · 0.5 = 0.3; capability 1 + 1
        XCTAssertEqual(world.trust(rec, sup), 0.3, accuracy: accuracy)
        XCTAssertEqual(world.capability[rec], 2, accuracy: accuracy)
        XCTAssertEqual(world.trust(obs, rec), -0.5, accuracy: accuracy)
    }

    func testAllyPenaltyNeedsAnActiveCoMemberButComplicityFollowsThePaperBloc() throws {
        let scenario = try ModelKit.scenario(Self.blocWorld(freezeObserverFirst: true))
        let lead = 0, sup = 1, obs = 3
        let (world, _) = ModelKit.applyAll(scenario)
        XCTAssertEqual(world.status(obs, 0), .frozen)
        // OBS frozen, so no shared active bloc: Δ = −0.8 · 0.5 · 0.5 · 1 · 1 = −0.2
        XCTAssertEqual(world.trust(obs, sup), 0.2, accuracy: accuracy)  // 0.4 − 0.2
        // SUP still belongs to PACT: complicity 0.3 · (−0.2) = −0.06
        XCTAssertEqual(world.trust(obs, lead), 0.34, accuracy: accuracy)
    }

    func testObserverHostileToSupplierLosesTrustInRecipientWithAllyPenaltyForItsCoMember() throws {
        let sup = 0, rec = 1, obs = 2
        let world = try ModelKit.afterFirstEvent("""
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: \(Self.armsParameters)
        states:
          - {id: SUP, capability: 2}
          - {id: REC, capability: 3}
          - {id: OBS, capability: 1}
        blocs:
          - {id: DUO, members: [REC, OBS], obligation: 0.5}
        trust:
          - {from: OBS, to: SUP, value: -0.6}
        events:
          - {id: deal, step: 0, type: arms_transfer, from: SUP, to: REC, value: 1}
        """).world
        // s = 1 / (1 + 3) = 0.25; OBS hostile to SUP, h = 0.6; OBS and REC share active DUO:
        // Δ = −0.8 · 0.25 · 0.6 · (1 + 0.5·1) · 1 = −0.18
        XCTAssertEqual(world.trust(obs, rec), 0.22, accuracy: accuracy)  // 0.4 − 0.18
        XCTAssertEqual(world.trust(obs, sup), -0.6, accuracy: accuracy)  // OBS not hostile to REC: no loss in SUP
        XCTAssertEqual(world.trust(rec, sup), 0.15, accuracy: accuracy)  // gratitude 0.6 · 0.25
        XCTAssertEqual(world.capability[rec], 4, accuracy: accuracy)
    }

    func testCovertTransferHoldsBackObserverChangesWithDeceptionButNotCapabilityOrGratitude() throws {
        let sup = 0, rec = 1, obs = 2
        let world = try ModelKit.afterFirstEvent(Self.outsiderWorld(covert: true)).world
        XCTAssertEqual(world.capability[rec], 4, accuracy: accuracy)  // at once: 1 + 3
        XCTAssertEqual(world.trust(rec, sup), 0.45, accuracy: accuracy)  // the recipient knows: gratitude 0.6 · 0.75 at once
        XCTAssertEqual(world.trust(obs, sup), 0.1, accuracy: accuracy)  // third parties: unchanged
        // held back: Δ = −0.8 · 0.75 · 0.5 · 1 · (1 + 0.25) = −0.375
        XCTAssertEqual(world.heldBack[0].count, 1)
        XCTAssertEqual(world.heldBack[0].first?.from, obs)
        XCTAssertEqual(world.heldBack[0].first?.to, sup)
        XCTAssertEqual(world.heldBack[0].first?.delta ?? .nan, -0.375, accuracy: accuracy)
        XCTAssertFalse(world.revealed[0])
    }

    // MARK: - reveal

    func testRevealAppliesTheHeldBackChangeOnceAndEmptiesIt() throws {
        let scenario = try ModelKit.scenario(Self.outsiderWorld(covert: true, extraEvents: """
          - {id: leak, step: 2, type: reveal, events: [deal]}
        """))
        let sup = 0, obs = 2
        var world = WorldBuilder.initialWorld(of: scenario)
        ModelKit.apply(scenario, event: 0, to: &world)
        let log = ModelKit.apply(scenario, event: 1, to: &world, step: 2)
        XCTAssertEqual(world.trust(obs, sup), -0.275, accuracy: accuracy)  // 0.1 − 0.375
        XCTAssertTrue(world.heldBack[0].isEmpty)
        XCTAssertTrue(world.revealed[0])
        XCTAssertEqual(log.first?.type, "reveal")
        XCTAssertEqual(log.first?.detail, "events=deal")
        ModelKit.apply(scenario, event: 1, to: &world, step: 3)  // a second leak has nothing left to apply
        XCTAssertEqual(world.trust(obs, sup), -0.275, accuracy: accuracy)
    }

    func testCovertTransferAfterItsRevealAppliesAtOnceWithoutTheDeceptionWeight() throws {
        // The reveal is listed (and applied) first: the transfer is public when it happens.
        let scenario = try ModelKit.scenario("""
        calendar: {start: 2020-01, end: 2020-06, step: month}
        parameters: \(Self.armsParameters)
        states:
          - {id: SUP, capability: 2}
          - {id: REC, capability: 1}
          - {id: OBS, capability: 5}
        trust:
          - {from: OBS, to: REC, value: -0.5}
          - {from: OBS, to: SUP, value: 0.1}
        events:
          - {id: leak, step: 0, type: reveal, events: [deal]}
          - {id: deal, step: 0, type: arms_transfer, from: SUP, to: REC, value: 3, covert: true}
        """)
        let (world, _) = ModelKit.applyAll(scenario)
        // Public once revealed, so deception no longer adds weight: 0.1 − 0.375 / (1 + deception 0.25) = 0.1 − 0.3
        XCTAssertEqual(world.trust(2, 0), -0.2, accuracy: accuracy)
        XCTAssertTrue(world.heldBack[1].isEmpty)
    }

    /// Trust of OBS in SUP (and the rest) step by step through the engine, memory and noise off.
    private func engineSeries(_ yaml: String) throws -> [World] {
        let run = ModelKit.run(try ModelKit.scenario(yaml))
        XCTAssertNil(run.result.error)
        return run.worlds
    }

    func testCovertTransferChangesNoThirdPartyTrustUntilTheRevealEventThenExactlyTheHeldBackChange() throws {
        let worlds = try engineSeries(Self.outsiderWorld(covert: true, extraEvents: """
          - {id: leak, at: 2020-03, type: reveal, events: [deal]}
        """))
        let sup = 0, rec = 1, obs = 2
        let initial = WorldBuilder.initialWorld(of: try ModelKit.scenario(Self.outsiderWorld(covert: true)))
        for step in 0...1 {
            XCTAssertEqual(worlds[step].capability[rec], 4, accuracy: accuracy, "capability at once, step \(step)")
            XCTAssertEqual(worlds[step].trust(obs, sup), 0.1, accuracy: accuracy, "held back at step \(step)")
            XCTAssertEqual(worlds[step].trust(rec, sup), 0.45, accuracy: accuracy)  // gratitude 0.6 · 0.75
            for i in 0..<3 { for j in 0..<3 where !(i == rec && j == sup) {
                XCTAssertEqual(worlds[step].trust(i, j), initial.trust(i, j), accuracy: accuracy, "T[\(i),\(j)] step \(step)")
            } }
        }
        for step in 2...5 {
            XCTAssertEqual(worlds[step].trust(obs, sup), -0.275, accuracy: accuracy, "revealed at step \(step)")  // 0.1 − 0.375
        }
        // the reveal changes T_OBS,SUP and nothing else
        for i in 0..<3 { for j in 0..<3 where !(i == obs && j == sup) {
            XCTAssertEqual(worlds[2].trust(i, j), worlds[1].trust(i, j), accuracy: accuracy)
        } }
    }

    func testRevealedDateOnTheTransferActsExactlyLikeARevealEvent() throws {
        let byEvent = try engineSeries(Self.outsiderWorld(covert: true, extraEvents: """
          - {id: leak, at: 2020-03, type: reveal, events: [deal]}
        """))
        let byDate = try engineSeries(Self.outsiderWorld(covert: true, revealed: "2020-03"))
        XCTAssertEqual(byDate.count, byEvent.count)
        for step in byDate.indices {
            XCTAssertEqual(byDate[step].trust, byEvent[step].trust, "step \(step)")
            XCTAssertEqual(byDate[step].capability, byEvent[step].capability)
        }
        XCTAssertEqual(byDate[1].trust(2, 0), 0.1, accuracy: accuracy)
        XCTAssertEqual(byDate[2].trust(2, 0), -0.275, accuracy: accuracy)
    }

    func testWithoutDeceptionARevealedCovertTransferEndsWhereTheOvertOneDoes() throws {
        let covert = try engineSeries(Self.outsiderWorld(covert: true, revealed: "2020-04", deception: 0))
        let overt = try engineSeries(Self.outsiderWorld(deception: 0))
        XCTAssertEqual(covert.last!.trust, overt.last!.trust)
        XCTAssertEqual(covert[2].trust(2, 0), 0.1, accuracy: accuracy)  // still held back
        XCTAssertEqual(overt[2].trust(2, 0), -0.2, accuracy: accuracy)  // 0.1 − 0.3
    }

    // MARK: - attack

    /// VIC (c 2), MID (c 1) and BIG (c 4, leader) form PACT (ω 0.8); ATT (c 3) attacks VIC.
    private static func attackWorld(event: String, extraTrust: String = "", settings: String = "k_assist: 3") -> String {
        """
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: {noise: 0, hostility: 0.4, solidarity: 0.2, abandonment: 0.3, reward: 0.25, \(settings), member_trust: 0.5, default_trust: 0}
        states:
          - {id: ATT, capability: 3}
          - {id: VIC, capability: 2}
          - {id: MID, capability: 1}
          - {id: BIG, capability: 4}
        blocs:
          - {id: PACT, leader: BIG, members: [VIC, MID, BIG], obligation: 0.8}
        trust:
          - {from: BIG, to: VIC, value: -0.2}
          - {from: MID, to: ATT, value: -0.4}
        \(extraTrust)
        events:
          - \(event)
        """
    }

    private let att = 0, vic = 1, mid = 2, big = 3

    func testAttackCostsHostilityAndSolidarityAndScriptedDeclinesCostAbandonmentByRelativeCapability() throws {
        let (world, log) = try ModelKit.afterFirstEvent(Self.attackWorld(
            event: "{id: war, step: 0, type: attack, by: ATT, target: VIC, intensity: 1.5, bloc: PACT, response: decline}"))
        XCTAssertEqual(world.trust(vic, att), -0.6, accuracy: accuracy)  // 0 − 0.4 · 1.5
        // MID trusts VIC 0.5: −0.2 · 1.5 · 0.5 = −0.15
        XCTAssertEqual(world.trust(mid, att), -0.55, accuracy: accuracy)  // −0.4 − 0.15
        XCTAssertEqual(world.trust(big, att), 0, accuracy: accuracy)  // BIG distrusts VIC (−0.2): no solidarity
        // declines: max c over PACT's active members = 4; Δ = −0.3 · 0.8 · 1.5 · c_m / 4
        XCTAssertEqual(world.trust(vic, mid), 0.41, accuracy: accuracy)  // 0.5 − 0.36 · 1/4
        XCTAssertEqual(world.trust(vic, big), 0.14, accuracy: accuracy)  // 0.5 − 0.36 · 4/4
        XCTAssertEqual(log.map(\.type), ["attack", "decline", "decline"])
        XCTAssertEqual(log.map(\.actor), ["ATT", "MID", "BIG"])
        XCTAssertEqual(log[1].detail, "bloc=PACT scripted")
    }

    func testScriptedAssistRewardsByObligationAndIntensityAndResponsesOverrideTheDefaultAnswer() throws {
        let assist = try ModelKit.scenario(Self.attackWorld(
            event: "{id: war, step: 0, type: attack, by: ATT, target: VIC, intensity: 1.5, bloc: PACT, response: assist}"))
        var world = WorldBuilder.initialWorld(of: assist)
        ModelKit.apply(assist, event: 0, to: &world)
        // reward 0.25 · ω 0.8 · 1.5 = 0.3, whatever the capability
        XCTAssertEqual(world.trust(vic, mid), 0.8, accuracy: accuracy)
        XCTAssertEqual(world.trust(vic, big), 0.8, accuracy: accuracy)

        let mixed = try ModelKit.scenario(Self.attackWorld(
            event: "{id: war, step: 0, type: attack, by: ATT, target: VIC, intensity: 1.5, bloc: PACT, response: decline, responses: {MID: assist}}"))
        world = WorldBuilder.initialWorld(of: mixed)
        let log = ModelKit.apply(mixed, event: 0, to: &world)
        XCTAssertEqual(world.trust(vic, mid), 0.8, accuracy: accuracy)  // 0.5 + 0.3
        XCTAssertEqual(world.trust(vic, big), 0.14, accuracy: accuracy)  // 0.5 − 0.36
        XCTAssertEqual(log.map(\.type), ["attack", "assist", "decline"])
    }

    func testRandomAnswerIsDrawnWithLogisticOfTrustGapAfterTheAttacksOwnEffects() throws {
        let scenario = try ModelKit.scenario(Self.attackWorld(
            event: "{id: war, step: 0, type: attack, by: ATT, target: VIC, intensity: 1.5, bloc: PACT}"))
        // After hostility and solidarity: T_MID,VIC = 0.5, T_MID,ATT = −0.55; T_BIG,VIC = −0.2, T_BIG,ATT = 0.
        let pMid = 0.958908721799535    // σ(3 · (0.5 + 0.55)) = σ(3.15)
        let pBig = 0.35434369377420455  // σ(3 · (−0.2 − 0)) = σ(−0.6)
        var assistsMid = 0
        for key in UInt64(1)...UInt64(400) {
            var world = WorldBuilder.initialWorld(of: scenario)
            let log = ModelKit.apply(scenario, event: 0, to: &world, key: key)
            let twin = RandomStream(key: key)
            let uMid = twin.uniform(), uBig = twin.uniform()  // members answer in state order: MID, then BIG
            XCTAssertEqual(log.count, 3)
            XCTAssertEqual(ModelKit.loggedProbability(log[1]) ?? .nan, pMid, accuracy: accuracy)
            XCTAssertEqual(ModelKit.loggedProbability(log[2]) ?? .nan, pBig, accuracy: accuracy)
            XCTAssertEqual(log[1].type, uMid < pMid ? "assist" : "decline", "key \(key)")
            XCTAssertEqual(log[2].type, uBig < pBig ? "assist" : "decline", "key \(key)")
            // 0.5 + 0.3 when MID assists, 0.5 − 0.09 when it declines
            XCTAssertEqual(world.trust(vic, mid), uMid < pMid ? 0.8 : 0.41, accuracy: accuracy)
            XCTAssertEqual(world.trust(vic, big), uBig < pBig ? 0.8 : 0.14, accuracy: accuracy)
            if log[1].type == "assist" { assistsMid += 1 }
        }
        // 400 draws at p 0.9589: sd ≈ 3.97, so 5 sd ≈ 20
        XCTAssertEqual(Double(assistsMid), 400 * pMid, accuracy: 20)
    }

    func testSteepAssistAndClearTrustGapMakeTheAnswerDeterministic() throws {
        let scenario = try ModelKit.scenario(Self.attackWorld(
            event: "{id: war, step: 0, type: attack, by: ATT, target: VIC, intensity: 1, bloc: PACT}",
            extraTrust: "  - {from: BIG, to: ATT, value: 0.6}", settings: "k_assist: 50"))
        // MID: σ(50 · (0.5 − (−0.4 − 0.2·1·0.5))) = σ(50 · 1.0) = 1 in double precision
        // BIG: σ(50 · (−0.2 − 0.6)) = σ(−40) ≈ 4.2e−18: a uniform on [0, 1) in steps of 2^−32 is never below it but at 0
        for key in UInt64(1)...UInt64(500) {
            var world = WorldBuilder.initialWorld(of: scenario)
            let log = ModelKit.apply(scenario, event: 0, to: &world, key: key)
            XCTAssertEqual(log.map(\.type), ["attack", "assist", "decline"], "key \(key)")
        }
    }

    func testCallGoesOnlyToBlocsWithObligationAndNotToTheAttackerOrFrozenMembers() throws {
        let scenario = try ModelKit.scenario("""
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: {noise: 0, hostility: 0.4, solidarity: 0.2, abandonment: 0.3, reward: 0.25, member_trust: 0.5}
        states:
          - {id: ATT, capability: 3}
          - {id: VIC, capability: 2}
          - {id: MID, capability: 1}
          - {id: BIG, capability: 4}
        blocs:
          - {id: PACT, members: [ATT, VIC, MID, BIG], obligation: 1}
          - {id: TALK, members: [VIC, BIG], obligation: 0}
        events:
          - {id: mid-freezes, step: 0, type: membership, state: MID, bloc: PACT, action: freeze}
          - {id: war, step: 0, type: attack, by: ATT, target: VIC, intensity: 1, response: decline}
        """)
        let (world, log) = ModelKit.applyAll(scenario)
        // Only BIG answers (in PACT; ATT is the adversary, MID frozen; TALK has ω = 0).
        XCTAssertEqual(log.filter { $0.type == "decline" || $0.type == "assist" }.map(\.actor), ["BIG"])
        // max c over active members {ATT 3, VIC 2, BIG 4} = 4: Δ = −0.3 · 1 · 1 · 4/4
        XCTAssertEqual(world.trust(vic, big), 0.2, accuracy: accuracy)  // 0.5 − 0.3
        XCTAssertEqual(world.trust(vic, mid), 0.5, accuracy: accuracy)
        // VIC's trust in ATT: member_trust 0.5 − 0.4
        XCTAssertEqual(world.trust(vic, att), 0.1, accuracy: accuracy)
    }

    // MARK: - aid_request

    func testAidRequestCallsWithoutAttackEffectsAndWeighsTheAdversaryOnlyWhenNamed() throws {
        let (world, log) = try ModelKit.afterFirstEvent(Self.attackWorld(
            event: "{id: ask, step: 0, type: aid_request, from: VIC, bloc: PACT, intensity: 2, against: ATT, response: decline}"))
        XCTAssertEqual(world.trust(vic, att), 0, accuracy: accuracy)  // no hostility
        XCTAssertEqual(world.trust(mid, att), -0.4, accuracy: accuracy)  // no solidarity
        XCTAssertEqual(world.trust(vic, mid), 0.38, accuracy: accuracy)  // 0.5 − 0.3 · 0.8 · 2 · 1/4
        XCTAssertEqual(world.trust(vic, big), 0.02, accuracy: accuracy)  // 0.5 − 0.3 · 0.8 · 2 · 4/4
        XCTAssertEqual(log.map(\.type), ["aid_request", "decline", "decline"])

        let withAdversary = try ModelKit.afterFirstEvent(Self.attackWorld(
            event: "{id: ask, step: 0, type: aid_request, from: VIC, intensity: 1, against: ATT}"), key: 5).log
        XCTAssertEqual(ModelKit.loggedProbability(withAdversary[1]) ?? .nan, 0.9370266439430035, accuracy: accuracy)  // σ(3 · (0.5 + 0.4))
        XCTAssertEqual(ModelKit.loggedProbability(withAdversary[2]) ?? .nan, 0.35434369377420455, accuracy: accuracy)  // σ(3 · (−0.2 − 0))

        let withoutAdversary = try ModelKit.afterFirstEvent(Self.attackWorld(
            event: "{id: ask, step: 0, type: aid_request, from: VIC, intensity: 1}"), key: 5).log
        XCTAssertEqual(ModelKit.loggedProbability(withoutAdversary[1]) ?? .nan, 0.8175744761936437, accuracy: accuracy)  // σ(3 · 0.5)
        XCTAssertEqual(ModelKit.loggedProbability(withoutAdversary[2]) ?? .nan, 0.35434369377420455, accuracy: accuracy)  // σ(3 · (−0.2))
    }

    // MARK: - diplomacy

    private static func diplomacyWorld(_ event: String) -> String {
        """
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: {noise: 0, reciprocity: 0.4}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
        trust:
          - {from: A, to: B, value: 0.2}
          - {from: B, to: A, value: 0.1}
        events:
          - {id: move, step: 0, type: diplomacy, from: A, to: B, \(event)}
        """
    }

    /// (T_B,A, T_A,B) after the move; starts 0.1 and 0.2.
    private func diplomacy(_ event: String) throws -> (addressee: Double, initiator: Double) {
        let world = try ModelKit.afterFirstEvent(Self.diplomacyWorld(event)).world
        return (world.trust(1, 0), world.trust(0, 1))
    }

    func testEachDiplomaticKindMovesAddresseeByItsDefaultAndInitiatorByReciprocity() throws {
        // intensity 1.5: d = default · 1.5; T_B,A = 0.1 + d; T_A,B = 0.2 + 0.4 d
        let expected: [(kind: String, addressee: Double, initiator: Double)] = [
            ("recall_ambassador", -0.2, 0.08),   // d = −0.3
            ("sever_relations", -0.65, -0.1),    // d = −0.75
            ("summit", 0.25, 0.26),              // d = 0.15
            ("agreement", 0.325, 0.29),          // d = 0.225
            ("apology", 0.25, 0.26),             // d = 0.15
            ("sanction", -0.35, 0.02),           // d = −0.45
            ("threat", -0.275, 0.05),            // d = −0.375
            ("ultimatum", -0.5, -0.04),          // d = −0.6
            ("territorial_claim", -0.425, -0.01), // d = −0.525
            ("recognition", -0.35, 0.02),        // d = −0.45
            ("withdrawal", -0.2, 0.08),          // d = −0.3
            ("rebuff", -0.125, 0.11),            // d = −0.225
            ("consultation", 0.175, 0.23),       // d = 0.075
        ]
        XCTAssertEqual(Set(expected.map(\.kind)), Set(Diplomacy.Kind.allCases.map(\.rawValue)), "every kind has a hand value")
        for (kind, addressee, initiator) in expected {
            let result = try diplomacy("kind: \(kind), intensity: 1.5")
            XCTAssertEqual(result.addressee, addressee, accuracy: accuracy, kind)
            XCTAssertEqual(result.initiator, initiator, accuracy: accuracy, kind)
        }
    }

    func testDiplomacyDeltaOverridesTheKindDefaultAndIntensityDefaultsToOne() throws {
        let overridden = try diplomacy("kind: summit, delta: -0.4, intensity: 2")  // d = −0.8
        XCTAssertEqual(overridden.addressee, -0.7, accuracy: accuracy)   // 0.1 − 0.8
        XCTAssertEqual(overridden.initiator, -0.12, accuracy: accuracy)  // 0.2 − 0.4 · 0.8
        let plain = try diplomacy("kind: agreement")  // d = 0.15
        XCTAssertEqual(plain.addressee, 0.25, accuracy: accuracy)
        XCTAssertEqual(plain.initiator, 0.26, accuracy: accuracy)
        let clamped = try diplomacy("kind: sever_relations, intensity: 4")  // d = −2
        XCTAssertEqual(clamped.addressee, -1, accuracy: accuracy)     // 0.1 − 2, clamped
        XCTAssertEqual(clamped.initiator, -0.6, accuracy: accuracy)   // 0.2 − 0.8
    }

    // MARK: - partnership

    private func partnership(_ event: String) throws -> World {
        try ModelKit.afterFirstEvent("""
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: {noise: 0, engagement: 0.15, outsider_affinity: 0.2, default_trust: 0}
        states:
          - {id: PART, capability: 5}
          - {id: HOST, capability: 1}
        blocs:
          - {id: WEST, leader: PART, members: [PART], obligation: 0.3}
        trust:
          - {from: HOST, to: PART, value: 0.1}
        events:
          - {id: mission, step: 0, type: partnership, from: PART, to: HOST, \(event)}
        """).world
    }

    func testPartnershipRaisesHostTrustAndBlocAffinityByEngagementTimesIntensity() throws {
        let world = try partnership("bloc: WEST, intensity: 2")  // 0.15 · 2 = 0.3
        XCTAssertEqual(world.trust(1, 0), 0.4, accuracy: accuracy)     // 0.1 + 0.3
        XCTAssertEqual(world.affinity(1, 0), 0.5, accuracy: accuracy)  // 0.2 + 0.3
        XCTAssertEqual(world.trust(0, 1), 0, accuracy: accuracy)       // the partner's own trust is untouched
        XCTAssertEqual(world.status(1, 0), .outside)                   // no membership change
        let noBloc = try partnership("intensity: 2")
        XCTAssertEqual(noBloc.trust(1, 0), 0.4, accuracy: accuracy)
        XCTAssertEqual(noBloc.affinity(1, 0), 0.2, accuracy: accuracy)
        let strong = try partnership("bloc: WEST, intensity: 10")  // 1.5: both clamp
        XCTAssertEqual(strong.trust(1, 0), 1, accuracy: accuracy)
        XCTAssertEqual(strong.affinity(1, 0), 1, accuracy: accuracy)
    }

    // MARK: - shock

    func testShockAddsOrSetsTrustAffinityAndCapabilityMutuallyAndClamped() throws {
        let a = 0, b = 1, c = 2
        let world = try ModelKit.afterFirstEvent("""
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: {noise: 0, member_trust: 0.4, member_affinity: 0.8, outsider_affinity: 0.2, default_trust: 0}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 2}
          - {id: C, capability: 3}
        blocs:
          - {id: BL, members: [A, B]}
        trust:
          - {from: C, to: A, value: -0.3}
        events:
          - id: jolt
            step: 0
            type: shock
            trust:
              - {from: A, to: B, delta: -1.5}
              - {from: A, to: C, value: 0.7, mutual: true}
              - {from: B, to: C, delta: -0.2, mutual: true}
              - {from: B, to: A, delta: 0.25}
            affinity:
              - {state: A, bloc: BL, delta: 0.5}
              - {state: C, bloc: BL, value: 0.1}
              - {state: B, bloc: BL, delta: -0.3}
            capability:
              - {state: A, delta: -10}
              - {state: B, value: 5}
              - {state: C, delta: 0.5}
        """).world
        XCTAssertEqual(world.trust(a, b), -1, accuracy: accuracy)    // 0.4 − 1.5 = −1.1, clamped
        XCTAssertEqual(world.trust(a, c), 0.7, accuracy: accuracy)   // set
        XCTAssertEqual(world.trust(c, a), 0.7, accuracy: accuracy)   // set, mutual (was −0.3)
        XCTAssertEqual(world.trust(b, c), -0.2, accuracy: accuracy)  // 0 − 0.2
        XCTAssertEqual(world.trust(c, b), -0.2, accuracy: accuracy)  // mutual
        XCTAssertEqual(world.trust(b, a), 0.65, accuracy: accuracy)  // 0.4 + 0.25
        XCTAssertEqual(world.affinity(a, 0), 1, accuracy: accuracy)    // 0.8 + 0.5, clamped
        XCTAssertEqual(world.affinity(c, 0), 0.1, accuracy: accuracy)  // set
        XCTAssertEqual(world.affinity(b, 0), 0.5, accuracy: accuracy)  // 0.8 − 0.3
        XCTAssertEqual(world.capability[a], 0, accuracy: accuracy)     // 1 − 10, kept ≥ 0
        XCTAssertEqual(world.capability[b], 5, accuracy: accuracy)
        XCTAssertEqual(world.capability[c], 3.5, accuracy: accuracy)
        for i in 0..<3 { XCTAssertEqual(world.trust(i, i), 0) }
    }

    // MARK: - membership

    func testMembershipActionsFollowTheStatusTableAndMisfitsAreLoggedAndIgnored() throws {
        let scenario = try ModelKit.scenario("""
        calendar: {start: 2020-01, end: 2020-12, step: month}
        parameters: {noise: 0}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 1}
        blocs:
          - {id: BL, members: [A, B]}
        events:
          - {step: 0, type: membership, state: C, bloc: BL, action: join}
          - {step: 0, type: membership, state: A, bloc: BL, action: freeze}
          - {step: 0, type: membership, state: A, bloc: BL, action: unfreeze}
          - {step: 0, type: membership, state: B, bloc: BL, action: freeze}
          - {step: 0, type: membership, state: B, bloc: BL, action: leave}
          - {step: 0, type: membership, state: C, bloc: BL, action: leave}
          - {step: 0, type: membership, state: C, bloc: BL, action: join}
          - {step: 0, type: membership, state: B, bloc: BL, action: freeze}
          - {step: 0, type: membership, state: A, bloc: BL, action: unfreeze}
          - {step: 0, type: membership, state: A, bloc: BL, action: join}
        """)
        let expected: [(MembershipStatus, MembershipStatus, MembershipStatus, String)] = [
            (.member, .member, .member, "scripted"),                           // C joins from outside
            (.frozen, .member, .member, "scripted"),                           // A freezes
            (.member, .member, .member, "scripted"),                           // A unfreezes
            (.member, .frozen, .member, "scripted"),                           // B freezes
            (.member, .left, .member, "scripted"),                             // B leaves while frozen
            (.member, .left, .left, "scripted"),                               // C leaves while active
            (.member, .left, .member, "scripted"),                             // C joins again from left
            (.member, .left, .member, "scripted; ignored: status is left"),    // B cannot freeze
            (.member, .left, .member, "scripted; ignored: status is member"),  // A is not frozen
            (.member, .left, .member, "scripted; ignored: status is member"),  // A already a member
        ]
        var world = WorldBuilder.initialWorld(of: scenario)
        let before = world
        for (index, (a, b, c, detail)) in expected.enumerated() {
            let log = ModelKit.apply(scenario, event: index, to: &world)
            XCTAssertEqual([world.status(0, 0), world.status(1, 0), world.status(2, 0)], [a, b, c], "after event \(index)")
            XCTAssertEqual(log.first?.detail, detail, "event \(index)")
        }
        XCTAssertEqual(world.trust, before.trust)
        XCTAssertEqual(world.affinity, before.affinity)
    }

    func testMembershipStatusTableIsComplete() {
        let statuses: [MembershipStatus] = [.outside, .member, .frozen, .left]
        let table: [MembershipChange.Action: [MembershipStatus?]] = [
            .join: [.member, nil, nil, .member],
            .freeze: [nil, .frozen, nil, nil],
            .unfreeze: [nil, nil, .member, nil],
            .leave: [nil, .left, .left, nil],
        ]
        for (action, results) in table {
            for (status, result) in zip(statuses, results) {
                XCTAssertEqual(MembershipChange(state: 0, bloc: 0, action: action).newStatus(from: status), result, "\(action) from \(status)")
            }
        }
    }
}
