import Foundation
import XCTest

/// `entente calibrate` end to end: the folder it writes, --jobs, --resume, and its exit statuses.
final class CalibrateCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-calibrate" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        let fixtures = BuiltBinary.packageRoot.appendingPathComponent("Tests/Fixtures/calibration")
        for name in ["toy-freeze.yaml", "toy-freeze-cal.yaml"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let text = try String(contentsOf: folder.appendingPathComponent("toy-freeze-cal.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "particles: 200", with: "particles: 30")
            .replacingOccurrences(of: "generations: 4", with: "generations: 3")
            .write(to: folder.appendingPathComponent("cal.yaml"), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "particles: 200", with: "particles: 30")
            .replacingOccurrences(of: "generations: 4", with: "generations: 1")
            .write(to: folder.appendingPathComponent("cal1.yaml"), atomically: true, encoding: .utf8)
    }

    func testShardsAndMergesPerGenerationGiveTheOneMachineRunsBytes() throws {
        XCTAssertEqual(try entente(["calibrate", "cal.yaml", "--out", "one", "--jobs", "2", "--quiet"]).status, 0)
        // A missing shard is refused before anything is written.
        let early = try entente(["calibrate", "cal.yaml", "--out", "cluster", "--merge-generation", "2"])
        XCTAssertEqual(early.status, 66, early.stderr)
        XCTAssertTrue(early.stderr.contains("cluster-shards/generation-0/shard-0-of-2.csv: shard 0/2 of generation 0 has not been written"), early.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cluster").path))
        for generation in 0..<3 {
            for shard in ["1/2", "0/2"] {
                let part = try entente(["calibrate", "cal.yaml", "--out", "cluster", "--shard", shard, "--jobs", "1"])
                XCTAssertEqual(part.status, 0, part.stderr)
                XCTAssertEqual(part.stdout, "generation \(generation), shard \(shard): cluster-shards/generation-\(generation)/shard-\(shard.prefix(1))-of-2.csv\n")
            }
            let merged = try entente(["calibrate", "cal.yaml", "--out", "cluster", "--merge-generation", "2"])
            XCTAssertEqual(merged.status, 0, merged.stderr)
            XCTAssertEqual(merged.stdout, generation < 2 ? "generation \(generation) merged; next: the shards of generation \(generation + 1)\n"
                                                      : "generation 2 merged; stopped on generations; results: cluster/\n")
        }
        XCTAssertEqual(try read("one/particles.csv"), try read("cluster/particles.csv"))
        XCTAssertEqual(try read("one/posterior.csv"), try read("cluster/posterior.csv"))
        func withoutSeconds(_ path: String) throws -> [String] {
            String(decoding: try read(path), as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",").dropLast().joined(separator: ",") }
        }
        XCTAssertEqual(try withoutSeconds("one/generations.csv"), try withoutSeconds("cluster/generations.csv"))
        let after = try entente(["calibrate", "cal.yaml", "--out", "cluster", "--shard", "0/2"])
        XCTAssertEqual(after.stdout, "nothing to do: cluster already stopped on generations\n")
    }

    func testCalibrateWritesTheFourFilesTheSameForAnyJobsAndResumesAStoppedRunToTheSameBytes() throws {
        let one = try entente(["calibrate", "cal.yaml", "--out", "one", "--jobs", "1"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.hasPrefix("stopped on generations after generation 2"), one.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("one").path).sorted(),
                       ["generations.csv", "manifest.json", "particles.csv", "posterior.csv"])
        XCTAssertEqual(try entente(["calibrate", "cal.yaml", "--out", "two", "--jobs", "2", "--quiet"]).status, 0)
        XCTAssertEqual(try read("one/particles.csv"), try read("two/particles.csv"))
        XCTAssertEqual(try read("one/posterior.csv"), try read("two/posterior.csv"))
        // Stopped early after generation 0, then resumed with a looser stop: the same particles.
        XCTAssertEqual(try entente(["calibrate", "cal1.yaml", "--out", "cut", "--quiet"]).status, 0)
        let resumed = try entente(["calibrate", "cal.yaml", "--out", "cut", "--resume", "--quiet"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try read("one/particles.csv"), try read("cut/particles.csv"))
        let again = try entente(["calibrate", "cal.yaml", "--out", "cut", "--resume", "--quiet"])
        XCTAssertTrue(again.stdout.hasPrefix("nothing to do: cut already holds 3 generations, stopped on generations"), again.stdout)
        let manifest = try JSONSerialization.jsonObject(with: read("one/manifest.json")) as? [String: Any]
        XCTAssertEqual(manifest?["command"] as? String, "calibrate")
        XCTAssertEqual(manifest?["status"] as? String, "complete")
        XCTAssertEqual(manifest?["final_generation"] as? Int, 2)
    }

    func testExitStatusesOfABadFileExistingResultsAndResumeWithForce() throws {
        try "scenarios: [toy-freeze.yaml]\nparameters: {hazzard: {prior: uniform, min: 0.1, max: 2}}\n"
            .write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try entente(["calibrate", "bad.yaml", "--out", "x"])
        XCTAssertEqual(bad.status, 65)
        XCTAssertEqual(bad.stderr, "bad.yaml:2:14: error: 'hazzard' is not a model parameter (did you mean 'hazard'?); expected a name from docs/model.md\n")
        XCTAssertEqual(try entente(["calibrate", "cal1.yaml", "--out", "r", "--quiet"]).status, 0)
        let again = try entente(["calibrate", "cal1.yaml", "--out", "r", "--quiet"])
        XCTAssertEqual(again.status, 73)
        XCTAssertEqual(again.stderr, "error: r already holds results; pass --force to replace them or --out to write elsewhere\n")
        XCTAssertEqual(try entente(["calibrate", "cal1.yaml", "--out", "r", "--resume", "--force"]).status, 64)
        XCTAssertEqual(try entente(["calibrate", "cal1.yaml", "--out", "fresh", "--resume"]).status, 66)
    }
}
