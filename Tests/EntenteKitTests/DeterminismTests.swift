import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// Same inputs, same bytes: runs depend on (seed, point, replicate) only.
final class DeterminismTests: XCTestCase {
    /// A world that draws at every turn: noise, unscripted answers, balance, membership hazards.
    static let yaml = """
    name: determinism
    calendar: {start: 2020-01, end: 2022-12, step: month}
    seed: 11
    replicates: 12
    parameters: {balance: 0.2, noise: 0.05}
    states:
      - {id: ARM, capability: 1}
      - {id: AZE, capability: 1.5}
      - {id: RUS, capability: 30}
      - {id: BLR, capability: 2}
      - {id: FRA, capability: 10}
    blocs:
      - {id: CSTO, leader: RUS, members: [RUS, BLR, ARM], obligation: 1.0}
      - {id: WEST, leader: FRA, members: [FRA], obligation: 0.3}
    trust:
      - {from: ARM, to: AZE, value: -0.8, mutual: true}
      - {from: BLR, to: AZE, value: 0.3, mutual: true}
      - {from: ARM, to: FRA, value: 0.3}
    events:
      - {id: covert-arms, at: 2020-03, type: arms_transfer, from: BLR, to: AZE, value: 0.5, covert: true, revealed: 2021-06}
      - {id: war, at: 2020-09, type: attack, by: AZE, target: ARM, intensity: 1.5, bloc: CSTO}
      - {id: plea, at: 2021-01, type: aid_request, from: ARM, intensity: 1, against: AZE}
      - {id: mission, at: 2021-03, type: partnership, from: FRA, to: ARM, bloc: WEST, intensity: 2}
      - {id: recall, at: 2021-07, type: diplomacy, from: ARM, to: BLR, kind: recall_ambassador}
    outcomes:
      - {name: arm_frozen, type: frozen, state: ARM, bloc: CSTO}
      - {name: arm_left, type: left, state: ARM, bloc: CSTO}
      - {name: arm_trust_rus, type: trust, from: ARM, to: RUS}
      - {name: csto_members, type: members, bloc: CSTO}
      - {name: arm_affinity_csto, type: affinity, state: ARM, bloc: CSTO}
      - {name: csto_cohesion, type: cohesion, bloc: CSTO}
    """

    /// Everything a replicate produces: outcome bit patterns and the five CSV series.
    struct Fingerprint: Equatable {
        var outcomes: [UInt64]
        var error: String?
        var series: [[UInt8]]
    }

    static func fingerprint(_ engine: Engine, replicate: Int) -> Fingerprint {
        let scenario = engine.scenario
        var recorder = SeriesRecorder(replicate: replicate, scenario: scenario, labels: scenario.calendar.labels,
                                      options: RecordOptions(every: 1, trust: .all))
        let result = engine.run(replicate: replicate, observer: &recorder)
        return Fingerprint(outcomes: result.outcomes.map(\.bitPattern), error: result.error,
                           series: [recorder.trust.bytes, recorder.affinity.bytes, recorder.states.bytes,
                                    recorder.blocs.bytes, recorder.events.bytes])
    }

    func testTwoEngineRunsGiveIdenticalOutcomesAndSeriesBytes() throws {
        let first = Engine(scenario: try ModelKit.scenario(Self.yaml))
        let second = Engine(scenario: try ModelKit.scenario(Self.yaml))
        for replicate in [0, 3] {
            let a = Self.fingerprint(first, replicate: replicate)
            let b = Self.fingerprint(second, replicate: replicate)
            XCTAssertNil(a.error)
            XCTAssertEqual(a.outcomes, b.outcomes, "replicate \(replicate)")
            for (file, (x, y)) in zip(SeriesRecorder.headers.map(\.file), zip(a.series, b.series)) {
                XCTAssertFalse(x.isEmpty, file)
                XCTAssertEqual(x, y, "\(file), replicate \(replicate)")
            }
        }
    }

    func testReplicatesDrawFromDifferentStreams() throws {
        let engine = Engine(scenario: try ModelKit.scenario(Self.yaml))
        XCTAssertNotEqual(Self.fingerprint(engine, replicate: 0).series[0], Self.fingerprint(engine, replicate: 1).series[0])
    }

    func testReplicateResultsDoNotDependOnWhichOtherReplicatesRan() throws {
        let engine = Engine(scenario: try ModelKit.scenario(Self.yaml))
        let alone = Self.fingerprint(engine, replicate: 7)
        let forward = (0..<12).map { Self.fingerprint(engine, replicate: $0) }
        let backward = (0..<12).reversed().map { Self.fingerprint(engine, replicate: $0) }.reversed() as [Fingerprint]
        let fresh = Engine(scenario: try ModelKit.scenario(Self.yaml))
        let parallel = ParallelMap.run(count: 12, jobs: 2) { Self.fingerprint(fresh, replicate: $0) }
        XCTAssertEqual(forward[7], alone)
        XCTAssertEqual(forward, backward)
        XCTAssertEqual(forward, parallel)
    }

    func testRunFolderBytesDoNotDependOnTheNumberOfJobs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("determinism.yaml").path
        try Self.yaml.write(toFile: path, atomically: true, encoding: .utf8)
        var outputs: [[String: Data]] = []
        for jobs in [1, 2] {
            var request = ScenarioRun.Request(path: path)
            request.out = folder.appendingPathComponent("out-\(jobs)").path
            request.jobs = jobs
            request.record = RecordOptions(every: 1, trust: .all)
            _ = try ScenarioRun.execute(request)
            var files: [String: Data] = [:]
            for name in ["trust.csv", "affinity.csv", "states.csv", "blocs.csv", "events.csv", "outcomes.csv"] {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: request.out!).appendingPathComponent(name))
            }
            outputs.append(files)
        }
        for (name, bytes) in outputs[0] {
            XCTAssertFalse(bytes.isEmpty, name)
            XCTAssertEqual(bytes, outputs[1][name], name)
        }
    }
}
