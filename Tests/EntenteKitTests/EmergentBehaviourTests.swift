import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// Behaviour that is not scripted but emerges from the rules, over 200 replicates.
///
/// The world: PACT = {LEAD (c 4, leader), ALLY (c 2), VICT (c 1)}, ω 1; ATT (c 3) outside attacks VICT three
/// times, six months apart, and PACT's answer is scripted. Nothing about VICT's membership is scripted.
final class EmergentBehaviourTests: XCTestCase {
    static func abandonmentWorld(response: String, intensity: Double) -> String {
        """
        name: three calls for help
        calendar: {start: 2020-01, end: 2022-12, step: month}
        seed: 7
        replicates: 200
        states:
          - {id: LEAD, capability: 4}
          - {id: ALLY, capability: 2}
          - {id: VICT, capability: 1}
          - {id: ATT, capability: 3}
        blocs:
          - {id: PACT, leader: LEAD, members: [LEAD, ALLY, VICT], obligation: 1.0}
        events:
          - {id: attack-1, at: 2020-03, type: attack, by: ATT, target: VICT, intensity: \(intensity), bloc: PACT, response: \(response)}
          - {id: attack-2, at: 2020-09, type: attack, by: ATT, target: VICT, intensity: \(intensity), bloc: PACT, response: \(response)}
          - {id: attack-3, at: 2021-03, type: attack, by: ATT, target: VICT, intensity: \(intensity), bloc: PACT, response: \(response)}
        outcomes:
          - {name: vict_frozen, type: frozen, state: VICT, bloc: PACT}
          - {name: vict_left, type: left, state: VICT, bloc: PACT}
          - {name: ally_left, type: left, state: ALLY, bloc: PACT}
        """
    }

    struct Fractions {
        var frozen: Double
        var left: Double
        var otherLeft: Double
        /// Replicates in which VICT left without an earlier freeze.
        var leftWithoutFreeze: Int
    }

    /// Runs all 200 replicates of the world and counts VICT's freezes and exits.
    static func fractions(response: String, intensity: Double, settings: [String] = []) throws -> Fractions {
        let scenario = try ModelKit.scenario(abandonmentWorld(response: response, intensity: intensity), settings: settings)
        let engine = Engine(scenario: scenario)
        let results = ParallelMap.run(count: scenario.replicates, jobs: 2) { replicate -> RunResult in
            var observer = NullObserver()
            return engine.run(replicate: replicate, observer: &observer)
        }
        // columns: vict_frozen, vict_frozen_date, vict_left, vict_left_date, ally_left, ally_left_date
        var frozen = 0, left = 0, otherLeft = 0, leftWithoutFreeze = 0
        for result in results {
            XCTAssertNil(result.error)
            if result.outcomes[0] == 1 { frozen += 1 }
            if result.outcomes[2] == 1 {
                left += 1
                if !(result.outcomes[0] == 1 && result.outcomes[1] < result.outcomes[3]) { leftWithoutFreeze += 1 }
            }
            if result.outcomes[4] == 1 { otherLeft += 1 }
        }
        let count = Double(results.count)
        let fractions = Fractions(frozen: Double(frozen) / count, left: Double(left) / count,
                                  otherLeft: Double(otherLeft) / count, leftWithoutFreeze: leftWithoutFreeze)
        print("emergent: response=\(response) intensity=\(intensity) settings=\(settings): frozen \(fractions.frozen), left \(fractions.left), ally left \(fractions.otherLeft)")
        return fractions
    }

    func testMemberAbandonedOnThreeHeavyCallsFreezesThenLeavesInMostReplicatesUnderDefaults() throws {
        let declined = try Self.fractions(response: "decline", intensity: 1.5)
        XCTAssertGreaterThan(declined.frozen, 0.5)
        XCTAssertGreaterThan(declined.left, 0.5)
        XCTAssertEqual(declined.leftWithoutFreeze, 0, "an exit always follows a freeze")
        XCTAssertLessThan(declined.otherLeft, 0.05, "the members that declined have no reason to go")
        let assisted = try Self.fractions(response: "assist", intensity: 1.5)
        XCTAssertLessThan(assisted.left, 0.5)
        XCTAssertLessThan(assisted.frozen, 0.5)
    }

    func testMemberAbandonedOnThreeCallsOfIntensityOneFreezesInMostReplicatesUnderDefaults() throws {
        // Under the current defaults it freezes but (almost) never leaves: see the report (calibration finding).
        let declined = try Self.fractions(response: "decline", intensity: 1)
        XCTAssertGreaterThan(declined.frozen, 0.5)
        let assisted = try Self.fractions(response: "assist", intensity: 1)
        XCTAssertLessThan(assisted.frozen, 0.5)
        XCTAssertLessThan(assisted.left, 0.5)
    }

    func testWithAbandonmentRaisedTo045ThreeDeclinedCallsOfIntensityOneEndInExit() throws {
        let declined = try Self.fractions(response: "decline", intensity: 1, settings: ["abandonment=0.45"])
        XCTAssertGreaterThan(declined.left, 0.5)
        XCTAssertEqual(declined.leftWithoutFreeze, 0)
        let assisted = try Self.fractions(response: "assist", intensity: 1, settings: ["abandonment=0.45"])
        XCTAssertLessThan(assisted.left, 0.5)
    }
}
