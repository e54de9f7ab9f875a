import Foundation
import XCTest

/// `model:` in a calibration file and `calibrate --model N`: the rule set the particles run, recorded in
/// the manifest, part of what `--resume` checks, and refused with file:line:column when out of range.
final class CalibrateModelCLITests: XCTestCase {
    private var folder: URL!

    /// The toy of Tests/Fixtures/calibration with BBB as PACT's leader: under model 1 it freezes each month
    /// with probability 1 − exp(−hazard · 0.05); under model 2 a bloc's leader never freezes its own bloc.
    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-calibrate-model-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixtures = BuiltBinary.packageRoot.appendingPathComponent("Tests/Fixtures/calibration")
        let toy = try String(contentsOf: fixtures.appendingPathComponent("toy-freeze.yaml"), encoding: .utf8)
        try toy.replacingOccurrences(of: "leader: AAA", with: "leader: BBB")
            .write(to: folder.appendingPathComponent("leader-toy.yaml"), atomically: true, encoding: .utf8)
        try """
            scenarios: [leader-toy.yaml]
            parameters:
              hazard: {prior: loguniform, min: 0.5, max: 5}
            window: 12
            particles: 8
            replicates_per_particle: 2
            stop: {generations: 1}
            seed: 3
            model: 2

            """.write(to: folder.appendingPathComponent("cal.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs the built `entente` in the test's folder through the shared harness (stdin closed, output through files).
    @discardableResult
    private func entente(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let result = try CLIHarness.run(BuiltBinary.required("entente"), arguments, in: folder)
        return (result.status, result.stdout, result.stderr)
    }

    /// The distance columns of particles.csv, row by row.
    private func distances(_ out: String) throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent(out + "/particles.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").suffix(2).joined(separator: ",") }
    }

    private func manifest(_ out: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(out + "/manifest.json"))) as! [String: Any]
    }

    func testParticlesRunTheFilesModelAndTheManifestRecordsIt() throws {
        XCTAssertEqual(try entente(["calibrate", "cal.yaml", "--out", "two", "--quiet"]).status, 0)
        // Model 2: the leader never freezes, so both replicates of every particle miss the observed freeze (distance 1).
        XCTAssertEqual(try distances("two"), Array(repeating: "1.0,1.0", count: 8))
        let calibration = try manifest("two")["calibration"] as? [String: Any]
        XCTAssertEqual(calibration?["model"] as? Int, 2)
        XCTAssertEqual((try manifest("two")["scenarios"] as? [[String: Any]])?.first?["model"] as? Int, 2)

        // --model 1 overrides the file: the leader freezes (hazard ≥ 0.5 over 48 months), so most distances are below 1.
        XCTAssertEqual(try entente(["calibrate", "cal.yaml", "--model", "1", "--out", "one", "--quiet"]).status, 0)
        let one = try distances("one").flatMap { $0.split(separator: ",").compactMap { Double($0) } }
        XCTAssertEqual(one.count, 16)
        XCTAssertGreaterThan(one.filter { $0 < 1 }.count, 8)
        XCTAssertEqual((try manifest("one")["calibration"] as? [String: Any])?["model"] as? Int, 1)
        XCTAssertNotEqual(try manifest("one")["fingerprint"] as? String, try manifest("two")["fingerprint"] as? String)

        // --resume refuses to continue a model-2 calibration under model 1.
        XCTAssertEqual(try entente(["calibrate", "cal.yaml", "--model", "1", "--out", "two", "--resume"]).status, 64)
    }

    func testWithoutModelEachScenarioKeepsItsOwnAndTheManifestSaysNull() throws {
        let text = try String(contentsOf: folder.appendingPathComponent("cal.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "model: 2\n", with: "").write(to: folder.appendingPathComponent("own.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try entente(["calibrate", "own.yaml", "--out", "own", "--quiet"]).status, 0)
        let manifest = try manifest("own")
        XCTAssertTrue((manifest["calibration"] as? [String: Any])?["model"] is NSNull)
        XCTAssertEqual((manifest["scenarios"] as? [[String: Any]])?.first?["model"] as? Int, 1)
    }

    func testABadModelIsADataErrorAtItsLineAndABadOptionAUsageError() throws {
        let text = try String(contentsOf: folder.appendingPathComponent("cal.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "model: 2", with: "model: 3").write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try entente(["calibrate", "bad.yaml", "--out", "x"])
        XCTAssertEqual(bad.status, 65)
        XCTAssertEqual(bad.err, "bad.yaml:9:8: error: 'model' must be between 1 and 2; found 3\n")
        let option = try entente(["calibrate", "cal.yaml", "--model", "0", "--out", "x"])
        XCTAssertEqual(option.status, 64)
        XCTAssertEqual(option.err, "error: --model must be a whole number from 1 to 2; found 0\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }
}
