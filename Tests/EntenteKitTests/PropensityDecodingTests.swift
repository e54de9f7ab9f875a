import EntenteKit
import Foundation
import XCTest

/// The optional `propensity:` list: symmetric entries, unlisted pairs 0, every mistake at its line and column,
/// and the systems `entente landscape` builds from a scenario.
final class PropensityDecodingTests: XCTestCase {
    private let base = """
        calendar: {start: 2018-01, end: 2018-12}
        states:
          - {id: ARM, capability: 1}
          - {id: AZE, capability: 2}
          - {id: RUS, capability: 3}

        """

    private func load(_ yaml: String) throws -> Scenario {
        let root = try YAMLDocumentReader().parse(data: Data(yaml.utf8), file: "input.yaml")
        return try ScenarioLoader().load(root: root, file: "input.yaml")
    }

    private func diagnostics(_ yaml: String) -> [String] {
        do {
            _ = try load(yaml)
            return []
        } catch EntenteError.data(let diagnostics) {
            return diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    func testPropensitiesAreSymmetricAndUnlistedPairsAreZero() throws {
        let scenario = try load(base + """
            propensity:
              - {from: ARM, to: RUS, value: 2}
              - {from: AZE, to: ARM, value: -1.5, note: Karabakh}

            """)
        XCTAssertEqual(scenario.propensity, [PropensitySpec(from: 0, to: 2, value: 2), PropensitySpec(from: 1, to: 0, value: -1.5)])
        let input = try LandscapeInput.system(scenario, replicates: 1, seed: 1, jobs: 1)
        XCTAssertEqual(input.source, .propensity)
        XCTAssertEqual(input.system.sizes, [1, 2, 3])
        XCTAssertEqual(input.system.propensity, [0, -1.5, 2,
                                                 -1.5, 0, 0,
                                                 2, 0, 0])
    }

    func testTrustIsSymmetrisedWhenTheFileHasNoPropensity() throws {
        let scenario = try load(base + """
            trust:
              - {from: ARM, to: RUS, value: 0.8}
              - {from: RUS, to: ARM, value: 0.2}

            """)
        let input = try LandscapeInput.system(scenario, replicates: 1, seed: 1, jobs: 1)
        XCTAssertEqual(input.source, .trust)
        XCTAssertEqual(input.system.p(0, 2), 0.5, accuracy: 1e-15)
        XCTAssertEqual(input.system.p(2, 0), 0.5, accuracy: 1e-15)
        XCTAssertThrowsError(try LandscapeInput.system(scenario, source: .propensity, replicates: 1, seed: 1, jobs: 1)) { error in
            XCTAssertEqual("\(error)", "error: input.yaml has no `propensity:` list; use --source trust or add one (docs/scenario-format.md#propensity)")
        }
    }

    func testAtAveragesTheSimulatedTrustOverReplicates() throws {
        let scenario = try load(base + "trust: [{from: ARM, to: RUS, value: 0.8, mutual: true}]\n")
        let one = try LandscapeInput.system(scenario, at: CalendarDate(parsing: "2018-06"), replicate: 3, replicates: 1, seed: 5, jobs: 1)
        let mean = try LandscapeInput.system(scenario, at: CalendarDate(parsing: "2018-06"), replicates: 4, seed: 5, jobs: 2)
        XCTAssertEqual(one.when, "2018-06")
        XCTAssertEqual(one.replicates, [3])
        XCTAssertEqual(mean.replicates, [0, 1, 2, 3])
        // The mean over replicates 0…3 is the mean of the four single-replicate systems.
        var sum = 0.0
        for r in 0..<4 {
            sum += try LandscapeInput.system(scenario, at: CalendarDate(parsing: "2018-06"), replicate: r, replicates: 1, seed: 5, jobs: 1).system.p(0, 2)
        }
        XCTAssertEqual(mean.system.p(0, 2), sum / 4, accuracy: 1e-12)
        XCTAssertNotEqual(one.system.p(0, 2), 0.8)  // trust moved during six months
        XCTAssertThrowsError(try LandscapeInput.system(scenario, at: CalendarDate(parsing: "2019-06"), replicates: 1, seed: 5, jobs: 1)) { error in
            XCTAssertEqual("\(error)", "error: --at 2019-06-01 falls outside the calendar; expected a date from 2018-01-01 to 2018-12-31")
        }
    }

    func testEveryPropensityMistakeIsReportedAtItsPosition() {
        XCTAssertEqual(diagnostics(base + """
            propensity:
              - {from: ARM, to: ARM, value: 1}
              - {from: ARM, to: XXX, value: 1}
              - {from: ARM, to: RUS, value: many}
              - {from: ARM, to: AZE, value: 1}
              - {from: AZE, to: ARM, value: 2}
              - {from: RUS, to: AZE}

            """), [
            "input.yaml:7:21: error: 'from' and 'to' name the same state; a propensity is between two different states",
            "input.yaml:8:21: error: 'to' names unknown state 'XXX'; expected one of the ids under `states`",
            "input.yaml:9:33: error: 'value' must be a number; found the text 'many'",
            "input.yaml:11:5: error: the propensity of AZE and ARM is given twice (first at line 10); propensities are symmetric, so list each pair once in either order",
            "input.yaml:12:5: error: a propensity entry is missing the required key 'value'",
        ])
        XCTAssertEqual(diagnostics(base + "propensity: {ARM: 1}\n"),
                       ["input.yaml:6:13: error: 'propensity' must be a list (items starting with '-'); found a mapping"])
    }
}
