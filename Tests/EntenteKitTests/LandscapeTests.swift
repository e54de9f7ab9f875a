import EntenteKit
import Foundation
import XCTest

/// Landscape theory and structural balance on systems small enough to check by hand, and against a
/// brute-force reference on random 12-actor systems.
final class LandscapeTests: XCTestCase {
    /// N×N row-major matrix from the upper-triangle pairs.
    private func matrix(_ n: Int, _ pairs: [(Int, Int, Double)]) -> [Double] {
        var p = [Double](repeating: 0, count: n * n)
        for (i, j, value) in pairs { p[i * n + j] = value; p[j * n + i] = value }
        return p
    }

    /// s = (1, 2, 3); p_01 = 1, p_02 = −1, p_12 = 2, so w_01 = 2, w_02 = −3, w_12 = 12.
    private func three() throws -> LandscapeSystem {
        try LandscapeSystem(names: ["A", "B", "C"], sizes: [1, 2, 3], propensity: matrix(3, [(0, 1, 1), (0, 2, -1), (1, 2, 2)]))
    }

    /// s = (1, 2, 2, 3); p_01 = 1, p_02 = −2, p_03 = −1, p_12 = 2, p_13 = 2, p_23 = −1.
    private func four() throws -> LandscapeSystem {
        try LandscapeSystem(names: ["A", "B", "C", "D"], sizes: [1, 2, 2, 3],
                            propensity: matrix(4, [(0, 1, 1), (0, 2, -2), (0, 3, -1), (1, 2, 2), (1, 3, 2), (2, 3, -1)]))
    }

    func testThreeActorEnergiesAreTheHandComputedOnes() throws {
        let system = try three()
        // E = 2 Σ_{cut pairs} w_ij.
        XCTAssertEqual(system.energy([0, 0, 0]), 0)
        XCTAssertEqual(system.energy([0, 0, 1]), 18)   // cut 02, 12: 2(−3 + 12)
        XCTAssertEqual(system.energy([0, 1, 0]), 28)   // cut 01, 12: 2(2 + 12)
        XCTAssertEqual(system.energy([0, 1, 1]), -2)   // cut 01, 02: 2(2 − 3)
        XCTAssertEqual(system.frustrations([0, 1, 1]), [-1, 2, -3])
        var options = LandscapeOptions()
        options.keepAll = true
        let landscape = try Landscape(system: system, options: options)
        XCTAssertEqual(landscape.allEnergies, [0, 28, 18, -2])  // index bit 0: B on side 2, bit 1: C on side 2
        XCTAssertEqual(landscape.allMinimum, [false, false, false, true])
        XCTAssertEqual(landscape.minima, [LandscapeMinimum(sides: [0, 1, 1], energy: -2, frustration: [-1, 2, -3], basin: 4,
                                                           basinShare: 1, isGlobal: true)])
    }

    func testFourActorLandscapeHasTwoMinimaWithHandComputedBasins() throws {
        let system = try four()
        var options = LandscapeOptions()
        options.keepAll = true
        let landscape = try Landscape(system: system, options: options)
        // Index bits: B, C, D on side 2. {A B C D}, {A C D | B}, {A B D | C}, {A D | B C}, {A B C | D}, {A C | B D}, {A B | C D}, {A | B C D}.
        XCTAssertEqual(landscape.allEnergies, [0, 44, -4, 8, 6, 2, 26, -10])
        XCTAssertEqual(landscape.allMinimum, [false, false, true, false, false, false, false, true])
        // Steepest descent: 000→111; 100→000→111; 110→111; 001→000→111; 101→111; 011→111; 010 stays.
        XCTAssertEqual(landscape.minima.map(\.sides), [[0, 1, 1, 1], [0, 0, 1, 0]])
        XCTAssertEqual(landscape.minima.map(\.energy), [-10, -4])
        XCTAssertEqual(landscape.minima.map(\.basin), [7, 1])
        XCTAssertEqual(landscape.minima.map(\.isGlobal), [true, false])
        XCTAssertEqual(landscape.minima[0].frustration, [-5, 2, -4, -3])
        XCTAssertEqual(landscape.minima[1].frustration, [-4, 8, -2, -6])
    }

    func testGrayCodeWalkVisitsEveryBipartitionOnceMovingOneActorAtATime() {
        for n in 1...12 {
            var seen = Set<UInt64>()
            var previous: UInt64?
            GrayCodeWalk.forEach(actorCount: n) { mask, moved in
                XCTAssertTrue(seen.insert(mask).inserted, "n=\(n) mask \(mask) twice")
                XCTAssertEqual(mask & 1, 0, "actor 0 stays on side 1")
                XCTAssertLessThan(mask, 1 << UInt64(n))
                if let previous, let moved {
                    XCTAssertEqual(previous ^ mask, 1 << UInt64(moved))
                } else {
                    XCTAssertNil(previous)
                    XCTAssertNil(moved)
                }
                previous = mask
            }
            XCTAssertEqual(seen.count, 1 << (n - 1))
        }
    }

    /// A random symmetric 12-actor system from a seeded stream: sizes in (0.1, 2.1), propensities in (−1, 1).
    private func random12(_ replicate: Int) throws -> LandscapeSystem {
        let random = RandomStream(seed: 19, point: 0, replicate: replicate)
        let n = 12
        let sizes = (0..<n).map { _ in 0.1 + 2 * random.uniform() }
        var p = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in (i + 1)..<n { let v = 2 * random.uniform() - 1; p[i * n + j] = v; p[j * n + i] = v } }
        return try LandscapeSystem(names: (0..<n).map { "S\($0)" }, sizes: sizes, propensity: p)
    }

    private func sides(_ index: Int, _ n: Int) -> [UInt8] { [0] + (1..<n).map { UInt8((index >> ($0 - 1)) & 1) } }

    func testEnumeratedEnergiesAndMinimaEqualBruteForceOnRandom12ActorSystems() throws {
        for replicate in 0..<5 {
            let system = try random12(replicate)
            let n = system.count
            var options = LandscapeOptions()
            options.keepAll = true
            let landscape = try Landscape(system: system, options: options)
            var bruteMinima: [[UInt8]] = []
            for index in 0..<(1 << (n - 1)) {
                let g = sides(index, n)
                let e = system.energy(g)
                XCTAssertEqual(landscape.allEnergies[index], e, accuracy: 1e-9 * 1000)
                let isMinimum = (0..<n).allSatisfy { k in
                    var h = g
                    h[k] ^= 1
                    return system.energy(h) >= e - 1e-9
                }
                XCTAssertEqual(landscape.allMinimum[index], isMinimum, "bipartition \(index)")
                if isMinimum { bruteMinima.append(g) }
            }
            XCTAssertEqual(Set(landscape.minima.map(\.sides)), Set(bruteMinima))
            XCTAssertEqual(landscape.minima.map(\.basin).reduce(0, +), 1 << (n - 1))
            let lowest = (0..<(1 << (n - 1))).map { system.energy(sides($0, n)) }.min()!
            XCTAssertEqual(landscape.global!.energy, lowest, accuracy: 1e-9)
            for minimum in landscape.minima { XCTAssertEqual(minimum.frustration, system.frustrations(minimum.sides)) }
        }
    }

    func testRandomStartsFindTheExactMinimaAndEstimateTheirBasins() throws {
        let system = try random12(0)
        let exact = try Landscape(system: system)
        var options = LandscapeOptions()
        options.exhaustiveLimit = 0
        options.starts = 4000
        options.seed = 7
        let sampled = try Landscape(system: system, options: options)
        XCTAssertFalse(sampled.exhaustive)
        XCTAssertFalse(sampled.basinExact)
        XCTAssertEqual(sampled.global!.sides, exact.global!.sides)
        XCTAssertEqual(sampled.minima.map(\.basin).reduce(0, +), 4000)
        for minimum in sampled.minima {
            let match = try XCTUnwrap(exact.minima.first { $0.sides == minimum.sides })
            XCTAssertEqual(minimum.basinShare, match.basinShare, accuracy: 0.04)
        }
        // Same seed, same starts: the same counts.
        XCTAssertEqual(try Landscape(system: system, options: options).minima, sampled.minima)
    }

    func testFrustrationIndexEqualsBruteForce() throws {
        for replicate in 0..<5 {
            let system = try random12(replicate)
            let n = system.count
            var best = Double.infinity
            for index in 0..<(1 << (n - 1)) {
                let g = sides(index, n)
                var violation = 0.0
                for i in 0..<n {
                    for j in (i + 1)..<n {
                        let p = system.p(i, j)
                        if (p > 0 && g[i] != g[j]) || (p < 0 && g[i] == g[j]) { violation += abs(p) }
                    }
                }
                best = min(best, violation)
            }
            let balance = try StructuralBalance(system: system)
            XCTAssertTrue(balance.frustrationIndexExact)
            XCTAssertEqual(balance.frustrationIndex, best, accuracy: 1e-9)
        }
    }

    func testThreeActorBalanceIsHandComputed() throws {
        // Edges +1 (AB), −1 (AC), +2 (BC): the one triad is unbalanced; {A | B C} violates only AB.
        let balance = try StructuralBalance(system: try three())
        XCTAssertEqual(balance.frustrationIndex, 1)
        XCTAssertEqual(balance.balancePartition, [0, 0, 0])  // {A B C} also violates 1 (AC); the walk keeps the first
        XCTAssertEqual(balance.triads, 1)
        XCTAssertEqual(balance.balancedTriads, 0)
        XCTAssertEqual(balance.balancedShareWeighted, 0)
    }

    func testLeadingEigenvectorSplitsABalancedFourNodeGraph() throws {
        // A–B and C–D friendly, every other pair hostile: p = v vᵀ − I with v = (1, 1, −1, −1).
        let system = try LandscapeSystem(names: ["A", "B", "C", "D"], sizes: [1, 1, 1, 1],
                                         propensity: matrix(4, [(0, 1, 1), (2, 3, 1), (0, 2, -1), (0, 3, -1), (1, 2, -1), (1, 3, -1)]))
        let balance = try StructuralBalance(system: system)
        XCTAssertEqual(balance.leadingEigenvalue, 3, accuracy: 1e-12)
        XCTAssertEqual(balance.secondEigenvalue, -1, accuracy: 1e-12)
        for (component, expected) in zip(balance.leadingEigenvector, [0.5, 0.5, -0.5, -0.5]) {
            XCTAssertEqual(component, expected, accuracy: 1e-12)
        }
        XCTAssertEqual(balance.factions, [1, 1, 2, 2])
        XCTAssertEqual(balance.frustrationIndex, 0)
        XCTAssertEqual(balance.balancePartition, [0, 0, 1, 1])
        XCTAssertEqual(balance.balancedTriads, 4)
        XCTAssertEqual(balance.balancedShare, 1)
        // The landscape agrees: the two camps are the only minimum.
        XCTAssertEqual(try Landscape(system: system).minima.map(\.sides), [[0, 0, 1, 1]])
    }

    func testAllIsRefusedAboveTheExactLimitAndBadSizesAreRefused() throws {
        let n = 23
        let system = try LandscapeSystem(names: (0..<n).map { "S\($0)" }, sizes: [Double](repeating: 1, count: n),
                                         propensity: [Double](repeating: -1, count: n * n))
        var options = LandscapeOptions()
        options.keepAll = true
        XCTAssertThrowsError(try Landscape(system: system, options: options)) { error in
            XCTAssertEqual("\(error)", "error: --all writes every bipartition only up to 22 actors; this system has 23")
        }
        XCTAssertThrowsError(try LandscapeSystem(names: ["A", "B"], sizes: [1, 0], propensity: [0, 1, 1, 0])) { error in
            XCTAssertEqual("\(error)", "error: the size of B must be a finite number greater than 0; found 0.0")
        }
    }

    func testFlatLandscapesAreRefused() throws {
        let zero = try LandscapeSystem(names: ["A", "B", "C"], sizes: [1, 1, 1], propensity: [Double](repeating: 0, count: 9))
        XCTAssertThrowsError(try Landscape(system: zero)) { error in
            XCTAssertEqual("\(error)", "error: every propensity is 0: the landscape is flat and every bipartition is a minimum; give the file a `propensity:` list or trust that differs between pairs")
        }
        // One tiny relation among 12 otherwise indifferent actors: 2^10 = 1024 minima, over a cap of 1000.
        var p = [Double](repeating: 0, count: 144)
        p[1] = 1; p[12] = 1
        var options = LandscapeOptions()
        options.maxMinima = 1000
        let nearlyFlat = try LandscapeSystem(names: (0..<12).map { "S\($0)" }, sizes: [Double](repeating: 1, count: 12), propensity: p)
        XCTAssertThrowsError(try Landscape(system: nearlyFlat, options: options)) { error in
            XCTAssertEqual("\(error)", "error: the landscape has more than 1000 local minima (a nearly flat landscape, e.g. most propensities 0); nothing to predict")
        }
        options.maxMinima = 1024
        XCTAssertEqual(try Landscape(system: nearlyFlat, options: options).minima.count, 1024)
    }
}

