import EntenteCore
@testable import EntenteKit
import EntenteTestSupport
import Foundation
import XCTest

/// `run`/`compare --posterior`: which particles are drawn, the estimator, and what is refused.
final class PosteriorTests: FolderTestCase {
    override class var folderPrefix: String { "entente-posterior" }

    /// The test's folder (tests name their calibration folders `folder`).
    private var root: URL { folder }

    /// A 3-state year with a covert sale, its reveal and an attack; a variant without the sale.
    private static let scenario = TinyWorlds.covertSaleYear(replicates: 6, variants: [TinyWorlds.noSale])

    private func file(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A calibration folder with these particles.csv rows and a manifest of the given status.
    private func calibration(_ name: String, _ particles: String, status: String = "complete", final: Int = 0) throws -> String {
        _ = try file("\(name)/particles.csv", particles)
        _ = try file("\(name)/manifest.json", "{\n  \"tool\": \"entente\",\n  \"command\": \"calibrate\",\n  \"status\": \"\(status)\",\n  \"final_generation\": \(final)\n}\n")
        return root.appendingPathComponent(name).path
    }

    private func message(_ body: () throws -> Void) -> (String, Int32)? {
        do { try body() } catch let error as EntenteError { return (error.description, error.exitStatus) } catch { return ("\(error)", -1) }
        return nil
    }

    // MARK: - Draws

    func testDrawnParticleIndexesArePinnedBySeedAndWeights() {
        XCTAssertEqual(PosteriorDraws.indices(weights: [0.2, 0.3, 0.5], count: 10, seed: 7), [1, 2, 2, 2, 0, 2, 2, 1, 1, 1])
        XCTAssertEqual(PosteriorDraws.indices(weights: [0.2, 0.3, 0.5], count: 4, seed: 7), [1, 2, 2, 2], "the first M draws of a larger M")
        XCTAssertEqual(PosteriorDraws.indices(weights: [0, 1, 0], count: 5, seed: 99), [1, 1, 1, 1, 1])
        XCTAssertNil(PosteriorDraws.indices(weights: [0, 0], count: 5, seed: 1))
    }

    func testTheFinalGenerationIsTheLastInTheFile() throws {
        let folder = try calibration("cal", "generation,particle,weight,betrayal,share,distance_1\n0,0,1,9,1,0.5\n1,0,0.25,1,1,0.1\n1,1,0.75,3,1,0.1\n", final: 1)
        let source = try PosteriorSource.load(folder: folder, allowIncomplete: false)
        XCTAssertEqual(source.population.generation, 1)
        XCTAssertEqual(source.population.values, [1, 3])
        XCTAssertEqual(source.parameters, [.betrayal])
        XCTAssertEqual(source.status, "complete")
    }

    // MARK: - Estimator

    func testTheEstimateIsTheMeanOfDrawMeansAndTheBandTheirQuantiles() {
        // Two draws, each constant: draw means 1 and 0. Bootstrap means of 2 picked draws are 0, 0.5 or 1.
        let estimate = PosteriorEstimator.estimate([[1, 1], [0, 0, .nan]], random: PosteriorEstimator.stream(seed: 1, row: 0))
        XCTAssertEqual(estimate.n, 4)
        XCTAssertEqual(estimate.draws, 2)
        XCTAssertEqual(estimate.mean, 0.5)
        XCTAssertEqual(estimate.drawQ05, 0.05, accuracy: 1e-15)
        XCTAssertEqual(estimate.drawQ95, 0.95, accuracy: 1e-15)
        XCTAssertEqual(estimate.ci95Low, 0)
        XCTAssertEqual(estimate.ci95High, 1)
    }

    func testReplicateNoiseWidensTheIntervalButNotTheParameterBand() {
        // One draw with values 0 and 1: no parameter spread, but resampling replicates gives 0, 0.5 or 1.
        let estimate = PosteriorEstimator.estimate([[0, 1]], random: PosteriorEstimator.stream(seed: 1, row: 0))
        XCTAssertEqual(estimate.mean, 0.5)
        XCTAssertEqual(estimate.drawQ05, 0.5)
        XCTAssertEqual(estimate.drawQ95, 0.5)
        XCTAssertEqual(estimate.ci95Low, 0)
        XCTAssertEqual(estimate.ci95High, 1)
        XCTAssertEqual(PosteriorEstimator.estimate([[2, 2], [2]], random: PosteriorEstimator.stream(seed: 1, row: 0)),
                       PosteriorEstimate(n: 3, draws: 2, mean: 2, ci95Low: 2, ci95High: 2, drawQ05: 2, drawQ95: 2))
        XCTAssertEqual(PosteriorEstimator.estimate([[.nan], []], random: PosteriorEstimator.stream(seed: 1, row: 0)).draws, 0)
    }

    // MARK: - Against plain runs

    func testAPosteriorAtTheDefaultsGivesThePlainRunsEstimates() throws {
        let path = try file("tiny.yaml", Self.scenario)
        let folder = try calibration("defaults", "generation,particle,weight,betrayal,noise,share,distance_1\n0,0,0.5,2,0.01,1,0.1\n0,1,0.5,2,0.01,1,0.2\n")
        var plain = ScenarioRun.Request(path: path)
        plain.out = root.appendingPathComponent("plain").path
        let expected = try ScenarioRun.execute(plain)
        var drawn = plain
        drawn.out = root.appendingPathComponent("drawn").path
        drawn.posterior = PosteriorOptions(folder: folder, draws: 1)
        let got = try ScenarioRun.execute(drawn)
        XCTAssertEqual(got.means.map(\.name), ["a_left", "a_trust_b"])
        XCTAssertEqual(got.means.map(\.mean.bitPattern), expected.means.map(\.mean.bitPattern))

        var compare = Comparison.Request(path: path)
        compare.out = root.appendingPathComponent("compare").path
        let plainEffects = try Comparison.execute(compare).effects
        compare.out = root.appendingPathComponent("compare-drawn").path
        compare.posterior = PosteriorOptions(folder: folder, draws: 1)
        let drawnEffects = try Comparison.execute(compare).effects
        XCTAssertEqual(drawnEffects.map(\.difference.bitPattern), plainEffects.map(\.difference.bitPattern))
        XCTAssertEqual(drawnEffects.map(\.variantMean.bitPattern), plainEffects.map(\.variantMean.bitPattern))
        XCTAssertEqual(drawnEffects.map(\.baselineMean.bitPattern), plainEffects.map(\.baselineMean.bitPattern))

        // With more draws, draw 0's replicates are the plain run's replicates, row for row.
        drawn.out = root.appendingPathComponent("drawn3").path
        drawn.posterior = PosteriorOptions(folder: folder, draws: 3)
        _ = try ScenarioRun.execute(drawn)
        let plainRows = try String(contentsOfFile: plain.out! + "/outcomes.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let drawnRows = try String(contentsOfFile: drawn.out! + "/outcomes.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertEqual(drawnRows.count, 18)
        XCTAssertEqual(drawnRows.prefix(6).map { String($0.dropFirst(2)) }, plainRows.map(String.init))
        XCTAssertEqual(try String(contentsOfFile: drawn.out! + "/draws.csv", encoding: .utf8),
                       "draw,particle,betrayal,noise\n0,1,2.0,0.01\n1,1,2.0,0.01\n2,1,2.0,0.01\n")
    }

    func testTheManifestRecordsThePosterior() throws {
        let path = try file("tiny.yaml", Self.scenario.replacingOccurrences(of: "replicates: 6", with: "replicates: 2\nparameters: {betrayal: 4}"))
        let folder = try calibration("cal", "generation,particle,weight,betrayal,share,distance_1\n0,0,1,1,1,0.1\n")
        var request = Comparison.Request(path: path)
        request.out = root.appendingPathComponent("out").path
        request.posterior = PosteriorOptions(folder: folder, draws: 2)
        _ = try Comparison.execute(request)
        let data = try Data(contentsOf: URL(fileURLWithPath: request.out! + "/manifest.json"))
        let posterior = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["posterior"] as? [String: Any])
        XCTAssertEqual(posterior["folder"] as? String, folder)
        XCTAssertEqual(posterior["particles_sha256"] as? String,
                       SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: folder + "/particles.csv"))))
        XCTAssertEqual(posterior["draws"] as? Int, 2)
        XCTAssertEqual(posterior["final_generation"] as? Int, 0)
        XCTAssertEqual(posterior["scenario_values_replaced"] as? [String], ["betrayal"])
        let effects = try String(contentsOfFile: request.out! + "/effects.csv", encoding: .utf8)
        XCTAssertTrue(effects.hasPrefix((Comparison.effectColumns + Comparison.posteriorEffectColumns).joined(separator: ",") + "\n"))
    }

    func testAVariantThatSetsAFittedParameterKeepsItsOwnValue() throws {
        let path = try file("tiny.yaml", Self.scenario + "  - {name: harsh, set: {betrayal: 9}}\n")
        let folder = try calibration("cal", "generation,particle,weight,betrayal,share,distance_1\n0,0,1,0.5,1,0.1\n")
        var plain = Comparison.Request(path: path)
        plain.out = root.appendingPathComponent("plain").path
        _ = try Comparison.execute(plain)
        var drawn = plain
        drawn.out = root.appendingPathComponent("drawn").path
        drawn.posterior = PosteriorOptions(folder: folder, draws: 2)
        _ = try Comparison.execute(drawn)
        func rows(_ folder: String, _ arm: String) throws -> [String] {
            try String(contentsOfFile: folder + "/outcomes.csv", encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix(arm + ",") }.map(String.init)
        }
        // The harsh arm runs at betrayal 9 in every draw: draw 0 is the plain harsh arm, row for row.
        let harsh = try rows(drawn.out!, "harsh")
        XCTAssertEqual(harsh.prefix(6).map { $0.replacingOccurrences(of: "harsh,0,", with: "harsh,") }, try rows(plain.out!, "harsh"))
        // The baseline runs at the drawn betrayal 0.5, so it differs from the plain baseline (betrayal 2).
        XCTAssertNotEqual(try rows(drawn.out!, "baseline").prefix(6).map { $0.replacingOccurrences(of: "baseline,0,", with: "baseline,") },
                          try rows(plain.out!, "baseline"))
        let data = try Data(contentsOf: URL(fileURLWithPath: drawn.out! + "/manifest.json"))
        let posterior = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["posterior"] as? [String: Any]
        XCTAssertEqual(posterior?["variant_values_kept"] as? [String: [String]], ["harsh": ["betrayal"]])
        XCTAssertEqual(posterior?["scenario_values_replaced"] as? [String], [])
    }

    // MARK: - Refusals

    func testAColumnThatIsNotAParameterIsRefusedAtItsColumn() throws {
        let folder = try calibration("cal", "generation,particle,weight,betrayl,share,distance_1\n0,0,1,1,1,0.1\n")
        let got = message { _ = try PosteriorSource.load(folder: folder, allowIncomplete: false) }
        XCTAssertEqual(got?.0, "\(folder)/particles.csv:1:28: error: column 'betrayl' is not a model parameter (did you mean 'betrayal'?); the posterior's columns must be parameters listed in docs/model.md#parameters")
        XCTAssertEqual(got?.1, 65)
    }

    func testAValueOutsideTheParametersRangeIsRefusedAtItsLineAndColumn() throws {
        let folder = try calibration("cal", "generation,particle,weight,noise,betrayal,share,distance_1\n0,0,0.5,0.1,1,1,0.3\n0,1,0.5,0.1,11,1,0.3\n")
        let got = message { _ = try PosteriorSource.load(folder: folder, allowIncomplete: false) }
        XCTAssertEqual(got?.0, "\(folder)/particles.csv:3:13: error: 'betrayal' must be in [0, 10], the parameter's range (docs/model.md#parameters); found 11")
        XCTAssertEqual(got?.1, 65)
    }

    func testAnIncompleteCalibrationIsRefusedUnlessAllowed() throws {
        let folder = try calibration("cal", "generation,particle,weight,betrayal,share,distance_1\n0,0,1,1,1,0.1\n", status: "running")
        let got = message { _ = try PosteriorSource.load(folder: folder, allowIncomplete: false) }
        XCTAssertEqual(got?.0, "\(folder)/manifest.json:4:3: error: the calibration is not complete (status 'running'); finish or resume it; pass --allow-incomplete to use its last generation (0) anyway")
        XCTAssertEqual(got?.1, 65)
        XCTAssertEqual(try PosteriorSource.load(folder: folder, allowIncomplete: true).status, "running")
    }

    func testACompleteManifestMustNameTheLastGeneration() throws {
        let folder = try calibration("cal", "generation,particle,weight,betrayal,share,distance_1\n0,0,1,1,1,0.1\n", final: 3)
        let got = message { _ = try PosteriorSource.load(folder: folder, allowIncomplete: false) }
        XCTAssertEqual(got?.0, "\(folder)/manifest.json:5:3: error: final_generation is 3 but the last generation in particles.csv is 0; the folder was edited or mixed — rerun or resume the calibration")
    }

    func testAMissingFolderExits66() {
        let got = message { _ = try PosteriorSource.load(folder: "/nonexistent/cal", allowIncomplete: false) }
        XCTAssertEqual(got?.0, "error: /nonexistent/cal/particles.csv: cannot read it; --posterior takes the results folder of `entente calibrate` (docs/calibration.md#using-a-posterior)")
        XCTAssertEqual(got?.1, 66)
    }

    func testSettingAFittedParameterIsAUsageError() throws {
        let path = try file("tiny.yaml", Self.scenario)
        let folder = try calibration("cal", "generation,particle,weight,betrayal,share,distance_1\n0,0,1,1,1,0.1\n")
        var request = ScenarioRun.Request(path: path)
        request.out = root.appendingPathComponent("out").path
        request.settings = ["parameters.betrayal=3"]
        request.posterior = PosteriorOptions(folder: folder, draws: 2)
        let got = message { _ = try ScenarioRun.execute(request) }
        XCTAssertEqual(got?.0, "error: --set parameters.betrayal=3: 'betrayal' is fitted in \(folder)/particles.csv, so each draw sets it; drop the --set, or run without --posterior")
        XCTAssertEqual(got?.1, 64)
        XCTAssertFalse(FileManager.default.fileExists(atPath: request.out!))
    }
}
