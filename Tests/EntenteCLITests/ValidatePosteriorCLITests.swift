import Foundation
import XCTest

/// `entente validate --posterior DIR [--draws M]`: cases scored under the posterior predictive of a
/// calibration, replicate r under draw r mod M, on the streams of a plain `validate`.
final class ValidatePosteriorCLITests: XCTestCase {
    private var folder: URL!

    /// The toy of Tests/Fixtures/calibration: BBB freezes each month with probability
    /// 1 − exp(−hazard · 0.05), observed 2019-01. hazard 0 never freezes; hazard 100 freezes in the
    /// first month with probability 0.9933 and within the ±24-month window all but surely.
    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-validate-posterior-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixtures = BuiltBinary.packageRoot.appendingPathComponent("Tests/Fixtures/calibration")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("toy-freeze.yaml"), to: folder.appendingPathComponent("toy.yaml"))
        try posterior("mixed", rows: ["0,0,0.25,0", "0,1,0.75,100"])
        try posterior("default", rows: ["0,0,1,2"])
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// A complete calibration folder `name` fitting hazard, final generation 0, under `model` when given.
    private func posterior(_ name: String, rows: [String], model: Int? = nil) throws {
        let dir = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try (["generation,particle,weight,hazard,share,distance_1"] + rows.map { $0 + ",1,0" }).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("particles.csv"), atomically: true, encoding: .utf8)
        let scenarios = model.map { ",\n  \"scenarios\": [{\"path\": \"toy.yaml\", \"name\": \"Toy freeze\", \"sha256\": \"\", \"model\": \($0)}]" } ?? ""
        try "{\n  \"tool\": \"entente\",\n  \"command\": \"calibrate\",\n  \"status\": \"complete\",\n  \"final_generation\": 0\(scenarios)\n}\n"
            .write(to: dir.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    }

    /// Runs the built `entente` in the test's folder through the shared harness (stdin closed, output through files).
    @discardableResult
    private func entente(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let result = try CLIHarness.run(BuiltBinary.required("entente"), arguments, in: folder)
        return (result.status, result.stdout, result.stderr)
    }

    private func text(_ path: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) }

    /// The p_window column of validation.csv's one row.
    private func pWindow(_ out: String) throws -> Double {
        let lines = try text(out + "/validation.csv").split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        return Double(lines[1].split(separator: ",", omittingEmptySubsequences: false)[header.firstIndex(of: "p_window")!])!
    }

    func testPIsTheShareOfReplicatesWhoseDrawFreezesAndFilesAreTheSameForAnyJobs() throws {
        XCTAssertEqual(try entente(["validate", "toy.yaml", "--posterior", "mixed", "--draws", "4", "--replicates", "8", "--jobs", "1", "--out", "one", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["validate", "toy.yaml", "--posterior", "mixed", "--draws", "4", "--replicates", "8", "--jobs", "2", "--out", "two", "--quiet"]).status, 0)
        for name in ["validation.csv", "cases.csv", "draws.csv"] { XCTAssertEqual(try text("one/" + name), try text("two/" + name), name) }
        // Draws by weight under the case's seed 5, as run --posterior draws them.
        XCTAssertEqual(try text("one/draws.csv"), "case_file,draw,particle,hazard\ntoy.yaml,0,1,100.0\ntoy.yaml,1,0,0.0\ntoy.yaml,2,1,100.0\ntoy.yaml,3,1,100.0\n")
        // Replicates 0..7 run under draws 0,1,2,3,0,1,2,3: six under hazard 100 (freeze), two (1 and 5) under hazard 0 (never).
        XCTAssertEqual(try pWindow("one"), 0.75)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("one/manifest.json"))) as! [String: Any]
        let posterior = manifest["posterior"] as? [String: Any]
        XCTAssertEqual(posterior?["draws"] as? Int, 4)
        XCTAssertEqual(posterior?["particles"] as? Int, 2)
        XCTAssertEqual(posterior?["parameters"] as? [String], ["hazard"])
        XCTAssertEqual((posterior?["particles_sha256"] as? String)?.count, 64)
    }

    func testAOneParticlePosteriorAtTheFilesValueGivesPlainValidatesBytes() throws {
        // Replicate r runs on the stream of replicate r of a plain validate: only the parameters differ.
        XCTAssertEqual(try entente(["validate", "toy.yaml", "--replicates", "40", "--out", "plain", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["validate", "toy.yaml", "--posterior", "default", "--draws", "3", "--replicates", "40", "--out", "post", "--quiet"]).status, 0)
        XCTAssertEqual(try text("plain/validation.csv"), try text("post/validation.csv"))
        XCTAssertEqual(try text("post/draws.csv").split(separator: "\n").count, 4, "header and three draws of the one particle")
    }

    func testTheCasesRunUnderThePosteriorsModelAndAnotherModelIsRefused() throws {
        // BBB leads PACT: under model 2 a leader never freezes its own bloc, under model 1 at hazard 100 it does.
        let toy = try text("toy.yaml").replacingOccurrences(of: "leader: AAA", with: "leader: BBB")
        try toy.write(to: folder.appendingPathComponent("leader.yaml"), atomically: true, encoding: .utf8)
        try posterior("two", rows: ["0,0,1,100"], model: 2)
        try posterior("one", rows: ["0,0,1,100"], model: 1)
        XCTAssertEqual(try entente(["validate", "leader.yaml", "--posterior", "two", "--replicates", "10", "--out", "m2", "--quiet"]).status, 0)
        XCTAssertEqual(try pWindow("m2"), 0)
        XCTAssertEqual(try entente(["validate", "leader.yaml", "--posterior", "one", "--replicates", "10", "--out", "m1", "--quiet"]).status, 0)
        XCTAssertEqual(try pWindow("m1"), 1)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("m2/manifest.json"))) as! [String: Any]
        XCTAssertEqual((manifest["cases"] as? [[String: Any]])?.first?["model"] as? Int, 2)
        XCTAssertEqual((manifest["posterior"] as? [String: Any])?["model"] as? Int, 2)
        XCTAssertEqual((manifest["posterior"] as? [String: Any])?["draws"] as? Int, 10, "default M: min(100, replicates)")
        let refused = try entente(["validate", "leader.yaml", "--posterior", "two", "--model", "1", "--out", "x"])
        XCTAssertEqual(refused.status, 64)
        XCTAssertEqual(refused.err, "error: two was fitted under model 2, so its parameter draws mean nothing under model 1; drop --model (the posterior's model 2 is used), or calibrate under model 1\n")
    }

    func testRefusalsExitWithTheirStatusAndWriteNothing() throws {
        let many = try entente(["validate", "toy.yaml", "--posterior", "mixed", "--draws", "20", "--replicates", "10", "--out", "x"])
        XCTAssertEqual(many.status, 64)
        XCTAssertEqual(many.err, "error: --draws 20 is more than --replicates 10: replicate r runs under draw r mod M, so some draws would never run; give --replicates ≥ --draws\n")
        let fitted = try entente(["validate", "toy.yaml", "--posterior", "mixed", "--set", "hazard=3", "--out", "x"])
        XCTAssertEqual(fitted.status, 64)
        XCTAssertEqual(fitted.err, "error: --set hazard=3: 'hazard' is fitted in mixed/particles.csv, so each draw sets it; drop the --set, or validate without --posterior\n")
        let lone = try entente(["validate", "toy.yaml", "--draws", "5", "--out", "x"])
        XCTAssertEqual(lone.status, 64)
        XCTAssertEqual(lone.err, "error: --draws needs --posterior DIR\n")
        XCTAssertEqual(try entente(["validate", "toy.yaml", "--posterior", "nowhere", "--out", "x"]).status, 66)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }
}
