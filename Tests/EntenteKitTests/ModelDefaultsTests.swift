import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// Per-model defaults (``ModelDefaults``): model 1 keeps the parameter table's defaults bit for bit;
/// model 2 starts from its own calibrated table; a file's `parameters:` and `--set` still win.
final class ModelDefaultsTests: XCTestCase {
    private let world = """
        calendar: {start: 2020-01, end: 2020-03, step: month}
        states:
          - {id: A, capability: 1}
        """

    func testModelOneDefaultsAreTheParameterTableUnchanged() throws {
        for parameter in Parameter.allCases {
            XCTAssertEqual(ModelDefaults.value(of: parameter, model: 1), parameter.info.defaultValue, parameter.info.name)
        }
        XCTAssertEqual(ModelDefaults.values(model: 1), ParameterValues.defaults)
        XCTAssertEqual(try ModelKit.scenario(world).parameters, ParameterValues.defaults)
    }

    func testModelTwoStartsFromItsCalibratedTableWhicheverWayItIsChosen() throws {
        let expected = ModelDefaults.values(model: 2)
        XCTAssertEqual(try ModelKit.scenario("model: 2\n" + world).parameters, expected)
        XCTAssertEqual(try ModelKit.scenario(world, settings: ["model=2"]).parameters, expected)
        for entry in ModelDefaults.modelTwo {
            XCTAssertEqual(expected[entry.parameter], entry.value, entry.parameter.info.name)
        }
        // The posterior medians of the library fit (docs/model.md#model-2-defaults), three significant digits.
        XCTAssertEqual(expected[.nonaligned], 0.492)
        XCTAssertEqual(expected[.wSecurity], 0.499)
        XCTAssertEqual(expected[.balance], 0.0622)
        XCTAssertEqual(expected[.memberTrust], 0.409)
        XCTAssertEqual(expected[.abandonment], 0.667)
        XCTAssertEqual(expected[.freezeThreshold], 0.0975)
        XCTAssertEqual(expected[.leaveThreshold], 0.205)
        XCTAssertEqual(expected[.hazard], 4.78)
        XCTAssertEqual(expected[.adaptation], 0.134)
        XCTAssertEqual(expected[.exitCost], 0.5, "not fitted: model 1's default")
        for parameter in Parameter.allCases where !ModelDefaults.modelTwo.contains(where: { $0.parameter == parameter }) {
            XCTAssertEqual(expected[parameter], parameter.info.defaultValue, "\(parameter.info.name) is not in model 2's table, so it keeps model 1's default")
        }
    }

    func testAFilesParametersAndSetOverrideModelTwosDefaults() throws {
        let scenario = try ModelKit.scenario("model: 2\nparameters: {nonaligned: 0.5}\n" + world, settings: ["hazard=7"])
        XCTAssertEqual(scenario.parameters[.nonaligned], 0.5)
        XCTAssertEqual(scenario.parameters[.hazard], 7)
    }

    func testEveryModelTwoDefaultIsNamedOnceAndLiesInItsRange() {
        XCTAssertEqual(Set(ModelDefaults.modelTwo.map(\.parameter)).count, ModelDefaults.modelTwo.count)
        for entry in ModelDefaults.modelTwo {
            let info = entry.parameter.info
            XCTAssertTrue((info.minimum...info.maximum).contains(entry.value), "\(info.name) = \(entry.value) outside [\(info.minimum), \(info.maximum)]")
        }
    }
}
