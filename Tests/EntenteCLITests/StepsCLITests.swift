import Foundation
import XCTest

/// `entente run --record steps`: steps.csv summarises each recorded step across replicates; nothing else changes.
final class StepsCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-steps" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try """
            name: steps tiny
            calendar: {start: 2020-01, end: 2020-03, step: month}
            seed: 1
            replicates: 4
            parameters: {decay: 0, forgiveness: 0, balance: 0}
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 1}
            blocs:
              - {id: X, leader: B, members: [A, B], obligation: 1}
            trust:
              - {from: A, to: B, value: 0.5}

            """.write(to: folder.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
    }

    /// 4 replicates, steps 0 and 2 recorded (every=2, last step included), 11 quantities per step:
    /// one trust pair, affinity, member, frozen and left for A and B in X, active_members and cohesion of X.
    /// The step-2 affinity of A in X in the four replicates is 0.6788211950198922, 0.6822947400935042,
    /// 0.6792866526033945 and 0.6827257711493786 (affinity.csv): mean 0.68078208971654…, median the
    /// middle two's mean 0.68079069634844….
    func testStepsCSVSummarisesEachRecordedStepAcrossReplicates() throws {
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "on", "--record", "steps,every=2", "--jobs", "2", "--quiet"]).status, 0)
        let lines = String(decoding: try read("on/steps.csv"), as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "step,date,quantity,state,target,n,mean,sd,q05,q50,q95")
        XCTAssertEqual(lines.count, 1 + 2 * 11)
        XCTAssertEqual(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[0..<5].joined(separator: ",") }.prefix(11),
                       ["0,2020-01,trust,A,B", "0,2020-01,affinity,A,X", "0,2020-01,affinity,B,X", "0,2020-01,member,A,X",
                        "0,2020-01,member,B,X", "0,2020-01,frozen,A,X", "0,2020-01,frozen,B,X", "0,2020-01,left,A,X",
                        "0,2020-01,left,B,X", "0,2020-01,active_members,,X", "0,2020-01,cohesion,,X"])
        let affinity = lines[13].split(separator: ",").map(String.init)
        XCTAssertEqual(Array(affinity[0..<6]), ["2", "2020-03", "affinity", "A", "X", "4"])
        XCTAssertEqual(Double(affinity[6])!, (0.6788211950198922 + 0.6822947400935042 + 0.6792866526033945 + 0.6827257711493786) / 4, accuracy: 1e-15)
        XCTAssertEqual(Double(affinity[9])!, (0.6792866526033945 + 0.6822947400935042) / 2, accuracy: 1e-15)
        XCTAssertEqual(lines[15], "2,2020-03,member,A,X,4,1.0,0.0,1.0,1.0,1.0")
        XCTAssertEqual(lines[21], "2,2020-03,active_members,,X,4,2.0,0.0,2.0,2.0,2.0")
        // The affinity rows agree with affinity.csv.
        let series = String(decoding: try read("on/affinity.csv"), as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let values = series.filter { $0[1] == "2" && $0[3] == "A" }.map { Double($0[5])! }
        XCTAssertEqual(values, [0.6788211950198922, 0.6822947400935042, 0.6792866526033945, 0.6827257711493786])
    }

    func testRecordingStepsAddsStepsCSVAndChangesNoOtherByteWhateverJobs() throws {
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "off", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "on", "--record", "steps", "--jobs", "1", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "on2", "--record", "steps", "--jobs", "3", "--quiet"]).status, 0)
        let names = { (name: String) in try FileManager.default.contentsOfDirectory(atPath: self.folder.appendingPathComponent(name).path).sorted() }
        let off = try names("off")
        XCTAssertEqual(try names("on"), (off + ["steps.csv"]).sorted())
        for name in off where name != "manifest.json" { XCTAssertEqual(try read("off/" + name), try read("on/" + name), name) }
        XCTAssertEqual(try read("on/steps.csv"), try read("on2/steps.csv"))
        let manifest = try JSONSerialization.jsonObject(with: read("on/manifest.json")) as? [String: Any]
        XCTAssertEqual((manifest?["record"] as? [String: Any])?["steps"] as? Bool, true)
    }

    func testStepsBeyondTheMemoryBudgetAreRefusedWithExit64BeforeRunning() throws {
        let result = try entente(["run", "tiny.yaml", "--out", "big", "--record", "steps", "--series-memory", "1", "--replicates", "100000000", "--quiet"])
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stderr, "error: --record steps keeps 11 quantities × 3 recorded steps × 100000000 replicates in memory (25178 MiB), more than the 1 MiB budget; record fewer steps (--record every=K), fewer trust pairs (trust=none), or raise --series-memory MiB\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("big").path))
    }
}
