import Foundation
import XCTest

/// Scripts/plot.py (and Scripts/plot.gp) on small results folders written by the real binary: every figure
/// is rendered, is a real image of a sensible size, and bad options exit 2 with a message.
final class PlotScriptTests: XCTestCase {
    static let packageRoot = BuiltBinary.packageRoot
    static let scenario = packageRoot.appendingPathComponent("Scenarios/csto-2018-2024.yaml").path
    static let script = packageRoot.appendingPathComponent("Scripts/plot.py").path

    /// One run (20 replicates) and its comparison, shared by the tests that only read them.
    nonisolated(unsafe) private static var sharedRun: URL?

    private func binary() throws -> URL { try BuiltBinary.required("entente") }

    @discardableResult
    private func execute(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func plot(_ arguments: [String]) throws -> (Int32, String) {
        try execute("/usr/bin/env", ["python3", Self.script] + arguments)
    }

    private func requireMatplotlib() throws {
        let (status, _) = try execute("/usr/bin/env", ["python3", "-c", "import matplotlib, pandas"])
        guard status == 0 else { throw XCTSkip("python3 with matplotlib and pandas is not installed (pip install matplotlib pandas)") }
    }

    private func temporaryFolder(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("entente-plot-\(name)-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A run of the CSTO case (20 replicates) with its `compare/` folder, made once.
    private func csto() throws -> URL {
        if let run = Self.sharedRun { return run }
        let entente = try binary()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("entente-plot-csto-\(UUID().uuidString)")
        var result = try execute(entente.path, ["run", Self.scenario, "--replicates", "20", "--out", out.path, "--quiet"])
        XCTAssertEqual(result.0, 0, result.1)
        result = try execute(entente.path, ["compare", Self.scenario, "--replicates", "20",
                                            "--out", out.appendingPathComponent("compare").path])
        XCTAssertEqual(result.0, 0, result.1)
        Self.sharedRun = out
        return out
    }

    override class func tearDown() {
        if let run = sharedRun { try? FileManager.default.removeItem(at: run) }
        sharedRun = nil
        super.tearDown()
    }

    /// Width and height of a PNG, from its IHDR chunk; nil when the file is not a PNG.
    private func pngSize(_ path: String) -> (width: Int, height: Int)? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 24,
              Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        let bytes = Array(data[16..<24])
        let width = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
        return (width, height)
    }

    /// The PNG at `folder/name` exists, is larger than `kilobytes` KB and at least `minWidth` × `minHeight` pixels.
    private func assertFigure(_ folder: URL, _ name: String, kilobytes: Int = 20, minWidth: Int = 800, minHeight: Int = 400,
                              file: StaticString = #filePath, line: UInt = #line) {
        let path = folder.appendingPathComponent(name).path
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, kilobytes * 1000, "\(name) missing or trivially small (\(size) bytes)", file: file, line: line)
        guard let dimensions = pngSize(path) else { return XCTFail("\(name) is not a PNG", file: file, line: line) }
        XCTAssertGreaterThanOrEqual(dimensions.width, minWidth, "\(name) width", file: file, line: line)
        XCTAssertGreaterThanOrEqual(dimensions.height, minHeight, "\(name) height", file: file, line: line)
    }

    func testRunFolderGetsMembershipTrustAffinityExitDatesAndTheComparisonFigures() throws {
        try requireMatplotlib()
        let out = try csto()
        let (status, output) = try plot([out.path])
        XCTAssertEqual(status, 0, output)
        let names = ["membership_CSTO.png", "trust_ARM_CSTO.png", "affinity_ARM.png", "exit_dates.png",
                     "compare_exit_dates.png", "effects.png"]
        XCTAssertEqual(output.split(separator: "\n").filter { !$0.hasPrefix("note:") },
                       names.map { Substring(out.appendingPathComponent($0).path) })
        XCTAssertTrue(output.contains("note: no state is ever frozen or left in WEST; membership_WEST not drawn"), output)
        for name in names { assertFigure(out, name) }
    }

    func testBlocOptionNamesTheTrustFigureByBlocInsteadOfOverwritingTheDefault() throws {
        try requireMatplotlib()
        let out = try csto()
        var result = try plot([out.path, "--no-events"])
        XCTAssertEqual(result.0, 0, result.1)
        let defaultFigure = out.appendingPathComponent("trust_ARM_CSTO.png").path
        let before = FileManager.default.contents(atPath: defaultFigure)
        result = try plot([out.path, "--state", "RUS", "--bloc", "CSTO"])
        XCTAssertEqual(result.0, 0, result.1)
        XCTAssertTrue(result.1.contains("\(out.path)/trust_RUS_CSTO.png\n"), result.1)
        XCTAssertTrue(result.1.contains("\(out.path)/membership_CSTO.png\n"), result.1)
        XCTAssertFalse(result.1.contains("membership_WEST"), result.1)
        XCTAssertEqual(FileManager.default.contents(atPath: defaultFigure), before, "trust_ARM_CSTO.png was rewritten")
        assertFigure(out, "trust_RUS_CSTO.png")
    }

    func testUnknownStateOrBlocExitsTwoNamingTheKnownOnesAndWritesNothing() throws {
        try requireMatplotlib()
        let out = try csto()
        let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        var result = try plot([out.path, "--state", "XYZ"])
        XCTAssertEqual(result.0, 2, result.1)
        XCTAssertTrue(result.1.hasSuffix("plot.py: error: unknown state 'XYZ' in \(out.path); its states are: "
                                         + "ARM, AZE, RUS, BLR, KAZ, KGZ, TJK, TUR, ISR, USA, FRA\n"), result.1)
        result = try plot([out.path, "--bloc", "NATO"])
        XCTAssertEqual(result.0, 2, result.1)
        XCTAssertTrue(result.1.hasSuffix("plot.py: error: unknown bloc 'NATO' in \(out.path); its blocs are: CSTO, WEST\n"), result.1)
        result = try plot([out.path, "--outcome", "arm_left"])
        XCTAssertEqual(result.0, 2, result.1)
        XCTAssertTrue(result.1.contains("--outcome applies to a sweep folder (with points.csv)"), result.1)
        result = try plot([out.path, "--dpi", "20"])
        XCTAssertEqual(result.0, 2, result.1)
        XCTAssertTrue(result.1.contains("--dpi must be between 72 and 1200; found 20"), result.1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), before)
    }

    func testTimeSeriesMarkTheScriptedEventsAndGiveTheReplicatesInTheTitle() throws {
        try requireMatplotlib()
        let run = try csto()
        let folder = temporaryFolder("events")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["affinity.csv", "events.csv", "manifest.json"] {
            try FileManager.default.copyItem(at: run.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        var result = try plot([folder.path, "--format", "svg"])
        XCTAssertEqual(result.0, 0, result.1)
        XCTAssertTrue(result.1.contains("\(folder.path)/membership_CSTO.svg\n\(folder.path)/affinity_ARM.svg\n"), result.1)
        let svg = String(decoding: FileManager.default.contents(atPath: folder.appendingPathComponent("membership_CSTO.svg").path) ?? Data(),
                         as: UTF8.self)
        // Scripted events by id (three in 2024-06 stacked in one column), the replicates in the title.
        for text in ["war-2020", "incursion-2022", "leak-2024", "recall-minsk-2024", "ARM in CSTO", "20 replicates",
                     "dotted lines: scripted events", "share of replicates"] {
            XCTAssertTrue(svg.contains(text), "membership_CSTO.svg lacks '\(text)'")
        }
        // Answers to calls for help and the model's own exits are not event markers.
        XCTAssertFalse(svg.contains(">decline<") || svg.contains(">freeze ARM CSTO<"))
        result = try plot([folder.path, "--format", "svg", "--no-events"])
        XCTAssertEqual(result.0, 0, result.1)
        let plain = String(decoding: FileManager.default.contents(atPath: folder.appendingPathComponent("membership_CSTO.svg").path) ?? Data(),
                           as: UTF8.self)
        XCTAssertFalse(plain.contains("war-2020"))
        XCTAssertTrue(plain.contains("20 replicates"))
    }

    func testCompareFolderDrawsOneExitCurvePerArmAndEffectsInOnePanelPerKind() throws {
        try requireMatplotlib()
        let compare = try csto().appendingPathComponent("compare")
        let (status, output) = try plot([compare.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output, "\(compare.path)/exit_dates.png\n\(compare.path)/effects.png\n")
        assertFigure(compare, "exit_dates.png")
        // Five kinds of outcome in the CSTO case (flags, trust, members, affinity): the figure is tall.
        assertFigure(compare, "effects.png", minHeight: 1000)
    }

    func testFormatAndDpiChooseTheFileTypeAndResolution() throws {
        try requireMatplotlib()
        let compare = try csto().appendingPathComponent("compare")
        let folder = temporaryFolder("formats")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["outcomes.csv", "manifest.json"] {
            try FileManager.default.copyItem(at: compare.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        var result = try plot([folder.path, "--format", "svg"])
        XCTAssertEqual(result.0, 0, result.1)
        XCTAssertEqual(result.1, "\(folder.path)/exit_dates.svg\n")
        let svg = String(decoding: FileManager.default.contents(atPath: folder.appendingPathComponent("exit_dates.svg").path) ?? Data(), as: UTF8.self)
        XCTAssertTrue(svg.hasPrefix("<?xml") && svg.contains("<svg"), String(svg.prefix(100)))
        result = try plot([folder.path, "--format", "pdf"])
        XCTAssertEqual(result.0, 0, result.1)
        let pdf = FileManager.default.contents(atPath: folder.appendingPathComponent("exit_dates.pdf").path) ?? Data()
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertGreaterThan(pdf.count, 5_000)
        result = try plot([folder.path, "--dpi", "100"])
        XCTAssertEqual(result.0, 0, result.1)
        let low = try XCTUnwrap(pngSize(folder.appendingPathComponent("exit_dates.png").path))
        result = try plot([folder.path, "--dpi", "300"])
        XCTAssertEqual(result.0, 0, result.1)
        let high = try XCTUnwrap(pngSize(folder.appendingPathComponent("exit_dates.png").path))
        XCTAssertEqual(Double(high.width) / Double(low.width), 3.0, accuracy: 0.05)
        XCTAssertEqual(Double(high.height) / Double(low.height), 3.0, accuracy: 0.05)
        result = try plot([folder.path, "--format", "gif"])
        XCTAssertEqual(result.0, 2, result.1)
        XCTAssertTrue(result.1.contains("argument --format: invalid choice: 'gif'"), result.1)
    }

    func testStepsSummaryAloneGivesMembershipStateAndBlocFiguresAlsoCompressed() throws {
        try requireMatplotlib()
        let out = temporaryFolder("steps")
        var result = try execute(try binary().path, ["run", Self.scenario, "--replicates", "6", "--record", "steps", "--compress",
                                                     "--out", out.path, "--quiet"])
        XCTAssertEqual(result.0, 0, result.1)
        // Only the summary (and the events, compressed, for the markers): no replicate-level series.
        for name in ["trust.csv.gz", "affinity.csv.gz", "states.csv.gz", "blocs.csv.gz", "outcomes.csv"] {
            try FileManager.default.removeItem(at: out.appendingPathComponent(name))
        }
        result = try plot([out.path, "--format", "svg"])
        XCTAssertEqual(result.0, 0, result.1)
        XCTAssertEqual(result.1.split(separator: "\n").filter { !$0.hasPrefix("note:") },
                       ["steps_membership_CSTO.svg", "steps_ARM.svg", "steps_blocs.svg"].map { Substring(out.appendingPathComponent($0).path) })
        XCTAssertTrue(result.1.contains("note: no state is ever frozen or left in WEST; steps_membership_WEST not drawn"), result.1)
        let svg = { (name: String) in String(decoding: FileManager.default.contents(atPath: out.appendingPathComponent(name).path) ?? Data(), as: UTF8.self) }
        for text in ["ARM in CSTO", "from steps.csv; 6 replicates", "share of replicates", "war-2020", "frozen", "left"] {
            XCTAssertTrue(svg("steps_membership_CSTO.svg").contains(text), "steps_membership_CSTO.svg lacks '\(text)'")
        }
        for text in ["affinity of ARM for each bloc", "trust of ARM in the other members of its blocs",
                     "trust of ARM in the other recorded states", "mean and 5–95% band across replicates", "RUS", "AZE"] {
            XCTAssertTrue(svg("steps_ARM.svg").contains(text), "steps_ARM.svg lacks '\(text)'")
        }
        for text in ["cohesion of each bloc", "active members of each bloc", "CSTO", "WEST"] {
            XCTAssertTrue(svg("steps_blocs.svg").contains(text), "steps_blocs.svg lacks '\(text)'")
        }
        result = try plot([out.path, "--state", "RUS"])
        XCTAssertEqual(result.0, 0, result.1)
        XCTAssertTrue(result.1.contains("\(out.path)/steps_RUS.png\n"), result.1)
        assertFigure(out, "steps_RUS.png")
        assertFigure(out, "steps_membership_CSTO.png", minHeight: 300)
        result = try plot([out.path, "--state", "XYZ"])
        XCTAssertEqual(result.0, 2, result.1)
        XCTAssertTrue(result.1.contains("unknown state 'XYZ' in \(out.path); its states are: ARM, AZE, RUS"), result.1)
    }

    func testStepsOfACompareAreDrawnOnePatternPerArm() throws {
        try requireMatplotlib()
        let out = temporaryFolder("compare-steps")
        var result = try execute(try binary().path, ["compare", Self.scenario, "--replicates", "4", "--record", "steps,trust=none",
                                                     "--out", out.path, "--quiet"])
        XCTAssertEqual(result.0, 0, result.1)
        result = try plot([out.path, "--format", "svg", "--no-events"])
        XCTAssertEqual(result.0, 0, result.1)
        let svg = String(decoding: FileManager.default.contents(atPath: out.appendingPathComponent("steps_membership_CSTO.svg").path) ?? Data(),
                         as: UTF8.self)
        for text in ["baseline: frozen", "baseline: left", "arm: status", "4 replicates per arm"] {
            XCTAssertTrue(svg.contains(text), "steps_membership_CSTO.svg lacks '\(text)'")
        }
    }

    /// A sweep of `parameters` (YAML lines) over the CSTO case, 4 replicates per point; returns its folder.
    private func sweep(_ name: String, design: String = "grid", samples: Int = 0, _ parameters: String) throws -> URL {
        let folder = temporaryFolder("sweep-\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(name).yaml")
        let sweep = """
            scenario: \(Self.scenario)
            seed: 3
            replicates: 4
            design: \(design)
            \(samples > 0 ? "samples: \(samples)\n" : "")parameters:
            \(parameters)
            outcomes:
              - {name: arm_left, type: left, state: ARM, bloc: CSTO}
              - {name: arm_trust_rus, type: trust, from: ARM, to: RUS}

            """
        try Data(sweep.utf8).write(to: file)
        let out = folder.appendingPathComponent("out")
        let result = try execute(try binary().path, ["sweep", file.path, "--out", out.path, "--quiet", "--jobs", "2"])
        XCTAssertEqual(result.0, 0, result.1)
        return out
    }

    func testSweepFolderDrawsAHeatmapForTwoGridParametersAndRefusesAnUnknownOutcome() throws {
        try requireMatplotlib()
        let out = try sweep("two", "  betrayal: {values: [0.5, 2.0, 3.5]}\n  complicity: {values: [0.0, 1.0]}")
        var result = try plot([out.path])
        XCTAssertEqual(result.0, 0, result.1)
        XCTAssertEqual(result.1, "\(out.path)/sweep_arm_left.png\n\(out.path)/sweep_arm_trust_rus.png\n")
        assertFigure(out, "sweep_arm_left.png", minWidth: 600, minHeight: 400)
        result = try plot([out.path, "--outcome", "arm_left"])
        XCTAssertEqual(result.1, "\(out.path)/sweep_arm_left.png\n")
        result = try plot([out.path, "--outcome", "arm_exit"])
        XCTAssertEqual(result.0, 2, result.1)
        XCTAssertTrue(result.1.hasSuffix("error: unknown outcome 'arm_exit' in \(out.path)/points.csv; its outcomes are: arm_left, arm_trust_rus\n"), result.1)
    }

    func testSweepFolderDrawsALineForOneParameterAndOnePanelPerParameterForMore() throws {
        try requireMatplotlib()
        let one = try sweep("one", "  betrayal: {values: [0.5, 1.5, 3.0]}")
        var result = try plot([one.path, "--outcome", "arm_left"])
        XCTAssertEqual(result.0, 0, result.1)
        assertFigure(one, "sweep_arm_left.png", minWidth: 900, minHeight: 500)
        let three = try sweep("three", design: "latin", samples: 12,
                              "  betrayal: {from: 0.5, to: 3.0}\n  complicity: {from: 0.0, to: 1.0}\n  hazard: {from: 0.5, to: 4.0}")
        result = try plot([three.path, "--outcome", "arm_trust_rus"])
        XCTAssertEqual(result.0, 0, result.1)
        // Three panels side by side: wider than tall.
        assertFigure(three, "sweep_arm_trust_rus.png", minWidth: 1200, minHeight: 400)
        let size = try XCTUnwrap(pngSize(three.appendingPathComponent("sweep_arm_trust_rus.png").path))
        XCTAssertGreaterThan(size.width, 2 * size.height)
    }

    /// A synthetic `entente calibrate` folder: 3 generations of 60 particles over betrayal and noise,
    /// narrowing towards betrayal 4, noise 0.05; generations.csv; a manifest saying it is complete.
    private func calibrationFolder() throws -> URL {
        let folder = temporaryFolder("calibration")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var particles = "generation,particle,weight,betrayal,noise,share,distance_1\n"
        for generation in 0..<3 {
            let spread = 1.0 / Double(1 << generation)
            for particle in 0..<60 {
                let u = (Double(particle) + 0.5) / 60, v = Double((particle * 37) % 60) / 60
                let betrayal = 4 + (u - 0.5) * 8 * spread, noise = 0.05 + (v - 0.5) * 0.1 * spread
                let weight = (1 + u * (1 - u)) / 60
                particles += "\(generation),\(particle),\(weight),\(betrayal),\(noise),1,\(spread)\n"
            }
        }
        try particles.write(to: folder.appendingPathComponent("particles.csv"), atomically: true, encoding: .utf8)
        try "generation,tolerance,acceptance_rate,ess,simulations,seconds\n0,2.5,1.0,59.1,60,0.5\n1,1.2,0.4,58.0,150,1.1\n2,0.6,0.15,57.2,400,2.9\n"
            .write(to: folder.appendingPathComponent("generations.csv"), atomically: true, encoding: .utf8)
        try "{\n  \"tool\": \"entente\",\n  \"command\": \"calibrate\",\n  \"status\": \"complete\",\n  \"final_generation\": 2\n}\n"
            .write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        return folder
    }

    func testCalibrationFolderGetsMarginalPosteriorsAndTheTolerancePath() throws {
        try requireMatplotlib()
        let folder = try calibrationFolder()
        let (status, output) = try plot([folder.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output, "\(folder.path)/posterior.png\n\(folder.path)/tolerance.png\n")
        assertFigure(folder, "posterior.png", minWidth: 600, minHeight: 300)
        assertFigure(folder, "tolerance.png", minWidth: 600, minHeight: 600)
    }

    func testPosteriorCompareFolderDrawsEffectsWithTheParameterBand() throws {
        try requireMatplotlib()
        let calibration = try calibrationFolder()
        let out = temporaryFolder("posterior-compare")
        let result = try execute(try binary().path, ["compare", Self.scenario, "--posterior", calibration.path, "--draws", "5",
                                                     "--replicates", "4", "--out", out.path])
        XCTAssertEqual(result.0, 0, result.1)
        let (status, output) = try plot([out.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output, "\(out.path)/exit_dates.png\n\(out.path)/effects.png\n")
        assertFigure(out, "effects.png", minHeight: 800)
    }

    func testEmptyFolderHasNothingToPlotAndExitsOne() throws {
        try requireMatplotlib()
        let folder = temporaryFolder("empty")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try plot([folder.path])
        XCTAssertEqual(result.0, 1, result.1)
        XCTAssertTrue(result.1.hasPrefix("error: nothing to plot in \(folder.path); expected trust.csv"), result.1)
    }

    func testPlotScriptDrawsTheReliabilityDiagramAndDateErrorsOfAValidationFolder() throws {
        try requireMatplotlib()
        let entente = try binary()
        let folder = temporaryFolder("validation")
        let cases = folder.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        try Data(ValidateCLITests.scripted.utf8).write(to: cases.appendingPathComponent("a.yaml"))
        try Data(ValidateCLITests.scripted.replacingOccurrences(of: "2018-06, source", with: "2019-09, source").utf8)
            .write(to: cases.appendingPathComponent("b.yaml"))
        let out = folder.appendingPathComponent("validation")
        var result = try execute(entente.path, ["validate", cases.path, "--replicates", "10", "--out", out.path, "--quiet"])
        XCTAssertEqual(result.0, 0, result.1)
        result = try plot([out.path])
        XCTAssertEqual(result.0, 0, result.1)
        XCTAssertEqual(result.1, "\(out.path)/reliability.png\n\(out.path)/date_errors.png\n")
        assertFigure(out, "reliability.png", kilobytes: 10, minWidth: 600, minHeight: 600)
        assertFigure(out, "date_errors.png", kilobytes: 10, minWidth: 600, minHeight: 200)
    }

    /// The x tick labels (dates) of an SVG written by Scripts/plot.gp.
    private func gnuplotDateTicks(_ path: String) -> [String] {
        let svg = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: ">(\\d{4}(?:-\\d{2}){0,2})<")
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap {
            Range($0.range(at: 1), in: svg).map { String(svg[$0]) }
        }
    }

    func testGnuplotRecipeLabelsEveryDateTickDistinctlyForLongAndShortRuns() throws {
        guard (try? execute("/usr/bin/env", ["gnuplot", "--version"]).0) == 0 else {
            throw XCTSkip("gnuplot is not installed (apt-get install gnuplot-nox)")
        }
        let recipe = Self.packageRoot.appendingPathComponent("Scripts/plot.gp").path
        let out = try csto()
        var result = try execute("/usr/bin/env", ["gnuplot", "-e", "dir='\(out.path)'; from='ARM'; to='RUS'", recipe])
        XCTAssertEqual(result.0, 0, result.1)
        assertFigure(out, "trust_ARM_RUS_gnuplot.png", kilobytes: 10, minWidth: 900, minHeight: 500)
        result = try execute("/usr/bin/env", ["gnuplot", "-e", "dir='\(out.path)'; from='ARM'; to='RUS'; fmt='svg'", recipe])
        XCTAssertEqual(result.0, 0, result.1)
        XCTAssertEqual(gnuplotDateTicks(out.appendingPathComponent("trust_ARM_RUS_gnuplot.svg").path),
                       (2018...2026).map(String.init))
        // 30 months (2018-01 … 2020-06): ticks every few months, each labelled with its year and month.
        let short = temporaryFolder("gnuplot-short")
        try FileManager.default.createDirectory(at: short, withIntermediateDirectories: true)
        let lines = String(decoding: FileManager.default.contents(atPath: out.appendingPathComponent("trust.csv").path) ?? Data(),
                           as: UTF8.self).split(separator: "\n")
        let kept = [lines[0]] + lines.dropFirst().filter { Int($0.split(separator: ",")[1])! < 30 }
        try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: short.appendingPathComponent("trust.csv"))
        result = try execute("/usr/bin/env", ["gnuplot", "-e", "dir='\(short.path)'; from='ARM'; to='RUS'; fmt='svg'", recipe])
        XCTAssertEqual(result.0, 0, result.1)
        let ticks = gnuplotDateTicks(short.appendingPathComponent("trust_ARM_RUS_gnuplot.svg").path)
        XCTAssertGreaterThanOrEqual(ticks.count, 4, "\(ticks)")
        XCTAssertEqual(Set(ticks).count, ticks.count, "repeated tick labels: \(ticks)")
        XCTAssertTrue(ticks.allSatisfy { $0.count == 7 }, "\(ticks)")
        result = try execute("/usr/bin/env", ["gnuplot", "-e", "dir='\(short.path)'; from='ARM'; to='XX'", recipe])
        XCTAssertEqual(result.0, 1, result.1)
        XCTAssertTrue(result.1.contains("error: \(short.path)/trust.csv has no trust of ARM in XX"), result.1)
    }
}
