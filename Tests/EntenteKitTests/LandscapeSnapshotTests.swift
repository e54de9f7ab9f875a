@testable import EntenteKit
import XCTest

/// ``LandscapeSnapshot``: the per-step landscape of `run --record landscape`, on hand-computed systems.
final class LandscapeSnapshotTests: XCTestCase {
    /// Sizes 1, 2, 3; p_AB = 0.5, p_AC = −0.8, p_BC = −0.2, so w_AB = 1, w_AC = −2.4, w_BC = −1.2.
    /// E({ABC}) = 0, E({AB|C}) = 2(−2.4 − 1.2) = −7.2, E({AC|B}) = 2(1 − 1.2) = −0.4, E({A|BC}) = 2(1 − 2.4) = −2.8.
    /// AB against C breaks no sign: frustration index 0.
    func testThePredictedBipartitionOfThreeActorsIsTheLowestOfTheFourEnergies() {
        let trust = [0, 0.5, -0.8,
                     0.5, 0, -0.2,
                     -0.8, -0.2, 0]
        let snapshot = LandscapeSnapshot(sizes: [1, 2, 3], trust: trust, count: 3)
        XCTAssertEqual(snapshot.sides, [0, 0, 1])
        XCTAssertEqual(snapshot.energy, -7.2, accuracy: 1e-12)
        XCTAssertEqual(snapshot.frustration[0], -2.4, accuracy: 1e-12)
        XCTAssertEqual(snapshot.frustration[1], -1.2, accuracy: 1e-12)
        XCTAssertEqual(snapshot.frustration[2], -3.6, accuracy: 1e-12)
        XCTAssertEqual(snapshot.frustrationIndex, 0)
    }

    /// Three mutual enemies (p = −1, −2, −3 for AB, AC, BC): no split satisfies every sign; the cheapest
    /// violation keeps A and B together (|p_AB| = 1): frustration index 1. With unit sizes the energy of
    /// {AB|C} is 2(−2 − 3) = −10, below {AC|B} (2(−1 − 3) = −8) and {A|BC} (2(−1 − 2) = −6).
    /// Trust is symmetrised: T_AB = −0.5 and T_BA = −1.5 give p_AB = −1.
    func testAFrustratedTriadHasFrustrationIndexEqualToItsWeakestEdge() {
        let trust = [0, -0.5, -2,
                     -1.5, 0, -3,
                     -2, -3, 0]
        let snapshot = LandscapeSnapshot(sizes: [1, 1, 1], trust: trust, count: 3)
        XCTAssertEqual(snapshot.sides, [0, 0, 1])
        XCTAssertEqual(snapshot.energy, -10)
        XCTAssertEqual(snapshot.frustration, [-2, -3, -5])
        XCTAssertEqual(snapshot.frustrationIndex, 1)
    }

    /// All friends: no split lowers E, so every actor stays on side 1 with energy 0; balance is perfect.
    func testFriendsOnlyPredictOneCamp() {
        let snapshot = LandscapeSnapshot(sizes: [1, 2, 3, 4], trust: [Double](repeating: 0.3, count: 16), count: 4)
        XCTAssertEqual(snapshot.sides, [0, 0, 0, 0])
        XCTAssertEqual(snapshot.energy, 0)
        XCTAssertEqual(snapshot.frustrationIndex, 0)
    }

    /// On random 10-actor systems the snapshot's energy is the brute-force minimum over all 512
    /// bipartitions, and its frustration index that of ``StructuralBalance``.
    func testTheSnapshotEqualsBruteForceOnRandomSystems() throws {
        let n = 10
        let random = RandomStream(seed: 11, point: 0, replicate: 0)
        for _ in 0..<5 {
            let sizes = (0..<n).map { _ in 0.5 + random.uniform() }
            let trust = (0..<(n * n)).map { _ in 2 * random.uniform() - 1 }
            let snapshot = LandscapeSnapshot(sizes: sizes, trust: trust, count: n)
            let system = try LandscapeSystem(names: (0..<n).map { "s\($0)" }, sizes: sizes,
                                             propensity: LandscapeInput.symmetrised(trust, n: n))
            var best = Double.infinity
            for mask in 0..<(1 << (n - 1)) {
                let sides = bruteForceSides(mask, n)
                best = min(best, system.energy(sides))
            }
            XCTAssertEqual(snapshot.energy, best, accuracy: 1e-9)
            XCTAssertEqual(system.energy(snapshot.sides), snapshot.energy, accuracy: 1e-12)
            XCTAssertEqual(snapshot.frustrationIndex, try StructuralBalance(system: system).frustrationIndex, accuracy: 1e-9)
        }
    }

    func testMoreThanTwentyStatesAreRefusedWithTheLimitNamed() {
        XCTAssertNoThrow(try LandscapeSnapshot.checkSize(states: 20))
        XCTAssertThrowsError(try LandscapeSnapshot.checkSize(states: 21)) { error in
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 64)
            XCTAssertEqual("\(error)", "error: --record landscape enumerates all 2^(N−1) bipartitions at every recorded step and allows at most 20 states; this scenario has 21 (use `entente landscape`, which searches larger systems by descent)")
        }
    }

    func testRecordParsesLandscapeOnceOnly() throws {
        XCTAssertTrue(try RecordOptions(parsing: "every=3,landscape").landscape)
        XCTAssertFalse(try RecordOptions(parsing: "every=3,drivers").landscape)
        XCTAssertThrowsError(try RecordOptions(parsing: ["landscape", "landscape"])) { error in
            XCTAssertEqual("\(error)", "error: --record: 'landscape' is given twice; expected each setting once")
        }
    }
}

/// Bipartition number `mask` of n actors: actor 0 on side 1 (0), actor i ≥ 1 on side bit i−1 of `mask`.
private func bruteForceSides(_ mask: Int, _ n: Int) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: n)
    for i in 1..<n { result[i] = UInt8((mask >> (i - 1)) & 1) }
    return result
}
