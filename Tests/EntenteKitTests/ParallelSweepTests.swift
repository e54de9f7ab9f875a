import EntenteTestSupport
import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// Sweeps and runs on several threads in-process, so the thread sanitizer sees the workers (`make test-sanitize`).
final class ParallelSweepTests: FolderTestCase {
    override class var folderPrefix: String { "entente-parallel" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try TinyWorlds.allyAttacked(at: ["2020-03", "2020-09", "2021-03"]).write(to: folder.appendingPathComponent("world.yaml"), atomically: true, encoding: .utf8)
        try """
        scenario: world.yaml
        seed: 9
        replicates: 40
        design: latin
        samples: 6
        parameters:
          abandonment: {from: 0.1, to: 0.6}
          k_assist: {from: 1, to: 8}
        """.write(to: folder.appendingPathComponent("sweep.yaml"), atomically: true, encoding: .utf8)
    }

    private func sweep(jobs: Int) throws -> (points: Data, rows: [String]) {
        var request = SweepRunner.Request(path: folder.appendingPathComponent("sweep.yaml").path)
        request.out = folder.appendingPathComponent("out-\(jobs)").path
        request.jobs = jobs
        let outcome = try SweepRunner.execute(request)
        XCTAssertEqual(outcome.done, 240)
        XCTAssertEqual(outcome.failed, 0)
        let points = try Data(contentsOf: URL(fileURLWithPath: request.out! + "/points.csv"))
        let runs = try String(contentsOfFile: request.out! + "/runs.csv", encoding: .utf8)
        return (points, runs.split(separator: "\n").dropFirst().map(String.init).sorted())
    }

    func testFourWorkersGiveTheSameSweepAsOne() throws {
        let one = try sweep(jobs: 1)
        let four = try sweep(jobs: 4)
        XCTAssertEqual(one.points, four.points)
        XCTAssertEqual(one.rows, four.rows)
        XCTAssertEqual(one.rows.count, 240)
    }

    func testParallelRunOfReplicatesMatchesSerialBytes() throws {
        let path = folder.appendingPathComponent("world.yaml").path
        var contents: [[Data]] = []
        for jobs in [1, 3] {
            var request = ScenarioRun.Request(path: path)
            request.out = folder.appendingPathComponent("run-\(jobs)").path
            request.replicates = 12
            request.jobs = jobs
            _ = try ScenarioRun.execute(request)
            contents.append(try ["trust.csv", "affinity.csv", "events.csv", "outcomes.csv"].map {
                try Data(contentsOf: URL(fileURLWithPath: request.out! + "/" + $0))
            })
        }
        XCTAssertEqual(contents[0], contents[1])
    }
}
