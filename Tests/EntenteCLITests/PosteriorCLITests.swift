import EntenteKit
import EntenteTestSupport
import Foundation
import XCTest

/// `entente run|compare --posterior DIR`: determinism across --jobs and the exit statuses of refusals.
final class PosteriorCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-posterior-cli" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("cal"), withIntermediateDirectories: true)
        try TinyWorlds.covertSaleYear(replicates: 5, variants: [TinyWorlds.noSale]).write(to: folder.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
        try "generation,particle,weight,betrayal,noise,share,distance_1\n0,0,0.5,1,0.1,1,0.3\n0,1,0.5,2,0.1,1,0.3\n1,0,0.2,1,0.05,1,0.1\n1,1,0.3,5,0.2,1,0.1\n1,2,0.5,8,0.3,1,0.1\n"
            .write(to: folder.appendingPathComponent("cal/particles.csv"), atomically: true, encoding: .utf8)
        try "{\n  \"tool\": \"entente\",\n  \"command\": \"calibrate\",\n  \"status\": \"complete\",\n  \"final_generation\": 1\n}\n"
            .write(to: folder.appendingPathComponent("cal/manifest.json"), atomically: true, encoding: .utf8)
    }

    func testComparePosteriorIsByteIdenticalWhateverJobs() throws {
        XCTAssertEqual(try entente(["compare", "tiny.yaml", "--posterior", "cal", "--draws", "7", "--jobs", "1", "--out", "one"]).status, 0)
        XCTAssertEqual(try entente(["compare", "tiny.yaml", "--posterior", "cal", "--draws", "7", "--jobs", "2", "--out", "two"]).status, 0)
        for name in ["outcomes.csv", "effects.csv", "draws.csv"] {
            XCTAssertEqual(try read("one/" + name), try read("two/" + name), name)
        }
        let draws = String(decoding: try read("one/draws.csv"), as: UTF8.self)
        XCTAssertEqual(draws, "draw,particle,betrayal,noise\n0,1,5.0,0.2\n1,2,8.0,0.3\n2,2,8.0,0.3\n3,2,8.0,0.3\n4,0,1.0,0.05\n5,2,8.0,0.3\n6,2,8.0,0.3\n")
        let effects = String(decoding: try read("one/effects.csv"), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(effects.count, 3, "header and one row per flag or number outcome")
        XCTAssertTrue(effects[1].hasPrefix("no-sale,a_left,35,"), "7 draws × 5 replicates paired")
        XCTAssertEqual(effects[0].split(separator: ",").suffix(5).joined(separator: ","),
                       "draws,difference_draw_q05,difference_draw_q95,variant_draw_q05,variant_draw_q95")
    }

    func testRunPosteriorWritesSummaryAndDrawsAndIsByteIdenticalWhateverJobs() throws {
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--posterior", "cal", "--draws", "4", "--jobs", "1", "--out", "one"]).status, 0)
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--posterior", "cal", "--draws", "4", "--jobs", "2", "--out", "two"]).status, 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("one").path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(names, ["draws.csv", "manifest.json", "outcomes.csv", "summary.csv"])
        for name in ["outcomes.csv", "summary.csv", "draws.csv"] {
            XCTAssertEqual(try read("one/" + name), try read("two/" + name), name)
        }
        let summary = String(decoding: try read("one/summary.csv"), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(summary[0], "outcome,n,draws,mean,ci95_low,ci95_high,draw_q05,draw_q95")
        XCTAssertTrue(summary[1].hasPrefix("a_left,20,4,"))
    }

    func testRefusalsExitWithTheirStatusAndWriteNothing() throws {
        let usage = try entente(["run", "tiny.yaml", "--draws", "3", "--out", "x"])
        XCTAssertEqual(usage.status, 64)
        XCTAssertEqual(usage.stderr, "error: --draws needs --posterior DIR\n")
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--posterior", "cal", "--record", "every=2", "--out", "x"]).status, 64)
        let missing = try entente(["compare", "tiny.yaml", "--posterior", "nowhere", "--out", "x"])
        XCTAssertEqual(missing.status, 66)
        XCTAssertEqual(missing.stderr, "error: nowhere/particles.csv: cannot read it; --posterior takes the results folder of `entente calibrate` (docs/calibration.md#using-a-posterior)\n")
        try "{\n  \"tool\": \"entente\",\n  \"command\": \"calibrate\",\n  \"status\": \"running\"\n}\n"
            .write(to: folder.appendingPathComponent("cal/manifest.json"), atomically: true, encoding: .utf8)
        let incomplete = try entente(["compare", "tiny.yaml", "--posterior", "cal", "--out", "x"])
        XCTAssertEqual(incomplete.status, 65)
        XCTAssertEqual(incomplete.stderr, "cal/manifest.json:4:3: error: the calibration is not complete (status 'running'); finish or resume it; pass --allow-incomplete to use its last generation (1) anyway\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
        XCTAssertEqual(try entente(["compare", "tiny.yaml", "--posterior", "cal", "--allow-incomplete", "--draws", "2", "--out", "x"]).status, 0)
        let manifest = try JSONSerialization.jsonObject(with: read("x/manifest.json")) as? [String: Any]
        XCTAssertEqual((manifest?["posterior"] as? [String: Any])?["calibration_status"] as? String, "running")
    }
}
