import Foundation
import XCTest

/// The docs' shell examples run (issue 20): every command of a ```` ```sh ```` or ```` ```console ```` block in
/// README.md and docs/*.md that calls `entente` is run, as written, by `/bin/sh` against the built binary,
/// and must exit 0; the commands that cannot run in a test are in ``skipped``, each with its reason.
///
/// Each document gets its own temporary folder holding copies of `Scenarios/` and `Scripts/`, with a
/// `PATH` where `entente` and `.build/release/entente` are the built binary, and its commands run there
/// in order (a later command reads what an earlier one wrote, as a reader would run them). So that the
/// whole set takes seconds, not hours, two things differ from a reader's run and only these: the copied
/// scenario and sweep files' `replicates:` is 2 and a sweep's `samples:` at most 4, and a `--replicates N`
/// or `--draws N` on a command line is cut to 2; and `/tmp/` in a command is the folder's own `tmp/`, so
/// nothing is written outside it. The commands are otherwise the docs' own bytes.
final class DocsCommandsTests: XCTestCase {
    /// One command of a block: its document, the line it starts on, the text (continuation lines joined).
    struct Command: CustomStringConvertible {
        var document: String
        var line: Int
        var text: String
        var description: String { "\(document):\(line): \(text)" }
    }

    /// Commands that are not run, as (document, the command's start, why). A command in a block with
    /// `entente` that is neither run nor listed here fails the test, so a new example is never silently untested.
    static let skipped: [(document: String, prefix: String, reason: String)] = [
        // Installing: writes outside the test folder and rebuilds in release mode.
        ("README.md", "make install", "installs into PREFIX and builds in release mode; StarterCLITests cover `completions`"),
        // Plotting needs matplotlib and reads results of other documents; PlotScriptTests render every figure.
        ("*", "python3 Scripts/plot.py", "covered by PlotScriptTests on the same kinds of results folders"),
        ("*", "pip install", "installs Python packages"),
        // Long runs: ABC-SMC calibration of the CSTO history (minutes even when cut down), and what reads its folder.
        ("docs/calibration.md", "entente calibrate", "an ABC-SMC calibration runs for minutes; CalibrateCLITests run small ones"),
        ("docs/calibration.md", "entente compare Scenarios/csto-2018-2024.yaml --posterior", "needs the calibration above; PosteriorCLITests"),
        ("docs/calibration.md", "entente run     Scenarios/csto-2018-2024.yaml --posterior", "needs the calibration above; PosteriorCLITests"),
        ("docs/validation.md", "entente calibrate Scenarios/calibration/library-model2.yaml", "the library fit of model 2 runs for minutes; CalibrateModelCLITests run small ones"),
        ("docs/validation.md", "entente validate Scenarios/history/ --posterior", "needs the library fit above; ValidatePosteriorCLITests"),
        ("docs/cluster.md", "entente calibrate CAL.yaml", "CAL.yaml and OUT are placeholders; CalibrateCLITests shard and merge generations"),
        // Slurm and GNU parallel: not on a test machine; `make test-cluster` runs the real Slurm recipe.
        ("docs/cluster.md", "OUT=$PWD/Results/bc", "sets up the Slurm submission below"),
        ("docs/cluster.md", "mkdir -p \"$OUT/logs\"", "sets up the Slurm submission below"),
        ("docs/cluster.md", "array=$(sbatch", "needs Slurm (make test-cluster)"),
        ("docs/cluster.md", "sbatch", "needs Slurm (make test-cluster)"),
        ("docs/cluster.md", "N=8", "sets up the GNU parallel run below"),
        ("docs/cluster.md", "parallel entente", "needs GNU parallel; the same shards run one by one in docs/cluster.md:39"),
        ("docs/cluster.md", "entente merge Results/sobol-eight", "merges the GNU parallel shards above"),
        ("docs/cluster.md", "swift build -c release", "a release build"),
        ("docs/cluster.md", "Tests/cluster/slurm-local.sh", "installs Slurm (make test-cluster)"),
        ("docs/cluster.md", "entente merge OUT", "OUT is a placeholder"),
        ("docs/cluster.md", "entente merge A/shard-0-of-2", "A, B and C are placeholders"),
        // Repeats the sweep of docs/sensitivity.md's first example (into the same folder) to give its cost.
        ("docs/sensitivity.md", "entente sweep Scenarios/sweeps/morris-all.yaml    # 31 parameters", "the same sweep as docs/sensitivity.md's first example"),
        // Benchmarks and profilers.
        ("docs/performance.md", "make bench", "a benchmark (minutes, release build)"),
        ("docs/performance.md", ".build/release/entente-bench", "a benchmark of the release build (BenchSmokeTests run entente-bench --tiny)"),
        ("docs/performance.md", "perf record", "needs perf and a SWEEP.yaml placeholder"),
        ("docs/performance.md", "valgrind", "needs valgrind; minutes under callgrind"),
    ]

    /// The commands of the ```sh and ```console blocks that mention `entente`, by document.
    static func commands() throws -> [String: [Command]] {
        let root = BuiltBinary.packageRoot
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        var found: [String: [Command]] = [:]
        for document in ["README.md"] + docs {
            let lines = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8).components(separatedBy: "\n")
            var index = 0
            while index < lines.count {
                let fence = lines[index].trimmingCharacters(in: .whitespaces)
                guard fence.hasPrefix("```") else { index += 1; continue }
                var end = index + 1
                while end < lines.count && !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("```") { end += 1 }
                let language = fence.dropFirst(3).split(separator: " ").first.map(String.init) ?? ""
                let body = Array(lines[min(index + 1, end)..<end])
                if ["sh", "console"].contains(language) && body.contains(where: { $0.contains("entente") }) {
                    found[document, default: []] += Self.split(body, document: document, firstLine: index + 2, console: language == "console")
                }
                index = end + 1
            }
        }
        return found
    }

    /// A block's commands: comment lines dropped, `\` continuations joined; in a console block only
    /// the `$ ` lines are commands (the rest is output). A continued command keeps its backslash-newlines.
    static func split(_ body: [String], document: String, firstLine: Int, console: Bool) -> [Command] {
        var commands: [Command] = []
        var pending: Command?
        for (offset, raw) in body.enumerated() {
            var line = raw
            if pending == nil {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                if console {
                    guard trimmed.hasPrefix("$ ") else { continue }
                    line = String(trimmed.dropFirst(2))
                }
            }
            let continues = line.hasSuffix("\\")
            if pending == nil {
                pending = Command(document: document, line: firstLine + offset, text: line)
            } else {
                pending!.text += "\n" + line  // the backslash stays: /bin/sh joins the lines
            }
            if !continues {
                commands.append(pending!)
                pending = nil
            }
        }
        if let pending { commands.append(pending) }
        return commands
    }

    /// The reason `command` is skipped, or nil when it runs.
    static func skipReason(_ command: Command) -> String? {
        let text = command.text.trimmingCharacters(in: .whitespaces)
        return skipped.first { ($0.document == "*" || $0.document == command.document) && text.hasPrefix($0.prefix) }?.reason
    }

    /// `text` with every `--replicates N` and `--draws N` cut to 2, and ` /tmp/` as ` tmp/`.
    static func shortened(_ text: String) -> String {
        var out = text.replacingOccurrences(of: " /tmp/", with: " tmp/")
        for option in ["--replicates", "--draws"] {
            let pattern = try! NSRegularExpression(pattern: NSRegularExpression.escapedPattern(for: option) + " +[0-9]+")
            out = pattern.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: option + " 2")
        }
        return out
    }

    /// A copy of the repository's Scenarios/ and Scripts/ in `folder`, replicates 2 and samples at most 4,
    /// and a `bin/` with `entente` and `.build/release/entente` linking to the built binary.
    static func prepare(_ folder: URL, binary: URL) throws {
        let fm = FileManager.default
        let root = BuiltBinary.packageRoot
        for name in ["Scenarios", "Scripts"] {
            try fm.copyItem(at: root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let enumerator = fm.enumerator(at: folder.appendingPathComponent("Scenarios"), includingPropertiesForKeys: nil)
        let replicates = try NSRegularExpression(pattern: "(?m)^replicates: *[0-9]+")
        let samples = try NSRegularExpression(pattern: "(?m)^samples: *([5-9]|[0-9]{2,})\\b")
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            var text = try String(contentsOf: url, encoding: .utf8)
            text = replicates.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "replicates: 2")
            text = samples.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "samples: 4")
            try Data(text.utf8).write(to: url)
        }
        try fm.createDirectory(at: folder.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        for link in ["bin/entente", ".build/release/entente"] {
            let url = folder.appendingPathComponent(link)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.createSymbolicLink(at: url, withDestinationURL: binary)
        }
    }

    func testEveryShellExampleInTheDocsRunsOrIsSkippedForAStatedReason() throws {
        let binary = try BuiltBinary.required("entente")
        let byDocument = try Self.commands()
        let all = byDocument.values.flatMap { $0 }
        XCTAssertGreaterThanOrEqual(all.count, 40, "the docs' shell examples were lost: \(all)")
        var ran = 0
        for (_, commands) in byDocument.sorted(by: { $0.key < $1.key }) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-docs-sh-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try Self.prepare(folder, binary: binary)
            let path = folder.appendingPathComponent("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            for command in commands where Self.skipReason(command) == nil {
                let script = "set -e\n" + Self.shortened(command.text)
                let result = try CLIHarness.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: folder,
                                                environment: ["PATH": path, "COLUMNS": "100"], timeout: 300)
                XCTAssertEqual(result.status, 0, "\(command)\nexit \(result.status)\nstdout: \(result.stdout.suffix(1500))\nstderr: \(result.stderr.suffix(1500))")
                ran += 1
            }
        }
        XCTAssertGreaterThanOrEqual(ran, 25, "fewer doc commands ran than expected")
    }

    func testEverySkipEntryStillMatchesACommandOfItsDocument() throws {
        let all = try Self.commands().values.flatMap { $0 }
        for entry in Self.skipped where entry.document != "*" {
            XCTAssertTrue(all.contains { $0.document == entry.document && $0.text.trimmingCharacters(in: .whitespaces).hasPrefix(entry.prefix) },
                          "the skip entry \(entry.document): '\(entry.prefix)' matches no command; remove it")
        }
    }

    func testCommandsAreSplitAtContinuationsAndConsoleOutputIsNotRun() {
        let block = ["# a comment", "entente run a.yaml \\", "    --out b", "", "$ entente check c.yaml", "c.yaml: OK"]
        XCTAssertEqual(Self.split(block, document: "d", firstLine: 10, console: false).map(\.text),
                       ["entente run a.yaml \\\n    --out b", "$ entente check c.yaml", "c.yaml: OK"])
        XCTAssertEqual(Self.split(block, document: "d", firstLine: 10, console: true).map(\.text), ["entente check c.yaml"])
        XCTAssertEqual(Self.split(block, document: "d", firstLine: 10, console: false).first?.line, 11)
        XCTAssertEqual(Self.shortened("entente compare x --posterior p --draws 50 --replicates 200"),
                       "entente compare x --posterior p --draws 2 --replicates 2")
    }
}

/// docs/errors.md's transcripts of the sections "0" and "64" are real output: each `$ entente …` line runs
/// against `scenario.yaml` as the document describes it (three states, bloc PACT, events `deal` and
/// `war`, one variant `no-deal`) and prints the lines shown below it. A line ending in `…` is matched
/// as a prefix and a line `…` ends the comparison. The other sections' transcripts need files or
/// folder states the document describes but does not give; InputMessageTests, HardeningTests and
/// OutputSafetyTests pin those messages.
final class ErrorsDocTranscriptTests: XCTestCase {
    /// The file the transcripts run on; `war` is on line 13 so the positions the document shows match.
    static let scenario = """
        name: Two states, one bloc
        calendar: {start: 2020-01, end: 2020-12, step: month}
        seed: 7
        replicates: 10
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 2}
          - {id: C, capability: 3}
        blocs:
          - {id: PACT, members: [A, B]}
        events:
          - {id: deal, at: 2020-03, type: arms_transfer, from: B, to: C, value: 0.5}
          - {id: war, at: 2020-09, type: attack, by: C, target: A, intensity: 1.0, bloc: PACT}
        outcomes:
          - {name: a_left, type: left, state: A, bloc: PACT}
          - {name: a_trust_b, type: trust, from: A, to: B}
        variants:
          - {name: no-deal, set: {events.deal.value: 0.0}}

        """

    /// Transcripts of these sections that are not run, by the command's start, and why.
    static let skipped: [(prefix: String, reason: String)] = [
        ("entente calibrate cal.yaml", "needs a calibration folder written by another calibration"),
        ("entente run csto.yaml --posterior", "needs a calibration of the CSTO case"),
        ("entente run scenario.yaml --out ~", "the message names the home folder of whoever runs the test"),
        ("entente merge s --out", "needs a folder of sweep shards"),
    ]

    /// (line, command, expected output lines) of the `$ ` lines in errors.md's sections "0" and "64".
    static func transcripts() throws -> [(line: Int, command: String, expected: [String])] {
        let text = try String(contentsOf: BuiltBinary.packageRoot.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var found: [(line: Int, command: String, expected: [String])] = []
        var section = "", inBlock = false
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("## ") { section = String(line.dropFirst(3)) }
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            guard inBlock, ["0", "64"].contains(section) else { continue }
            if line.hasPrefix("$ ") {
                found.append((index + 1, String(line.dropFirst(2)), []))
            } else if !line.isEmpty, !found.isEmpty {
                found[found.count - 1].expected.append(line)
            }
        }
        return found
    }

    func testTheTranscriptsOfStatusZeroAndSixtyFourAreWhatTheBinaryPrints() throws {
        let harness = try CLIHarness(prefix: "entente-errors-doc")
        defer { harness.remove() }
        try harness.write(Self.scenario, to: "scenario.yaml")
        try harness.write(Self.scenario, to: "study/scenario.yaml")
        try harness.write(Self.scenario.components(separatedBy: "variants:")[0], to: "novariants.yaml")
        let binary = try BuiltBinary.required("entente")
        let bin = harness.folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("entente"), withDestinationURL: binary)
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let transcripts = try Self.transcripts()
        XCTAssertGreaterThanOrEqual(transcripts.count, 30, "the transcripts of errors.md were lost")
        var compared = 0
        for transcript in transcripts where !Self.skipped.contains(where: { transcript.command.hasPrefix($0.prefix) }) {
            let result = try CLIHarness.run(URL(fileURLWithPath: "/bin/sh"), ["-c", transcript.command], in: harness.folder,
                                            environment: ["PATH": path, "COLUMNS": "80"], timeout: 120)
            let actual = (result.stdout + result.stderr).components(separatedBy: "\n")
            for (offset, expected) in transcript.expected.enumerated() {
                if expected == "…" { break }
                let got = offset < actual.count ? actual[offset] : "(nothing)"
                if expected.hasSuffix("…") {
                    XCTAssertTrue(got.hasPrefix(String(expected.dropLast()).trimmingCharacters(in: .whitespaces)),
                                  "docs/errors.md:\(transcript.line): \(transcript.command)\nexpected: \(expected)\nfound:    \(got)")
                } else {
                    XCTAssertEqual(got, expected, "docs/errors.md:\(transcript.line): \(transcript.command)")
                }
                compared += 1
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 30)
    }
}
