import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// Shared helpers for EventEffectTests, DynamicsTests, EmergentBehaviourTests and DeterminismTests: inline scenarios, direct event application and step capture.
enum ModelKit {
    /// Loads an inline YAML scenario through the real loader (written to a temporary file first).
    static func scenario(_ yaml: String, settings: [String] = []) throws -> Scenario {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("entente-model-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scenario.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            return try ScenarioLoader().load(path: path, settings: settings)
        } catch let EntenteError.data(diagnostics) {
            XCTFail("scenario did not load: \(diagnostics)")
            throw EntenteError.data(diagnostics)
        }
    }

    /// The problems of an inline YAML scenario that must not load, each as `line:column message`
    /// (`-` for no position), in the loader's order; fails the test when the scenario loads.
    static func loadProblems(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entente-problems-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ScenarioLoader().load(path: path)
            XCTFail("loaded", file: file, line: line)
            return []
        } catch EntenteError.data(let diagnostics) {
            return diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
        }
    }

    /// The environment an event sees at step `step`, drawing from `RandomStream(key: key)` unless a stream is given.
    static func environment(_ scenario: Scenario, eventIndex: Int, step: Int = 0, key: UInt64 = 1,
                            random: RandomStream? = nil) -> EventEnvironment {
        EventEnvironment(step: step, eventIndex: eventIndex, parameters: scenario.parameters,
                         random: random ?? RandomStream(key: key), names: scenario.names)
    }

    /// Applies scenario event `index` to `world` directly (no dynamics) and returns its log rows.
    @discardableResult
    static func apply(_ scenario: Scenario, event index: Int, to world: inout World, step: Int = 0,
                      key: UInt64 = 1, random: RandomStream? = nil) -> [EventLog.Entry] {
        var log = EventLog(enabled: true)
        let environment = environment(scenario, eventIndex: index, step: step, key: key, random: random)
        scenario.events[index].effect.apply(to: &world, environment: environment, log: &log)
        return log.entries
    }

    /// Loads an inline YAML scenario and applies its first event to its initial world (no dynamics):
    /// the world after it and its log rows.
    static func afterFirstEvent(_ yaml: String, key: UInt64 = 1) throws -> (world: World, log: [EventLog.Entry]) {
        let scenario = try scenario(yaml)
        var world = WorldBuilder.initialWorld(of: scenario)
        let log = apply(scenario, event: 0, to: &world, key: key)
        return (world, log)
    }

    /// Applies every event of the scenario in file order to its initial world (no dynamics).
    static func applyAll(_ scenario: Scenario, key: UInt64 = 1) -> (world: World, log: [EventLog.Entry]) {
        var world = WorldBuilder.initialWorld(of: scenario)
        var rows: [EventLog.Entry] = []
        let random = RandomStream(key: key)
        for index in scenario.events.indices {
            rows += apply(scenario, event: index, to: &world, random: random)
        }
        return (world, rows)
    }

    /// Runs one replicate and returns the world after every step.
    static func run(_ scenario: Scenario, replicate: Int = 0) -> (worlds: [World], events: [[EventLog.Entry]], result: RunResult) {
        var capture = ModelStepCapture()
        let result = Engine(scenario: scenario).run(replicate: replicate, observer: &capture)
        return (capture.worlds, capture.events, result)
    }

    /// The `p=` value a logged answer to a call for help carries.
    static func loggedProbability(_ entry: EventLog.Entry) -> Double? {
        guard let range = entry.detail.range(of: "p=") else { return nil }
        return Double(entry.detail[range.upperBound...].prefix { !$0.isWhitespace })
    }
}

/// Keeps the world after every step.
struct ModelStepCapture: StepObserver {
    var worlds: [World] = []
    var events: [[EventLog.Entry]] = []
    var wantsEvents: Bool { true }
    mutating func observe(world: World, step: Int, events log: [EventLog.Entry]) {
        worlds.append(world)
        events.append(log)
    }
}

/// A tiny deterministic generator for test data (SplitMix64), independent of the model's streams.
struct ModelTestGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform on [lower, upper), rounded to two decimals so the YAML is exact to read.
    mutating func value(_ lower: Double, _ upper: Double) -> Double {
        let u = Double(next() >> 11) / Double(1 << 53)
        return (((lower + (upper - lower) * u) * 100).rounded()) / 100
    }
}
