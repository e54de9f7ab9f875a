import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// The saltelli and morris designs and their estimators, on functions with known indices (no model).
final class SensitivityTests: XCTestCase {
    /// Ishigami: f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³.
    private static func ishigami(_ x: [Double], a: Double = 7, b: Double = 0.1) -> Double {
        sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])
    }

    func testSaltelliLayoutIsSALibsABBABlockOrder() {
        let base = [[0.1, 0.2, 0.7, 0.8], [0.3, 0.4, 0.5, 0.6]]
        let second = SaltelliDesign.layout(base: base, dimensions: 2, secondOrder: true)
        XCTAssertEqual(second.count, 2 * 6)
        XCTAssertEqual(Array(second[0..<6]), [[0.1, 0.2], [0.7, 0.2], [0.1, 0.8], [0.1, 0.8], [0.7, 0.2], [0.7, 0.8]])
        let first = SaltelliDesign.layout(base: base, dimensions: 2, secondOrder: false)
        XCTAssertEqual(first, [[0.1, 0.2], [0.7, 0.2], [0.1, 0.8], [0.7, 0.8], [0.3, 0.4], [0.5, 0.4], [0.3, 0.6], [0.5, 0.6]])
    }

    func testSaltelliBaseMatrixIsGSLsSobolSequenceAfterTheSkip() {
        // GSL's 2-dimensional Sobol points 0, 1, 2, 3: (0.5, 0.5), (0.75, 0.25), (0.25, 0.75), (0.375, 0.375).
        XCTAssertEqual(SaltelliDesign.baseMatrix(dimensions: 1, samples: 3, skip: 1), [[0.75, 0.25], [0.25, 0.75], [0.375, 0.375]])
        XCTAssertEqual(SaltelliDesign.baseMatrix(dimensions: 1, samples: 1, skip: 0), [[0.5, 0.5]])
        XCTAssertEqual(DesignRegistry.pointCount(.saltelli, parameters: 10, samples: 512, options: DesignOptions(secondOrder: false)), 6144)
        XCTAssertEqual(DesignRegistry.pointCount(.saltelli, parameters: 10, samples: 512, options: DesignOptions()), 11264)
    }

    /// Tolerance 0.01 for S1 and ST, 0.03 for S2, at N = 2^14 (GSL Sobol base, skip 1).
    func testSobolEstimatorsRecoverIshigamisAnalyticIndices() throws {
        let n = 1 << 14
        let unit = SaltelliDesign.unitPoints(dimensions: 3, samples: n, options: DesignOptions(secondOrder: true))
        let y = unit.map { Self.ishigami($0.map { -Double.pi + 2 * Double.pi * $0 }) }
        let indices = try XCTUnwrap(SobolIndices.estimate(outputs: y, dimensions: 3, secondOrder: true, resamples: 100,
                                                          random: RandomStream(seed: 1, point: -2, replicate: 0)))
        for (estimate, expected) in zip(indices.firstOrder, [0.3139, 0.4424, 0.0]) { XCTAssertEqual(estimate.value, expected, accuracy: 0.01) }
        for (estimate, expected) in zip(indices.totalOrder, [0.5576, 0.4424, 0.2437]) { XCTAssertEqual(estimate.value, expected, accuracy: 0.01) }
        // S13 = 0.2437 analytically, S12 = S23 = 0.
        XCTAssertEqual(indices.secondOrder.map(\.value), [0, 0.2437, 0], accuracy: 0.03)
        for estimate in indices.firstOrder + indices.totalOrder {
            XCTAssertGreaterThan(estimate.halfWidth, 0)
            XCTAssertLessThan(estimate.halfWidth, 0.05)
        }
    }

    func testMorrisOnAnAdditiveLinearFunctionGivesItsSlopesExactly() throws {
        let parameters = ["a", "b", "c"].map { SweepParameter(path: $0, domain: .range(from: 0, to: 1, steps: nil, scale: .linear), location: SourceLocation(file: "t", line: 1, column: 1)) }
        let points = MorrisDesign.points(parameters: parameters, samples: 10, seed: 3, options: DesignOptions(levels: 4))
        XCTAssertEqual(points.count, 40)
        // Every coordinate on the 4-level grid 0, 1/3, 2/3, 1.
        for value in points.joined() { XCTAssertEqual(value * 3, (value * 3).rounded(), accuracy: 1e-12) }
        let y = points.map { 2 * $0[0] - 0.5 * $0[1] + 0 * $0[2] }
        let indices = try XCTUnwrap(MorrisIndices.estimate(points: points, outputs: y, levels: 4, resamples: 100,
                                                           random: RandomStream(seed: 1, point: -2, replicate: 0)))
        XCTAssertEqual(indices.mu, [2, -0.5, 0], accuracy: 1e-12)
        XCTAssertEqual(indices.muStar, [2, 0.5, 0], accuracy: 1e-12)
        XCTAssertEqual(indices.sigma, [0, 0, 0], accuracy: 1e-12)
        XCTAssertEqual(indices.muStarHalfWidth, [0, 0, 0], accuracy: 1e-12)
    }

    func testMorrisOnAProductHasSpreadInTheInteractingParameters() throws {
        let parameters = ["a", "b"].map { SweepParameter(path: $0, domain: .range(from: 0, to: 1, steps: nil, scale: .linear), location: SourceLocation(file: "t", line: 1, column: 1)) }
        let points = MorrisDesign.points(parameters: parameters, samples: 20, seed: 3, options: DesignOptions(levels: 4, candidates: 60))
        XCTAssertEqual(points.count, 60)
        let y = points.map { $0[0] * $0[1] }
        let indices = try XCTUnwrap(MorrisIndices.estimate(points: points, outputs: y, levels: 4, resamples: 100, random: nil))
        // Each effect of a is the value of b at that step (1/3·… on the grid): positive, varying.
        for i in 0..<2 {
            XCTAssertEqual(indices.mu[i], indices.muStar[i], accuracy: 1e-12)
            XCTAssertGreaterThan(indices.sigma[i], 0.1)
        }
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
