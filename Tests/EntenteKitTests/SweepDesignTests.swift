import CGSL
import EntenteTestSupport
import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// Sweep designs (grid, random, latin, sobol), shards, and the validation of sweep files — with concrete numbers.
final class SweepDesignTests: FolderTestCase {
    override class var folderPrefix: String { "entente-sweep-design" }

    // MARK: - Fixtures

    override func setUpWithError() throws {
        try super.setUpWithError()
        try Self.tinyScenario.write(to: folder.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
    }

    /// Four states, 24 monthly steps, a bloc, a covert transfer, its reveal and an attack.
    private static let tinyScenario = TinyWorlds.fourStatesTwoYears(parameters: nil, trust: [TinyWorlds.aDistrustsC],
                                                                     events: [TinyWorlds.covertSale, TinyWorlds.leak, TinyWorlds.war])

    /// Writes a sweep file beside tiny.yaml and returns its path.
    private func writeSweep(_ text: String, name: String = "sweep.yaml") throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private static let here = SourceLocation(file: "test.yaml", line: 1, column: 1)

    private func values(_ path: String, _ values: [Double]) -> SweepParameter {
        SweepParameter(path: path, domain: .values(values), location: Self.here)
    }

    private func range(_ path: String, from: Double, to: Double, steps: Int? = nil,
                       scale: SweepParameter.Scale = .linear) -> SweepParameter {
        SweepParameter(path: path, domain: .range(from: from, to: to, steps: steps, scale: scale), location: Self.here)
    }

    private func unitParameters(_ count: Int) -> [SweepParameter] {
        (0..<count).map { range("p\($0)", from: 0, to: 1) }
    }

    private func assertRelativelyEqual(_ actual: Double, _ expected: Double, tolerance: Double = 1e-15,
                                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThanOrEqual(abs(actual - expected), tolerance * abs(expected),
                                 "\(actual) differs from \(expected) by more than \(tolerance) relative", file: file, line: line)
    }

    // MARK: - grid

    func testGridIsTheCartesianProductWithTheFirstParameterSlowest() {
        let points = GridDesign.points(parameters: [values("a", [1, 2]), range("b", from: 0, to: 1, steps: 3)],
                                       samples: 64, seed: 1)
        XCTAssertEqual(points, [[1, 0], [1, 0.5], [1, 1], [2, 0], [2, 0.5], [2, 1]])
    }

    func testGridOrderOfThreeParametersIsNestedLoopsInDeclarationOrder() {
        let points = GridDesign.points(parameters: [values("a", [1, 2]), values("b", [10, 20, 30]), values("c", [100, 200])],
                                       samples: 1, seed: 1)
        XCTAssertEqual(points.count, 12)
        var expected: [[Double]] = []
        for a in [1.0, 2] { for b in [10.0, 20, 30] { for c in [100.0, 200] { expected.append([a, b, c]) } } }
        XCTAssertEqual(points, expected)
        // point = Σ index_k · Π_{j>k} count_j
        XCTAssertEqual(points[1 * 6 + 2 * 2 + 1], [2, 30, 200])
    }

    func testLogScaleGridIsGeometric() throws {
        let values = try XCTUnwrap(range("forgiveness", from: 0.001, to: 0.1, steps: 3, scale: .log).gridValues)
        XCTAssertEqual(values.count, 3)
        for (actual, expected) in zip(values, [0.001, 0.01, 0.1]) { assertRelativelyEqual(actual, expected) }
        XCTAssertEqual(values.last, 0.1, "the last grid value is exactly 'to'")
    }

    /// Both ends of a grid are the numbers written in the sweep file, on either scale: `to` is special-cased,
    /// and `from` should be too (exp(log(0.001)) is 0.0010000000000000002, which then shows in runs.csv and points.csv).
    func testGridEndpointsAreExactlyFromAndToOnBothScales() throws {
        for scale in [SweepParameter.Scale.linear, .log] {
            for (from, to) in [(0.001, 0.1), (0.01, 1.0), (0.05, 3.0), (0.1, 0.7)] {
                let values = try XCTUnwrap(range("x", from: from, to: to, steps: 5, scale: scale).gridValues)
                XCTAssertEqual(values.first, from, "\(scale) grid from \(from) to \(to): \(values)")
                XCTAssertEqual(values.last, to, "\(scale) grid from \(from) to \(to): \(values)")
            }
        }
    }

    func testLinearGridEndsExactlyAtToAndOneStepGivesFrom() throws {
        let values = try XCTUnwrap(range("x", from: 0, to: 0.3, steps: 4).gridValues)
        XCTAssertEqual(values.count, 4)
        XCTAssertEqual(values.first, 0)
        XCTAssertEqual(values.last, 0.3)
        assertRelativelyEqual(values[1], 0.1)
        assertRelativelyEqual(values[2], 0.2)
        XCTAssertEqual(range("x", from: 2, to: 5, steps: 1).gridValues, [2])
        XCTAssertNil(range("x", from: 2, to: 5).gridValues, "a range without steps has no grid values")
    }

    func testGridPlanFromASweepFileMatchesTheDesign() throws {
        let path = try writeSweep("""
            scenario: tiny.yaml
            seed: 3
            replicates: 4
            parameters:
              betrayal: {values: [1, 2]}
              complicity: {from: 0, to: 1, steps: 3}

            """)
        let (spec, _) = try SweepDecoder().load(path: path)
        let plan = SweepPlan(spec: spec)
        XCTAssertEqual(spec.design, .grid)
        XCTAssertEqual(plan.points, [[1, 0], [1, 0.5], [1, 1], [2, 0], [2, 0.5], [2, 1]])
        XCTAssertEqual(plan.runCount, 24)
        XCTAssertEqual(plan.settings(point: 4).map(\.path), ["betrayal", "complicity"])
        XCTAssertEqual(plan.settings(point: 4).map(\.value), [2, 0.5])
        XCTAssertEqual(plan.streamKey(point: 2, replicate: 3), StreamSeed.key(seed: 3, point: 2, replicate: 3))
    }

    // MARK: - latin

    /// The stratum k with k/n ≤ value < (k+1)/n, or nil when the value lies in none.
    private func stratum(of value: Double, count: Int) -> Int? {
        (0..<count).first { Double($0) / Double(count) <= value && value < Double($0 + 1) / Double(count) }
    }

    func testLatinHypercubePutsExactlyOnePointInEachStratumOfEachParameter() {
        let points = LatinHypercubeDesign.points(parameters: unitParameters(3), samples: 10, seed: 42)
        XCTAssertEqual(points.count, 10)
        for parameter in 0..<3 {
            let strata = points.map { stratum(of: $0[parameter], count: 10) }
            XCTAssertFalse(strata.contains(nil), "parameter \(parameter): a value outside [0, 1): \(points.map { $0[parameter] })")
            XCTAssertEqual(strata.compactMap { $0 }.sorted(), Array(0..<10), "parameter \(parameter): strata \(strata)")
        }
    }

    func testLatinHypercubeStrataHoldForManySeedsAndSizes() {
        for seed: UInt64 in [0, 1, 7, 2024, UInt64.max] {
            for samples in [1, 2, 5, 17] {
                let points = LatinHypercubeDesign.points(parameters: unitParameters(4), samples: samples, seed: seed)
                XCTAssertEqual(points.count, samples)
                for parameter in 0..<4 {
                    let strata = points.compactMap { stratum(of: $0[parameter], count: samples) }
                    XCTAssertEqual(strata.sorted(), Array(0..<samples), "seed \(seed), samples \(samples), parameter \(parameter)")
                }
            }
        }
    }

    func testLatinHypercubeOnALogScaleIsStratifiedInTheLogarithm() {
        let points = LatinHypercubeDesign.points(parameters: [range("f", from: 0.001, to: 1, scale: .log)], samples: 3, seed: 5)
        let decades = points.map { Int(floor(log10($0[0]) + 3)) }.sorted()
        XCTAssertEqual(decades, [0, 1, 2], "one point per decade: \(points)")
    }

    func testLatinHypercubeIsReproducibleBySeed() {
        let parameters = [range("a", from: 0, to: 1), range("b", from: -2, to: 3), range("c", from: 0.01, to: 10, scale: .log)]
        let first = LatinHypercubeDesign.points(parameters: parameters, samples: 10, seed: 42)
        let again = LatinHypercubeDesign.points(parameters: parameters, samples: 10, seed: 42)
        let other = LatinHypercubeDesign.points(parameters: parameters, samples: 10, seed: 43)
        XCTAssertEqual(first, again)
        XCTAssertNotEqual(first, other)
        for (a, b) in zip(first, other) { XCTAssertNotEqual(a, b, "another seed should move every point") }
    }

    // MARK: - sobol

    /// GSL's own Sobol sequence (gsl_qrng_sobol), first `count` points, nothing skipped.
    private func gslSobol(dimensions: Int, count: Int) throws -> [[Double]] {
        let generator = try XCTUnwrap(gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimensions)))
        defer { gsl_qrng_free(generator) }
        var buffer = [Double](repeating: 0, count: dimensions)
        return (0..<count).map { _ in
            XCTAssertEqual(gsl_qrng_get(generator, &buffer), 0)
            return buffer
        }
    }

    func testSobolStartsAtGSLsSecondPoint() throws {
        let points = SobolDesign.points(parameters: unitParameters(3), samples: 4, seed: 1)
        XCTAssertEqual(points.count, 4)
        XCTAssertEqual(points[0], [0.75, 0.25, 0.75])
        XCTAssertEqual(points[1], [0.25, 0.75, 0.25])
        XCTAssertEqual(points[2], [0.375, 0.375, 0.625])
        // The fourth point, straight from GSL: its point 5 (its first, the centre, is skipped).
        let gsl = try gslSobol(dimensions: 3, count: 5)
        XCTAssertEqual(gsl[0], [0.5, 0.5, 0.5], "GSL's first Sobol point is the centre")
        XCTAssertEqual(gsl[4], [0.875, 0.875, 0.125])
        XCTAssertEqual(points[3], gsl[4])
    }

    func testSobolMatchesGSLPointByPointAfterTheSkippedCentre() throws {
        for dimensions in [1, 3, 8, 40] {
            let gsl = try gslSobol(dimensions: dimensions, count: 65)
            let points = SobolDesign.unitPoints(dimensions: dimensions, samples: 64)
            XCTAssertEqual(points, Array(gsl[1...]), "dimensions \(dimensions)")
        }
    }

    func testSobolScalesUnitPointsToEachRangeAndIgnoresTheSeed() {
        let parameters = [range("a", from: 2, to: 4), range("b", from: 0.01, to: 1, scale: .log), values("c", [10, 20, 30, 40])]
        let points = SobolDesign.points(parameters: parameters, samples: 3, seed: 1)
        // GSL's points 2 and 3: (0.75, 0.25, 0.75) and (0.25, 0.75, 0.25).
        XCTAssertEqual(points[0][0], 3.5)                                    // 2 + 0.75 · 2
        assertRelativelyEqual(points[0][1], 0.01 * pow(100, 0.25), tolerance: 1e-14)  // geometric: 0.0316…
        XCTAssertEqual(points[0][2], 40)                                     // values[⌊0.75 · 4⌋ = 3]
        XCTAssertEqual(points[1][0], 2.5)                                    // 2 + 0.25 · 2
        assertRelativelyEqual(points[1][1], 0.01 * pow(100, 0.75), tolerance: 1e-14)  // 0.316…
        XCTAssertEqual(points[1][2], 20)                                     // values[⌊0.25 · 4⌋ = 1]
        XCTAssertEqual(points, SobolDesign.points(parameters: parameters, samples: 3, seed: 99), "sobol is deterministic")
    }

    // MARK: - random

    func testRandomDrawsSamplesPointsWithinBoundsReproducibly() {
        let parameters = [range("a", from: -1, to: 1), range("b", from: 0.001, to: 0.1, scale: .log), values("c", [3, 5, 7])]
        let points = RandomDesign.points(parameters: parameters, samples: 200, seed: 11)
        XCTAssertEqual(points.count, 200)
        for point in points {
            XCTAssertEqual(point.count, 3)
            XCTAssertTrue(point[0] >= -1 && point[0] < 1, "\(point)")
            XCTAssertTrue(point[1] >= 0.001 * (1 - 1e-15) && point[1] < 0.1, "\(point)")
            XCTAssertTrue([3, 5, 7].contains(point[2]), "\(point)")
        }
        XCTAssertEqual(Set(points.map { $0[2] }), [3, 5, 7], "200 draws should hit every listed value")
        XCTAssertEqual(Set(points.map { $0[0] }).count, 200, "continuous draws should not repeat")
        XCTAssertEqual(points, RandomDesign.points(parameters: parameters, samples: 200, seed: 11))
        XCTAssertNotEqual(points, RandomDesign.points(parameters: parameters, samples: 200, seed: 12))
        // A prefix of a longer draw: points are drawn one after the other from the same stream.
        XCTAssertEqual(Array(RandomDesign.points(parameters: parameters, samples: 300, seed: 11).prefix(200)), points)
    }

    func testRandomDrawsComeFromTheDesignStream() {
        let parameters = [range("a", from: 0, to: 1), range("b", from: 0, to: 1)]
        let points = RandomDesign.points(parameters: parameters, samples: 2, seed: 5)
        let stream = DesignRegistry.designStream(seed: 5)
        let draws = (0..<4).map { _ in stream.uniform() }
        XCTAssertEqual(points, [[draws[0], draws[1]], [draws[2], draws[3]]])
    }

    // MARK: - Shard

    func testShardsPartitionEveryRunExactlyOnce() {
        let pointCount = 5, replicates = 4, runs = pointCount * replicates
        for count in [1, 2, 3, 7] {
            var owners = [[Int]](repeating: [], count: runs)
            for index in 0..<count {
                let shard = Shard(index: index, count: count)
                var size = 0
                for replicate in 0..<replicates {
                    for point in 0..<pointCount where shard.contains(point: point, replicate: replicate, pointCount: pointCount) {
                        owners[replicate * pointCount + point].append(index)
                        size += 1
                    }
                }
                if count <= runs { XCTAssertGreaterThan(size, 0, "shard \(shard) is empty") }
                // Round-robin: sizes differ by at most one.
                XCTAssertTrue(size == runs / count || size == runs / count + 1, "shard \(shard) has \(size) runs")
            }
            for (run, shards) in owners.enumerated() {
                XCTAssertEqual(shards.count, 1, "N = \(count): run \(run) is in shards \(shards)")
            }
        }
    }

    func testShardsOfAPlanCoverItsRunsAndWorkUnits() throws {
        let path = try writeSweep("""
            scenario: tiny.yaml
            replicates: 4
            parameters:
              betrayal: {values: [0, 0.5, 1, 1.5, 2]}

            """)
        let (spec, _) = try SweepDecoder().load(path: path)
        let plan = SweepPlan(spec: spec)
        XCTAssertEqual(plan.points.count, 5)
        XCTAssertEqual(plan.runCount, 20)
        for count in [1, 2, 3, 7] {
            var seen: [Int: Int] = [:]
            var total = 0
            for index in 0..<count {
                let shard = Shard(index: index, count: count)
                let units = SweepRunner.workUnits(plan: plan, shard: shard, done: [])
                let runs = units.flatMap { unit in unit.replicates.map { unit.point * 4 + $0 } }
                XCTAssertEqual(runs.count, plan.runCount(in: shard), "shard \(shard)")
                XCTAssertGreaterThan(runs.count, 0, "shard \(shard) is empty")
                for run in runs { seen[run, default: 0] += 1 }
                total += runs.count
            }
            XCTAssertEqual(total, 20, "N = \(count)")
            XCTAssertEqual(seen.count, 20, "N = \(count)")
            XCTAssertTrue(seen.values.allSatisfy { $0 == 1 }, "N = \(count): \(seen)")
        }
        // Runs already done are not handed out again.
        let units = SweepRunner.workUnits(plan: plan, shard: .whole, done: [0, 1, 7])
        let left = Set(units.flatMap { unit in unit.replicates.map { unit.point * 4 + $0 } })
        XCTAssertEqual(left, Set(0..<20).subtracting([0, 1, 7]))
    }

    func testShardParsing() throws {
        XCTAssertEqual(try Shard(parsing: "0/4"), Shard(index: 0, count: 4))
        XCTAssertEqual(try Shard(parsing: "3/4"), Shard(index: 3, count: 4))
        XCTAssertEqual(try Shard(parsing: "0/1"), Shard.whole)
        XCTAssertEqual(Shard(index: 2, count: 5).folderName, "shard-2-of-5")
        XCTAssertEqual(Shard(index: 2, count: 5).description, "2/5")
        for text in ["4/4", "-1/2", "a/b", "1", "0/0", "1/2/3", "", "/2", "2/"] {
            XCTAssertThrowsError(try Shard(parsing: text), "'\(text)' should be refused") { error in
                guard case EntenteError.usage(let message) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(message, "--shard \(text): expected K/N with 0 ≤ K < N, for example --shard 0/4")
            }
        }
    }

    // MARK: - SweepDecoder validation

    /// The diagnostics of loading `text` as a sweep file, one per line.
    private func problems(_ text: String, name: String = "sweep.yaml", file: StaticString = #filePath, line: UInt = #line) throws -> (String, String) {
        let path = try writeSweep(text, name: name)
        do {
            _ = try SweepDecoder().load(path: path)
            XCTFail("\(name) should be refused", file: file, line: line)
            return (path, "")
        } catch let error as EntenteError {
            guard case .data = error else {
                XCTFail("expected a data error, got \(error)", file: file, line: line)
                return (path, error.description)
            }
            return (path, error.description)
        }
    }

    func testUnknownTopLevelKeyIsRefusedWithItsPosition() throws {
        let (path, message) = try problems("""
            scenario: tiny.yaml
            parameters:
              betrayal: {values: [1, 2]}
            colour: red

            """)
        XCTAssertEqual(message, "\(path):4:1: error: unknown key 'colour' in the sweep; expected one of: name, description, scenario, variant, seed, replicates, design, samples, parameters, outcomes, record, variants, second_order, skip, levels, candidates, file")
    }

    func testUnknownPathSuggestsTheNearestParameter() throws {
        let (path, message) = try problems("""
            scenario: tiny.yaml
            parameters:
              betrayl: {values: [1, 2]}

            """)
        XCTAssertEqual(message, "\(path):3:3: error: parameter 'betrayl': unknown parameter 'betrayl' (did you mean 'betrayal'?); see docs/model.md for the list")
    }

    func testValueOutsideTheParametersRangeIsRefusedBeforeAnyRun() throws {
        let text = """
            scenario: tiny.yaml
            parameters:
              complicity: {values: [0, 1]}
              betrayal: {from: 1, to: 99, steps: 3}

            """
        let (path, message) = try problems(text)
        XCTAssertEqual(message, "\(path):4:3: error: parameter 'betrayal' cannot take 99: 'betrayal' must be between 0 and 10; found 99")
        // The runner refuses it too, before creating its folder or running anything.
        var request = SweepRunner.Request(path: path)
        let out = folder.appendingPathComponent("out").path
        request.out = out
        request.jobs = 1
        XCTAssertThrowsError(try SweepRunner.execute(request)) { error in
            guard case EntenteError.data(let diagnostics) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(diagnostics.map(\.message), ["parameter 'betrayal' cannot take 99: 'betrayal' must be between 0 and 10; found 99"])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing should be written")
    }

    func testValueListOutsideAnEventFieldsRangeIsRefused() throws {
        let (path, message) = try problems("""
            scenario: tiny.yaml
            parameters:
              events.war.intensity: {values: [0.5, 20]}

            """)
        XCTAssertEqual(message, "\(path):3:3: error: parameter 'events.war.intensity' cannot take 20: 'intensity' must be between 0 and 10; found 20")
    }

    /// A path the editor cannot set is the path's problem whatever the value: the editor's typed error
    /// decides, not the wording of its message (which once sent `kinds.X.delta` to "cannot take").
    func testAPathNamingNoKindIsAPathProblemNotAValueProblem() throws {
        let (path, message) = try problems("""
            scenario: tiny.yaml
            parameters:
              kinds.zzz.delta: {values: [1]}

            """)
        XCTAssertEqual(message, "\(path):3:3: error: parameter 'kinds.zzz.delta': no kind 'zzz' is declared under `kinds:`; expected one of: none declared")
    }

    func testFromGreaterThanToIsRefused() throws {
        let (path, message) = try problems("""
            scenario: tiny.yaml
            parameters:
              betrayal: {from: 3, to: 1, steps: 3}

            """)
        XCTAssertEqual(message, "\(path):3:20: error: parameter 'betrayal': 'from' (3.0) is greater than 'to' (1.0); expected from ≤ to")
    }

    func testLogScaleNeedsAPositiveFrom() throws {
        let (path, message) = try problems("""
            scenario: tiny.yaml
            parameters:
              betrayal: {from: 0, to: 1, steps: 3, scale: log}

            """)
        XCTAssertEqual(message, "\(path):3:20: error: parameter 'betrayal': a log scale needs from > 0; found 0.0")
    }

    func testGridParameterNeedsSteps() throws {
        let (path, message) = try problems("""
            scenario: tiny.yaml
            parameters:
              betrayal: {from: 0, to: 1}

            """)
        XCTAssertEqual(message, "\(path):3:3: error: parameter 'betrayal' needs 'steps' or 'values' in a grid design")
        // The same range is fine in a sampled design.
        let sampled = try writeSweep("""
            scenario: tiny.yaml
            design: latin
            samples: 5
            parameters:
              betrayal: {from: 0, to: 1}

            """, name: "latin.yaml")
        let (spec, _) = try SweepDecoder().load(path: sampled)
        XCTAssertEqual(SweepPlan(spec: spec).points.count, 5)
    }

    func testMissingScenarioFileIsRefusedAtTheScenarioKey() throws {
        let (path, message) = try problems("""
            scenario: nothere.yaml
            parameters:
              betrayal: {values: [1]}

            """)
        var looked = folder.appendingPathComponent("nothere.yaml").standardized.path
        let current = FileManager.default.currentDirectoryPath + "/"
        if looked.hasPrefix(current) { looked = String(looked.dropFirst(current.count)) }
        XCTAssertEqual(message, "\(path):1:11: error: scenario file nothere.yaml not found (looked at \(looked)); paths are relative to the sweep file")
    }

    func testUnknownDesignSuggestsTheNearestName() throws {
        let (path, message) = try problems("""
            scenario: tiny.yaml
            design: sobl
            parameters:
              betrayal: {values: [1, 2]}

            """)
        XCTAssertEqual(message, "\(path):2:9: error: 'design' must be one of grid, random, latin, sobol, saltelli, morris, file; found 'sobl' (did you mean 'sobol'?)")
    }

    func testValuesAndRangeTogetherAreRefused() throws {
        let (path, message) = try problems("""
            scenario: tiny.yaml
            parameters:
              betrayal: {values: [1, 2], from: 0}

            """)
        XCTAssertEqual(message, "\(path):3:3: error: parameter 'betrayal' gives both 'values' and a range; expected one of them")
    }

    func testDefaultsOfAMinimalSweep() throws {
        let path = try writeSweep("""
            scenario: tiny.yaml
            parameters:
              betrayal: {values: [1]}

            """)
        let (spec, _) = try SweepDecoder().load(path: path)
        XCTAssertEqual(spec.design, .grid)
        XCTAssertEqual(spec.seed, 1)
        XCTAssertEqual(spec.replicates, 10)
        XCTAssertEqual(spec.samples, 64)
        XCTAssertEqual(spec.record, .outcomes)
        XCTAssertNil(spec.outcomes)
        XCTAssertEqual(spec.scenarioReference, "tiny.yaml")
        XCTAssertEqual(spec.scenarioPath, folder.appendingPathComponent("tiny.yaml").standardized.path)
    }

    func testShippedSweepFilesLoad() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let grid = try SweepDecoder().load(path: root.appendingPathComponent("Scenarios/sweeps/betrayal-complicity.yaml").path).0
        XCTAssertEqual(SweepPlan(spec: grid).points.count, 25)
        XCTAssertEqual(SweepPlan(spec: grid).runCount, 2500)
        let sobol = try SweepDecoder().load(path: root.appendingPathComponent("Scenarios/sweeps/sobol-eight.yaml").path).0
        let plan = SweepPlan(spec: sobol)
        XCTAssertEqual(plan.points.count, 256)
        XCTAssertEqual(plan.points[0].count, 8)
        XCTAssertEqual(plan.runCount, 12_800)
    }

    // MARK: - Typed points

    /// A point that only sets model parameters is a typed edit of the compiled engine, and gives the
    /// very outcomes of the scenario decoded again from the edited YAML (the path sweeps took before),
    /// also for a parameter that shapes the world at step 0 (member_trust).
    func testParameterPointsAreTypedEditsWithTheOutcomesOfTheReDecodedScenario() throws {
        let path = try writeSweep("""
            scenario: tiny.yaml
            seed: 5
            replicates: 2
            parameters:
              betrayal: {values: [0.5, 3.0]}
              parameters.member_trust: {values: [0.1, 0.9]}

            """)
        let (spec, template) = try SweepDecoder().load(path: path)
        let plan = SweepPlan(spec: spec)
        let engines = PointEngines(template: template, paths: spec.parameters.map(\.path))
        XCTAssertTrue(engines.isTyped)
        XCTAssertEqual(plan.points.count, 4)
        for point in plan.points.indices {
            let settings = plan.settings(point: point)
            let typed = try engines.engine(settings)
            let decoded = Engine(scenario: try template.instantiate(settings))
            XCTAssertEqual(typed.scenario.parameters, decoded.scenario.parameters)
            XCTAssertEqual(typed.initialWorld.trust, decoded.initialWorld.trust, "point \(point)")
            for replicate in 0..<2 {
                var a = NullObserver(), b = NullObserver()
                // Bit patterns: a date outcome that never happened is NaN.
                XCTAssertEqual(typed.run(replicate: replicate, point: point, seed: 5, observer: &a).outcomes.map(\.bitPattern),
                               decoded.run(replicate: replicate, point: point, seed: 5, observer: &b).outcomes.map(\.bitPattern))
            }
        }
        // member_trust 0.9 vs 0.1 changes the world at step 0 (A–B are co-members without a listed trust).
        XCTAssertEqual(try engines.engine([("betrayal", 0.5), ("parameters.member_trust", 0.9)]).initialWorld.trust(0, 1), 0.9)
        XCTAssertEqual(try engines.engine([("betrayal", 0.5), ("parameters.member_trust", 0.1)]).initialWorld.trust(0, 1), 0.1)
    }

    /// A path into the events is not a model parameter: such points are rebuilt from the template.
    func testPointsThatEditEventsAreRebuiltFromTheTemplate() throws {
        let path = try writeSweep("""
            scenario: tiny.yaml
            parameters:
              events.sale.value: {values: [0.5, 2.0]}
              betrayal: {values: [1.0]}

            """)
        let (spec, template) = try SweepDecoder().load(path: path)
        let engines = PointEngines(template: template, paths: spec.parameters.map(\.path))
        XCTAssertFalse(engines.isTyped)
        let engine = try engines.engine([("events.sale.value", 2.0), ("betrayal", 1.0)])
        XCTAssertEqual((engine.scenario.events[0].effect as? ArmsTransfer)?.value, 2.0)
        XCTAssertEqual(engine.scenario.parameters[.betrayal], 1.0)
    }
    /// `sweep --model 2` builds every arm under model 2: the baseline and a paired sweep's variants (which
    /// once kept the file's rule set), on typed points and on points that edit events alike.
    func testModelOverrideReachesTheVariantArmsOfAPairedSweep() throws {
        let scenario = Self.tinyScenario + """
            variants:
              - {name: no-sale, remove: {id: sale}}

            """
        try scenario.write(to: folder.appendingPathComponent("paired.yaml"), atomically: true, encoding: .utf8)
        for paths in [["betrayal"], ["events.war.intensity"]] {
            let path = try writeSweep("""
                scenario: paired.yaml
                variants: [no-sale]
                parameters:
                  \(paths[0]): {values: [1.0, 2.0]}

                """)
            var (spec, template) = try SweepDecoder().load(path: path)
            template.model = 2
            let settings = [(path: paths[0], value: 2.0)]
            XCTAssertEqual(try PointEngines(template: template, paths: spec.parameters.map(\.path)).engine(settings).scenario.model, 2)
            let arms = try SweepPairing(template: template, variants: spec.variants, paths: spec.parameters.map(\.path)).engines(settings)
            XCTAssertEqual(arms.map(\.scenario.model), [2], paths[0])
            XCTAssertEqual(arms.map(\.scenario.events.count), [1], "the variant removes the sale, and the reveal left empty")
        }
    }

    /// A point that edits events is the scenario `--set` gives at the same values, field for field, also
    /// with a variant and `--model`; a point the scenario refuses gets `--set`'s message.
    func testPointsThatEditEventsAreTheScenarioSetGives() throws {
        let path = try writeSweep("""
            scenario: tiny.yaml
            parameters:
              events.war.intensity: {values: [0.5, 2.0]}

            """)
        let (_, template) = try SweepDecoder().load(path: path)
        XCTAssertNil(PointEdits(template: template, paths: ["events.war.intensity", "betrayal", "parameters.betrayal"]),
                     "a path named twice takes the template's path, which refuses it")
        let edits = try XCTUnwrap(PointEdits(template: template, paths: ["events.war.intensity", "parameters.betrayal"]))
        let edited = try XCTUnwrap(edits.scenario([2.5, 0.75]))
        XCTAssertEqual((edited.events[2].effect as? Attack)?.call.intensity, 2.5)
        XCTAssertEqual(edited.parameters[.betrayal], 0.75)
        XCTAssertEqual(edited.explicitParameters, [.betrayal])
        XCTAssertNil(edits.scenario([12, 0.75]), "intensity above 10 does not decode")
        XCTAssertThrowsError(try template.instantiate([("events.war.intensity", 12), ("parameters.betrayal", 0.75)])) { error in
            XCTAssertEqual("\(error)", "error: --set events.war.intensity=12: 'intensity' must be between 0 and 10; found 12")
        }
    }
}
