import Foundation
import XCTest

/// `design: saltelli` / `design: morris` sweeps and `entente analyze`, run as a subprocess on a tiny world.
final class SensitivityCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-sensitivity" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write(TinyScenarios.fourStates, to: "tiny.yaml")
    }

    private static func sweep(design: String, extra: String = "") -> String {
        """
        scenario: tiny.yaml
        seed: 5
        replicates: 4
        design: \(design)
        samples: 4
        \(extra)
        parameters:
          betrayal: {from: 0.5, to: 3}
          complicity: {from: 0, to: 1}
          hazard: {from: 1, to: 8, scale: log}

        """
    }

    func testASaltelliSweepWritesTheSameIndicesWhateverJobsAndShards() throws {
        try write(Self.sweep(design: "saltelli", extra: "second_order: true"), to: "s.yaml")
        let one = try entente(["sweep", "s.yaml", "--out", "one", "--jobs", "1", "--quiet"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.contains("one: 32 points, 128 runs"), one.stdout)  // 4 · (2·3 + 2)
        // 2 outcomes × (3 S1 + 3 ST + 3 S2 + 2 noise rows)
        XCTAssertTrue(one.stdout.contains("one/sensitivity.csv: 22 rows"), one.stdout)
        let lines = try text("one/sensitivity.csv").split(separator: "\n")
        XCTAssertEqual(lines.first, "outcome,parameter,parameter2,index,value,ci95_low,ci95_high")
        XCTAssertEqual(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",") }.prefix(11),
                       ["a_left,betrayal,,S1", "a_left,betrayal,,ST", "a_left,complicity,,S1", "a_left,complicity,,ST",
                        "a_left,hazard,,S1", "a_left,hazard,,ST", "a_left,betrayal,complicity,S2", "a_left,betrayal,hazard,S2",
                        "a_left,complicity,hazard,S2", "a_left,,,noise_share", "a_left,,,noise_share_of_means"])
        XCTAssertEqual(try entente(["sweep", "s.yaml", "--out", "two", "--jobs", "2", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["sweep", "s.yaml", "--out", "sh", "--shard", "0/2", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["sweep", "s.yaml", "--out", "sh", "--shard", "1/2", "--quiet"]).status, 0)
        let merged = try entente(["merge", "sh"])
        XCTAssertTrue(merged.stdout.contains("sh/sensitivity.csv: 22 rows"), merged.stdout)
        XCTAssertEqual(try text("one/sensitivity.csv"), try text("two/sensitivity.csv"))
        XCTAssertEqual(try text("one/sensitivity.csv"), try text("sh/sensitivity.csv"))
        // analyze again: the same bytes.
        let again = try text("one/sensitivity.csv")
        XCTAssertEqual(try entente(["analyze", "one"]).status, 0)
        XCTAssertEqual(try text("one/sensitivity.csv"), again)
    }

    func testAMorrisSweepWritesMuMuStarAndSigma() throws {
        try write(Self.sweep(design: "morris", extra: "levels: 4\ncandidates: 8"), to: "m.yaml")
        let result = try entente(["sweep", "m.yaml", "--out", "m", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("m: 16 points, 64 runs"), result.stdout)  // 4 trajectories · (3 + 1)
        let indices = try text("m/sensitivity.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[3] }
        XCTAssertEqual(indices.prefix(11), ["mu", "mu_star", "sigma", "mu", "mu_star", "sigma", "mu", "mu_star", "sigma", "noise_share", "noise_share_of_means"])
    }

    /// Scripts/salib_check.py feeds the sweep's outputs to SALib.analyze.sobol / .morris and requires the
    /// same S1, ST, S2 / mu, mu_star, sigma to 1e-9. CI installs SALib; without it the test skips.
    func testSALibComputesTheSameIndicesFromEntentesOutputs() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import SALib, pandas, numpy"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { throw XCTSkip("python3 with SALib and pandas is not installed (pip install SALib pandas); CI installs them") }
        try write(Self.sweep(design: "saltelli", extra: "second_order: true").replacingOccurrences(of: "samples: 4", with: "samples: 16"), to: "s.yaml")
        try write(Self.sweep(design: "morris", extra: "candidates: 12").replacingOccurrences(of: "samples: 4", with: "samples: 8"), to: "m.yaml")
        for (sweep, out) in [("s.yaml", "s"), ("m.yaml", "m")] {
            let run = try entente(["sweep", sweep, "--out", out, "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            check.arguments = ["python3", BuiltBinary.packageRoot.appendingPathComponent("Scripts/salib_check.py").path, out]
            check.currentDirectoryURL = folder
            let pipe = Pipe()
            check.standardOutput = pipe
            check.standardError = FileHandle.nullDevice
            try check.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            check.waitUntilExit()
            XCTAssertEqual(check.terminationStatus, 0, output)
            XCTAssertTrue(output.contains(", 0 differ by more than 1e-09"), output)
        }
        // Scripts/plot.py draws the indices (pandas and matplotlib come with the same CI step).
        let plot = Process()
        plot.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        plot.arguments = ["python3", BuiltBinary.packageRoot.appendingPathComponent("Scripts/plot.py").path, "s"]
        plot.currentDirectoryURL = folder
        plot.standardOutput = FileHandle.nullDevice
        plot.standardError = FileHandle.nullDevice
        try plot.run()
        plot.waitUntilExit()
        XCTAssertEqual(plot.terminationStatus, 0)
        let png = try Data(contentsOf: folder.appendingPathComponent("s/sensitivity.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertGreaterThan(png.count, 10_000)
    }

    func testAFileDesignRunsTheRowsOfItsCSVInFileOrder() throws {
        try write("hazard,betrayal\n1.0,0.5\n8,3\n", to: "design.csv")
        try write("scenario: tiny.yaml\nreplicates: 2\ndesign: file\nfile: design.csv\nparameters:\n  betrayal: {from: 0.5, to: 3}\n  hazard: {from: 1, to: 8}\n", to: "f.yaml")
        let result = try entente(["sweep", "f.yaml", "--out", "f", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("f: 2 points, 4 runs"), result.stdout)
        let points = try text("f/points.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        XCTAssertEqual(Array(Set(points)).sorted(), ["0,0.5,1.0", "1,3.0,8.0"])
    }

    func testAChangedDesignFileIsRefusedByResumeAndMerge() throws {
        let sweep = "scenario: tiny.yaml\nreplicates: 2\ndesign: file\nfile: design.csv\nparameters:\n  betrayal: {from: 0.5, to: 3}\n  hazard: {from: 1, to: 8}\n"
        try write("hazard,betrayal\n1.0,0.5\n8,3\n", to: "design.csv")
        try write(sweep, to: "f.yaml")
        XCTAssertEqual(try entente(["sweep", "f.yaml", "--out", "f", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["sweep", "f.yaml", "--out", "sh", "--shard", "0/2", "--quiet"]).status, 0)
        let manifest = try text("f/manifest.json")
        XCTAssertTrue(manifest.contains("\"design_file\" : {"), manifest)
        // Same sweep and scenario files, another point in the design: a different sweep.
        try write("hazard,betrayal\n1.0,0.5\n7,3\n", to: "design.csv")
        let resumed = try entente(["sweep", "f.yaml", "--out", "f", "--resume", "--quiet"])
        XCTAssertEqual(resumed.status, 64)
        XCTAssertEqual(resumed.stderr, "error: f holds a sweep of different files (the sweep, scenario or design file changed since it started); rerun with --force to start over, or --out to write elsewhere\n")
        XCTAssertEqual(try entente(["sweep", "f.yaml", "--out", "sh", "--shard", "1/2", "--quiet"]).status, 0)
        let merged = try entente(["merge", "sh"])
        XCTAssertEqual(merged.status, 64, merged.stderr)
        XCTAssertTrue(merged.stderr.contains("comes from another sweep (sweep_sha256"), merged.stderr)
        // Restoring the design file restores the identity.
        try write("hazard,betrayal\n1.0,0.5\n8,3\n", to: "design.csv")
        XCTAssertEqual(try entente(["sweep", "f.yaml", "--out", "f", "--resume", "--quiet"]).status, 0)
    }

    func testAFileDesignReportsBadCellsWithLineAndColumn() throws {
        try write("hazard,betrayl\n1,1\n", to: "h.csv")
        try write("hazard,betrayal\n1.0,x\n9,1\n1\n", to: "v.csv")
        for (csv, expected) in [("h.csv", ["h.csv:1:8: error: column 'betrayl' is not a swept parameter; expected one of betrayal, hazard (did you mean 'betrayal'?)",
                                           "h.csv:1:1: error: the header has no column 'betrayal'; every swept parameter needs one"]),
                                ("v.csv", ["v.csv:2:5: error: 'betrayal' must be a number; found 'x'",
                                           "v.csv:3:1: error: 'hazard' must lie in [1, 8] as the sweep file declares; found 9",
                                           "v.csv:4:1: error: expected 2 fields as in the header; found 1"])] {
            try write("scenario: tiny.yaml\ndesign: file\nfile: \(csv)\nparameters:\n  betrayal: {from: 0.5, to: 3}\n  hazard: {from: 1, to: 8}\n", to: "s.yaml")
            let result = try entente(["sweep", "s.yaml", "--out", "never", "--quiet"])
            XCTAssertEqual(result.status, 65)
            XCTAssertEqual(result.stderr, expected.joined(separator: "\n") + "\n")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("never").path))
    }

    func testAnalyzeRefusesAGridSweep() throws {
        try write("scenario: tiny.yaml\nreplicates: 2\nparameters:\n  betrayal: {values: [1, 2]}\n", to: "g.yaml")
        XCTAssertEqual(try entente(["sweep", "g.yaml", "--out", "g", "--quiet"]).status, 0)
        let result = try entente(["analyze", "g"])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "error: g holds a grid design; sensitivity indices need `design: saltelli` or `design: morris`\n")
        XCTAssertEqual(try entente(["analyze", "nowhere"]).status, 66)
    }

    func testSensitivityDesignsCheckTheirKeysWithPositions() throws {
        try write(Self.sweep(design: "morris", extra: "levels: 3\nsecond_order: false"), to: "bad.yaml")
        let result = try entente(["sweep", "bad.yaml", "--out", "bad", "--quiet"])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("bad.yaml:6:9: error: 'levels' must be even (Morris's step p/(2(p−1)) needs it); found 3"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.yaml:7:15: error: 'second_order' belongs to the saltelli design; this sweep's design is morris"), result.stderr)
        try write("scenario: tiny.yaml\ndesign: saltelli\nparameters:\n  betrayal: {values: [1, 2]}\n", to: "v.yaml")
        let values = try entente(["sweep", "v.yaml", "--out", "v", "--quiet"])
        XCTAssertTrue(values.stderr.contains("v.yaml:4:3: error: parameter 'betrayal' needs a 'from'/'to' range without 'steps' in a saltelli design"), values.stderr)
    }
}
