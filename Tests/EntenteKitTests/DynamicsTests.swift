import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// The per-step rules (memory, balance, perception, affinity, membership) against hand and loop computations.
final class DynamicsTests: XCTestCase {
    private let accuracy = 1e-12

    // MARK: - memory

    /// A trusts B and C 0.2 (the baseline); a step-0 shock gives B a gift of +0.3 and C a betrayal of −0.3.
    private static func memoryWorld(parameters: String, end: String = "2020-12") -> String {
        """
        calendar: {start: 2020-01, end: \(end), step: month}
        parameters: \(parameters)
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 1}
        trust:
          - {from: A, to: B, value: 0.2}
          - {from: A, to: C, value: 0.2}
        events:
          - id: gift-and-betrayal
            step: 0
            type: shock
            trust:
              - {from: A, to: B, delta: 0.3}
              - {from: A, to: C, delta: -0.3}
        """
    }

    func testOneMemoryStepMovesTrustByRateTimesGapWithDecayAboveAndForgivenessBelowBaseline() throws {
        let run = ModelKit.run(try ModelKit.scenario(Self.memoryWorld(parameters: "{noise: 0, balance: 0, decay: 0.05, forgiveness: 0.01, default_trust: 0}")))
        let first = run.worlds[0]
        XCTAssertEqual(first.trust(0, 1), 0.485, accuracy: accuracy)   // 0.5 + 0.05 · (0.2 − 0.5)
        XCTAssertEqual(first.trust(0, 2), -0.097, accuracy: accuracy)  // −0.1 + 0.01 · (0.2 − (−0.1))
        XCTAssertEqual(first.trust(1, 0), 0, accuracy: accuracy)       // at baseline: no change
        let twelfth = run.worlds[11]
        XCTAssertEqual(twelfth.trust(0, 1), 0.362108026298791, accuracy: accuracy)     // 0.2 + 0.3 · 0.95^12
        XCTAssertEqual(twelfth.trust(0, 2), -0.06591546151483874, accuracy: accuracy)  // 0.2 − 0.3 · 0.99^12
    }

    func testBetrayalIsRememberedLongerThanAGiftOfTheSameSizeUnderDefaultMemory() throws {
        let decay = Parameter.decay.info.defaultValue
        let forgiveness = Parameter.forgiveness.info.defaultValue
        XCTAssertGreaterThan(decay, forgiveness, "defaults: goodwill must fade faster than betrayal is forgiven")
        let run = ModelKit.run(try ModelKit.scenario(Self.memoryWorld(parameters: "{noise: 0, balance: 0}", end: "2022-12")))
        var gift = 0.5, betrayal = -0.1
        for (step, world) in run.worlds.enumerated() {
            gift += decay * (0.2 - gift)                // T += decay · (B − T) above the baseline
            betrayal += forgiveness * (0.2 - betrayal)  // T += forgiveness · (B − T) below it
            XCTAssertEqual(world.trust(0, 1), gift, accuracy: accuracy, "step \(step)")
            XCTAssertEqual(world.trust(0, 2), betrayal, accuracy: accuracy, "step \(step)")
            XCTAssertGreaterThan(0.2 - world.trust(0, 2), world.trust(0, 1) - 0.2, "step \(step): the betrayal's gap stays larger")
        }
    }

    // MARK: - structural balance

    func testOneBalanceStepOnThreeStatesAddsBalanceTimesTrustTimesItsTranspose() throws {
        let scenario = try ModelKit.scenario("""
        calendar: {start: 2020-01, end: 2020-01, step: month}
        parameters: {noise: 0, decay: 0, forgiveness: 0, balance: 0.5}
        states:
          - {id: S0, capability: 1}
          - {id: S1, capability: 1}
          - {id: S2, capability: 1}
        trust:
          - {from: S0, to: S1, value: 0.5}
          - {from: S0, to: S2, value: -0.4}
          - {from: S1, to: S0, value: 0.3}
          - {from: S1, to: S2, value: 0.6}
          - {from: S2, to: S0, value: -0.2}
          - {from: S2, to: S1, value: 0.7}
        """)
        let world = ModelKit.run(scenario).worlds[0]
        // N = 3: scale 0.5 / (3 − 2) = 0.5, and (T·Tᵀ)_ij = Σ_k T_ik T_jk has the single term k = the third state
        XCTAssertEqual(world.trust(0, 1), 0.38, accuracy: accuracy)    // 0.5 + 0.5 · (T02 T12 = −0.4 · 0.6)
        XCTAssertEqual(world.trust(0, 2), -0.225, accuracy: accuracy)  // −0.4 + 0.5 · (T01 T21 = 0.5 · 0.7)
        XCTAssertEqual(world.trust(1, 0), 0.18, accuracy: accuracy)    // 0.3 + 0.5 · (T12 T02 = 0.6 · −0.4)
        XCTAssertEqual(world.trust(1, 2), 0.57, accuracy: accuracy)    // 0.6 + 0.5 · (T10 T20 = 0.3 · −0.2)
        XCTAssertEqual(world.trust(2, 0), -0.025, accuracy: accuracy)  // −0.2 + 0.5 · (T21 T01 = 0.7 · 0.5)
        XCTAssertEqual(world.trust(2, 1), 0.67, accuracy: accuracy)    // 0.7 + 0.5 · (T20 T10 = −0.2 · 0.3)
        for i in 0..<3 { XCTAssertEqual(world.trust(i, i), 0) }
    }

    func testBalanceClampsAtOne() throws {
        let scenario = try ModelKit.scenario("""
        calendar: {start: 2020-01, end: 2020-01, step: month}
        parameters: {noise: 0, decay: 0, forgiveness: 0, balance: 1, default_trust: 0.9}
        states:
          - {id: S0, capability: 1}
          - {id: S1, capability: 1}
          - {id: S2, capability: 1}
        """)
        let world = ModelKit.run(scenario).worlds[0]
        for i in 0..<3 { for j in 0..<3 {
            XCTAssertEqual(world.trust(i, j), i == j ? 0 : 1, accuracy: accuracy)  // 0.9 + 1 · 0.81 = 1.71 → 1
        } }
    }

    /// Eight states with trust (the baseline) from `trust:` and different values set by a step-0 shock.
    private static func randomWorld(seed: UInt64, symmetric: Bool, parameters: String, end: String, shock: Bool = false) -> (yaml: String, start: [Double], shocked: [Double]) {
        var generator = ModelTestGenerator(state: seed)
        let n = 8
        var start = [Double](repeating: 0, count: n * n)
        var shocked = start
        var entries: [String] = []
        var shocks: [String] = []
        for i in 0..<n {
            for j in 0..<n where j != i && (!symmetric || j > i) {
                var value = generator.value(-1, 1)
                if value == 0 { value = 0.01 }
                start[i * n + j] = value
                if symmetric { start[j * n + i] = value }
                entries.append("  - {from: S\(i), to: S\(j), value: \(value)\(symmetric ? ", mutual: true" : "")}")
                let other = generator.value(-1, 1)
                shocked[i * n + j] = other
                shocks.append("      - {from: S\(i), to: S\(j), value: \(other)}")
            }
        }
        let events = shock ? """
        events:
          - id: reshuffle
            step: 0
            type: shock
            trust:
        \(shocks.joined(separator: "\n"))
        """ : ""
        let yaml = """
        calendar: {start: 2000-01, end: \(end), step: month}
        parameters: \(parameters)
        states:
        \((0..<n).map { "  - {id: S\($0), capability: 1}" }.joined(separator: "\n"))
        trust:
        \(entries.joined(separator: "\n"))
        \(events)
        """
        return (yaml, start, shock ? shocked : start)
    }

    func testOneStepOfMemoryThenBalanceMatchesATripleLoop() throws {
        let (yaml, baseline, shocked) = Self.randomWorld(seed: 2024, symmetric: false,
                                                         parameters: "{noise: 0, decay: 0.05, forgiveness: 0.01, balance: 0.5}",
                                                         end: "2000-01", shock: true)
        let world = ModelKit.run(try ModelKit.scenario(yaml)).worlds[0]
        let n = 8
        // memory first: M = S + rate · (B − S), rate = decay above B, forgiveness below
        var memory = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n where j != i {
            let s = shocked[i * n + j], b = baseline[i * n + j]
            memory[i * n + j] = s + (s > b ? 0.05 : 0.01) * (b - s)
        } }
        // then T = clamp(M + balance / (N − 2) · M·Mᵀ), zero diagonal
        for i in 0..<n { for j in 0..<n {
            var product = 0.0
            for k in 0..<n { product += memory[i * n + k] * memory[j * n + k] }
            let expected = i == j ? 0 : min(1, max(-1, memory[i * n + j] + 0.5 / Double(n - 2) * product))
            XCTAssertEqual(world.trust(i, j), expected, accuracy: accuracy, "T[\(i),\(j)]")
        } }
    }

    /// Whether the signs split the states into at most two factions, positive inside and negative across
    /// (equivalently, every directed triad has T_ij T_jk T_ki > 0 and no trust is 0).
    private func balanceReport(_ world: World) -> (unbalancedTriads: Int, factionViolations: Int, faction: [Bool]) {
        let n = world.stateCount
        var unbalanced = 0
        for i in 0..<n { for j in 0..<n where j != i { for k in 0..<n where k != i && k != j {
            if world.trust(i, j) * world.trust(j, k) * world.trust(k, i) <= 0 { unbalanced += 1 }
        } } }
        let faction = (0..<n).map { $0 == 0 || world.trust(0, $0) > 0 }
        var violations = 0
        for i in 0..<n { for j in 0..<n where j != i {
            let friendly = faction[i] == faction[j]
            if friendly ? !(world.trust(i, j) > 0) : !(world.trust(i, j) < 0) { violations += 1 }
        } }
        return (unbalanced, violations, faction)
    }

    func testBalanceFromSymmetricRandomSignedStartsEndsInAtMostTwoFactions() throws {
        for seed in UInt64(1)...UInt64(8) {
            let (yaml, _, _) = Self.randomWorld(seed: seed, symmetric: true,
                                                parameters: "{noise: 0, decay: 0, forgiveness: 0, balance: 0.5}", end: "2009-12")
            let run = ModelKit.run(try ModelKit.scenario(yaml))
            let report = balanceReport(run.worlds.last!)
            XCTAssertEqual(report.unbalancedTriads, 0, "seed \(seed)")
            XCTAssertEqual(report.factionViolations, 0, "seed \(seed): factions \(report.faction)")
        }
    }

    /// The brief's requirement: any random signed start (trust is directed, so not symmetric) ends balanced.
    /// The specification's T·T rule failed this (directed starts saturate unbalanced); the engine uses T·Tᵀ.
    func testBalanceFromAsymmetricRandomSignedStartsEndsInAtMostTwoFactions() throws {
        var failures: [UInt64] = []
        for seed in UInt64(1)...UInt64(8) {
            let (yaml, _, _) = Self.randomWorld(seed: seed, symmetric: false,
                                                parameters: "{noise: 0, decay: 0, forgiveness: 0, balance: 0.5}", end: "2009-12")
            let run = ModelKit.run(try ModelKit.scenario(yaml))
            let report = balanceReport(run.worlds.last!)
            if report.unbalancedTriads > 0 || report.factionViolations > 0 { failures.append(seed) }
        }
        XCTAssertEqual(failures, [], "seeds whose 8-state world is still unbalanced after 120 steps of balance 0.5")
    }

    // MARK: - perception and affinity

    /// LEAD (c 4, leader) MEM (c 1) OTH (c 2) in PACT (ω 0.3); MEM distrusts OTH, OTH distrusts MEM.
    private static let perceptionWorld = """
    calendar: {start: 2020-01, end: 2020-01, step: month}
    parameters: {noise: 0, decay: 0, forgiveness: 0, hazard: 0, leader_weight: 0.5, w_trust: 0.6, w_security: 0.4, adaptation: 0.2, member_trust: 0.4, member_affinity: 0.7}
    states:
      - {id: LEAD, capability: 4}
      - {id: MEM, capability: 1}
      - {id: OTH, capability: 2}
    blocs:
      - {id: PACT, leader: LEAD, members: [LEAD, MEM, OTH], obligation: 0.3}
    trust:
      - {from: MEM, to: LEAD, value: 0.5}
      - {from: MEM, to: OTH, value: -0.4}
      - {from: OTH, to: MEM, value: -0.5}
    """

    func testPerceptionComputesThreatNeedLeaderWeightedBlocTrustAndCover() throws {
        let scenario = try ModelKit.scenario(Self.perceptionWorld)
        var world = WorldBuilder.initialWorld(of: scenario)
        var scratch = Scratch(world: world)
        Dynamics.perceive(&world, parameters: scenario.parameters, scratch: &scratch)
        let lead = 0, mem = 1, oth = 2
        // weights c (1 + 0.5 [leader]): LEAD 6, MEM 1, OTH 2; sum 9
        XCTAssertEqual(world.threat[lead], 0, accuracy: accuracy)
        XCTAssertEqual(world.need[lead], 0, accuracy: accuracy)
        XCTAssertEqual(scratch.blocTrust[lead], 0.4, accuracy: accuracy)  // (1 · 0.4 + 2 · 0.4) / (9 − 6)
        XCTAssertEqual(scratch.cover[lead], 0, accuracy: accuracy)        // no threat, no cover
        XCTAssertEqual(world.threat[mem], 0.8, accuracy: accuracy)        // c_OTH 2 · 0.4
        XCTAssertEqual(world.need[mem], 4.0 / 9.0, accuracy: accuracy)    // 0.8 / (0.8 + 1)
        XCTAssertEqual(scratch.blocTrust[mem], 0.275, accuracy: accuracy) // (6 · 0.5 + 2 · −0.4) / (9 − 1)
        XCTAssertEqual(scratch.cover[mem], 0.75, accuracy: accuracy)      // min(1, 0.3 · (4 · 0.5) / 0.8)
        XCTAssertEqual(world.threat[oth], 0.5, accuracy: accuracy)        // c_MEM 1 · 0.5
        XCTAssertEqual(world.need[oth], 0.2, accuracy: accuracy)          // 0.5 / (0.5 + 2)
        XCTAssertEqual(scratch.blocTrust[oth], 1.9 / 7, accuracy: accuracy) // (6 · 0.4 + 1 · −0.5) / (9 − 2)
        XCTAssertEqual(scratch.cover[oth], 0.96, accuracy: accuracy)      // min(1, 0.3 · (4 · 0.4) / 0.5)
    }

    func testAffinityMovesAdaptationOfTheWayToItsTargetInOneEngineStep() throws {
        let scenario = try ModelKit.scenario(Self.perceptionWorld)
        let world = ModelKit.run(scenario).worlds[0]
        // target = (1 + 0.6 τ + 0.4 need (2 cover − 1)) / 2; A = 0.7 + 0.2 (target − 0.7)
        XCTAssertEqual(world.affinity(0, 0), 0.684, accuracy: accuracy)  // target (1 + 0.24) / 2 = 0.62
        XCTAssertEqual(world.affinity(1, 0), 0.6853888888888888, accuracy: accuracy)  // target (1 + 0.165 + 0.4 · 4/9 · 0.5) / 2 = 0.626944…
        XCTAssertEqual(world.affinity(2, 0), 0.6836457142857143, accuracy: accuracy)  // target (1 + 0.6 · 1.9/7 + 0.4 · 0.2 · 0.92) / 2 = 0.618228…
        XCTAssertEqual(world.threat[1], 0.8, accuracy: accuracy)
        XCTAssertEqual(world.need[2], 0.2, accuracy: accuracy)
        for i in 0..<3 { XCTAssertEqual(world.status(i, 0), .member) }  // hazard 0: nobody moves
    }

    func testFrozenMembersDropOutOfBlocTrustAndOnlyActiveMembersGetCover() throws {
        let scenario = try ModelKit.scenario(Self.perceptionWorld)
        var world = WorldBuilder.initialWorld(of: scenario)
        world.status[1] = .frozen   // MEM
        world.status[2] = .outside  // OTH
        var scratch = Scratch(world: world)
        Dynamics.perceive(&world, parameters: scenario.parameters, scratch: &scratch)
        // only LEAD is active: weight 6, sum 6
        XCTAssertEqual(scratch.blocTrust[0], 0, accuracy: accuracy)      // LEAD: no other active member
        XCTAssertEqual(scratch.blocTrust[1], 0.5, accuracy: accuracy)    // MEM: 6 · 0.5 / 6
        XCTAssertEqual(scratch.blocTrust[2], 0.4, accuracy: accuracy)    // OTH: 6 · 0.4 / 6
        XCTAssertEqual(world.threat[1], 0.8, accuracy: accuracy)         // threat does not depend on status
        XCTAssertEqual(scratch.cover[1], 0, accuracy: accuracy)          // frozen: no cover
        XCTAssertEqual(scratch.cover[2], 0, accuracy: accuracy)          // outside: no cover
    }

    // MARK: - membership hazards

    /// A and B in BL; affinity of A for BL is fixed (adaptation 0) at `affinity`.
    private static func hazardWorld(affinity: Double, hazard: Double, end: String = "2021-12") -> String {
        """
        calendar: {start: 2020-01, end: \(end), step: month}
        seed: 3
        parameters: {noise: 0, decay: 0, forgiveness: 0, adaptation: 0, nonaligned: 0.45, freeze_threshold: 0.05, leave_threshold: 0.2, hysteresis: 0.05, join_threshold: 0.7, accept_threshold: 0.3, hazard: \(hazard), member_affinity: 0.7, outsider_affinity: 0.2, member_trust: 0.4, default_trust: 0}
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 1}
          - {id: C, capability: 1}
        blocs:
          - {id: BL, members: [A, B]}
        alignment:
          - {state: A, bloc: BL, value: \(affinity)}
        """
    }

    func testHugeHazardMakesFreezeAndThenLeaveCertain() throws {
        // gap 0.45 − 0 = 0.45: freeze p = 1 − exp(−100 · 0.40) = 1 in double precision;
        // leave p = 1 − exp(−100 · 0.25) ≈ 1 − 1.4e−11, above every uniform (≤ 1 − 2^−32)
        let engine = Engine(scenario: try ModelKit.scenario(Self.hazardWorld(affinity: 0, hazard: 100)))
        for replicate in 0..<200 {
            var capture = ModelStepCapture()
            _ = engine.run(replicate: replicate, observer: &capture)
            XCTAssertEqual(capture.worlds[0].status(0, 0), .frozen, "replicate \(replicate)")
            XCTAssertEqual(capture.worlds[1].status(0, 0), .left, "replicate \(replicate)")
            XCTAssertEqual(capture.worlds[23].status(1, 0), .member)
        }
    }

    func testGapBelowFreezeThresholdNeverFreezesWhateverTheHazard() throws {
        // gap 0.45 − 0.41 = 0.04 < 0.05
        let engine = Engine(scenario: try ModelKit.scenario(Self.hazardWorld(affinity: 0.41, hazard: 100)))
        for replicate in 0..<200 {
            var capture = ModelStepCapture()
            _ = engine.run(replicate: replicate, observer: &capture)
            XCTAssertTrue(capture.worlds.allSatisfy { $0.status(0, 0) == .member }, "replicate \(replicate)")
        }
    }

    /// One membership pass on `world` with stream `key`, against the first uniform of a twin stream.
    private func membershipStep(_ world: World, _ scenario: Scenario, key: UInt64) -> (world: World, u: Double, log: [EventLog.Entry]) {
        var world = world
        var log = EventLog(enabled: true)
        Dynamics.updateMembership(&world, step: 0, parameters: scenario.parameters, random: RandomStream(key: key),
                                  names: scenario.names, log: &log)
        return (world, RandomStream(key: key).uniform(), log.entries)
    }

    func testFreezeAndLeaveAreDrawnWithHazardOneMinusExpOfExcessGap() throws {
        let scenario = try ModelKit.scenario(Self.hazardWorld(affinity: 0.2, hazard: 2))
        let member = WorldBuilder.initialWorld(of: scenario)
        var frozen = member
        frozen.status[0] = .frozen
        frozen.affinity[0] = 0.15
        let pFreeze = 0.3296799539643607   // gap 0.25: 1 − exp(−2 · (0.25 − 0.05))
        let pLeave = 0.18126924692201818   // gap 0.30: 1 − exp(−2 · (0.30 − 0.20))
        var freezes = 0
        for key in UInt64(0)..<UInt64(1000) {
            let freeze = membershipStep(member, scenario, key: key)
            XCTAssertEqual(freeze.world.status(0, 0), freeze.u < pFreeze ? .frozen : .member, "key \(key)")
            if freeze.world.status(0, 0) == .frozen { freezes += 1 }
            let leave = membershipStep(frozen, scenario, key: key)
            XCTAssertEqual(leave.world.status(0, 0), leave.u < pLeave ? .left : .frozen, "key \(key)")
        }
        XCTAssertEqual(Double(freezes), 1000 * pFreeze, accuracy: 75)  // sd ≈ 14.9; 5 sd
    }

    func testFrozenMemberUnfreezesOnlyBelowThresholdMinusHysteresis() throws {
        let scenario = try ModelKit.scenario(Self.hazardWorld(affinity: 0.5, hazard: 2))
        var world = WorldBuilder.initialWorld(of: scenario)
        world.status[0] = .frozen
        // gap 0.45 − 0.5 = −0.05 < 0.05 − 0.05: unfreezes, without a draw
        let back = membershipStep(world, scenario, key: 9)
        XCTAssertEqual(back.world.status(0, 0), .member)
        XCTAssertEqual(back.log.map(\.type), ["unfreeze"])
        // gap 0.45 − 0.42 = 0.03, between 0 and leave_threshold 0.2: stays frozen
        world.affinity[0] = 0.42
        for key in UInt64(0)..<UInt64(200) {
            XCTAssertEqual(membershipStep(world, scenario, key: key).world.status(0, 0), .frozen)
        }
    }

    func testOutsiderJoinsAboveJoinThresholdOnlyWhenMembersAcceptIt() throws {
        let scenario = try ModelKit.scenario(Self.hazardWorld(affinity: 0.7, hazard: 2))
        var world = WorldBuilder.initialWorld(of: scenario)
        let c = 2
        world.affinity[c] = 0.8                     // C outside, affinity 0.8 > 0.7
        world.trust[0 * 3 + c] = 0.5                // A trusts C 0.5
        world.trust[1 * 3 + c] = 0.2                // B trusts C 0.2: mean 0.35 > 0.3
        let pJoin = 0.18126924692201818             // 1 − exp(−2 · (0.8 − 0.7))
        for key in UInt64(0)..<UInt64(300) {
            let step = membershipStep(world, scenario, key: key)
            XCTAssertEqual(step.world.status(c, 0), step.u < pJoin ? .member : .outside, "key \(key)")
        }
        world.trust[1 * 3 + c] = 0.1                // mean 0.3, not above accept_threshold
        for key in UInt64(0)..<UInt64(300) {
            XCTAssertEqual(membershipStep(world, scenario, key: key).world.status(c, 0), .outside)
        }
    }
}
