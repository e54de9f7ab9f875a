@testable import EntenteKit
import Foundation
import XCTest

/// `entente run --record landscape`: landscape.csv per recorded step, the same bytes whatever --jobs,
/// equal to the landscape recomputed by brute force from the recorded trust and capabilities.
final class LandscapeRecordCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-landscape-record" }

    private var scenario: String { BuiltBinary.packageRoot.appendingPathComponent("Scenarios/csto-2018-2024.yaml").path }

    private func rows(_ path: String) throws -> [[String]] {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func testLandscapeCSVIsTheBruteForceMinimumOfTheRecordedTrustAndIsTheSameWhateverJobs() throws {
        for (name, jobs) in [("one", "1"), ("three", "3")] {
            let result = try entente(["run", scenario, "--out", name, "--replicates", "3", "--record", "every=24,trust=all,landscape", "--jobs", jobs, "--quiet"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let one = try Data(contentsOf: folder.appendingPathComponent("one/landscape.csv"))
        XCTAssertEqual(one, try Data(contentsOf: folder.appendingPathComponent("three/landscape.csv")))
        let landscape = try rows("one/landscape.csv")
        XCTAssertEqual(landscape[0], ["replicate", "step", "date", "state", "side", "frustration", "energy", "frustration_index"])
        // 3 replicates × steps 0, 24, 48, 72 and the last (95) × 11 states.
        XCTAssertEqual(landscape.count - 1, 3 * 5 * 11)
        XCTAssertEqual(Set(landscape.dropFirst().map { $0[1] }), ["0", "24", "48", "72", "95"])

        // Recompute replicate 1 at step 48 from trust.csv and states.csv by brute force over 2^10 bipartitions.
        let ids = landscape.dropFirst().prefix(11).map { $0[3] }
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let n = ids.count
        var trust = [Double](repeating: 0, count: n * n)
        for row in try rows("one/trust.csv").dropFirst() where row[0] == "1" && row[1] == "48" {
            trust[index[row[3]]! * n + index[row[4]]!] = Double(row[5])!
        }
        var sizes = [Double](repeating: 0, count: n)
        for row in try rows("one/states.csv").dropFirst() where row[0] == "1" && row[1] == "48" { sizes[index[row[3]]!] = Double(row[4])! }
        let system = try LandscapeSystem(names: ids, sizes: sizes, propensity: LandscapeInput.symmetrised(trust, n: n))
        var best = Double.infinity
        var bestSides: [UInt8] = []
        for mask in 0..<(1 << (n - 1)) {
            let sides = bruteForceSides(mask, n)
            let energy = system.energy(sides)
            if energy < best - 1e-9 { best = energy; bestSides = sides }
        }
        let recorded = landscape.filter { $0[0] == "1" && $0[1] == "48" }
        XCTAssertEqual(recorded.count, 11)
        XCTAssertEqual(recorded.map { $0[4] }, bestSides.map { String($0 + 1) })
        XCTAssertEqual(Double(recorded[0][6])!, best, accuracy: 1e-9 * abs(best))
        XCTAssertEqual(Double(recorded[0][7])!, try StructuralBalance(system: system).frustrationIndex, accuracy: 1e-9)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("one/manifest.json"))) as? [String: Any]
        XCTAssertEqual((manifest?["record"] as? [String: Any])?["landscape"] as? Bool, true)
    }

    func testLandscapeIsRefusedAboveTwentyStatesWithExit64AndNothingWritten() throws {
        let states = (0..<21).map { "  - {id: S\($0), capability: 1}" }.joined(separator: "\n")
        try "name: big\ncalendar: {start: 2020-01, end: 2020-03, step: month}\nstates:\n\(states)\n"
            .write(to: folder.appendingPathComponent("big.yaml"), atomically: true, encoding: .utf8)
        let result = try entente(["run", "big.yaml", "--out", "big", "--record", "landscape", "--quiet"])
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stderr, "error: --record landscape enumerates all 2^(N−1) bipartitions at every recorded step and allows at most 20 states; this scenario has 21 (use `entente landscape`, which searches larger systems by descent)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("big").path))
    }
}

/// Bipartition number `mask` of n actors: actor 0 on side 1 (0), actor i ≥ 1 on side bit i−1 of `mask`.
private func bruteForceSides(_ mask: Int, _ n: Int) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: n)
    for i in 1..<n { result[i] = UInt8((mask >> (i - 1)) & 1) }
    return result
}
