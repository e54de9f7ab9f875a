import Foundation
import XCTest

/// `--compress`: the time-series CSVs are written gzip-compressed, and gunzip to exactly the bytes written without it.
final class CompressCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-compress" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try """
            name: compress tiny
            calendar: {start: 2020-01, end: 2020-06, step: month}
            seed: 3
            replicates: 3
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 1}
            blocs:
              - {id: X, leader: B, members: [A, B], obligation: 1}
            trust:
              - {from: A, to: B, value: 0.5, mutual: true}
            events:
              - {id: jolt, at: 2020-04, type: shock, trust: [{from: A, to: B, delta: -0.3}]}
            variants:
              - {name: calm, remove: {ids: [jolt]}}

            """.write(to: folder.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
    }

    /// The bytes of the gzip file at `path`, decompressed by gzip into a file (stdout is read as text).
    private func gunzip(_ path: String) throws -> Data {
        let output = folder.appendingPathComponent("gunzipped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLIHarness.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "gzip -dc < \"$1\" > \"$2\"", "sh", path, output.path], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try Data(contentsOf: output)
    }

    private func names(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(path).path).sorted()
    }

    func testRunCompressWritesGzipSeriesThatGunzipToTheUncompressedBytesWhateverJobs() throws {
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "plain", "--record", "drivers", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "gz", "--record", "drivers", "--compress", "--jobs", "1", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "gz3", "--record", "drivers", "--compress", "--jobs", "3", "--quiet"]).status, 0)
        let series = ["affinity.csv", "blocs.csv", "drivers.csv", "events.csv", "states.csv", "trust.csv"]
        XCTAssertEqual(try names("gz"), (series.map { $0 + ".gz" } + ["manifest.json", "outcomes.csv"]).sorted())
        for name in series {
            let compressed = try read("gz/\(name).gz")
            XCTAssertEqual(Array(compressed.prefix(4)), [0x1f, 0x8b, 8, 0], "\(name): a gzip member, deflate, no file name")
            XCTAssertEqual(Array(compressed[4..<8]), [0, 0, 0, 0], "\(name): mtime 0, so the bytes do not depend on when")
            XCTAssertEqual(try gunzip(folder.appendingPathComponent("gz/\(name).gz").path), try read("plain/" + name), name)
            XCTAssertEqual(compressed, try read("gz3/\(name).gz"), "\(name) differs between --jobs 1 and 3")
        }
        XCTAssertEqual(try read("gz/outcomes.csv"), try read("plain/outcomes.csv"))
        let manifest = try JSONSerialization.jsonObject(with: read("gz/manifest.json")) as? [String: Any]
        XCTAssertEqual(manifest?["compressed"] as? Bool, true)
        let plain = try JSONSerialization.jsonObject(with: read("plain/manifest.json")) as? [String: Any]
        XCTAssertNil(plain?["compressed"])
    }

    func testExplainOnACompressedRunSaysToGunzipDriversWithExit66() throws {
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "gz", "--record", "drivers", "--compress", "--quiet"]).status, 0)
        let result = try entente(["explain", "gz", "--state", "A", "--bloc", "X"])
        XCTAssertEqual(result.status, 66)
        XCTAssertEqual(result.stderr, "error: gz has drivers.csv.gz (written with --compress) and explain reads drivers.csv; decompress it first with `gunzip -k gz/drivers.csv.gz` (docs/outputs.md#compress)\n")
    }
    /// compare --record: every arm's series in one file per kind, `variant` first, rows by arm then replicate;
    /// each arm's rows are exactly those of `run` (with --variant) on the same seed, since arms share random numbers.
    /// 2 arms × 3 replicates × 4 recorded steps (0, 2, 4 and the last, 5) × 2 pairs = 48 trust rows; only the
    /// baseline has the jolt.
    func testCompareRecordWritesEveryArmsSeriesWithAVariantColumnEqualToEachArmsRun() throws {
        XCTAssertEqual(try entente(["compare", "tiny.yaml", "--out", "cmp", "--record", "every=2", "--compress", "--jobs", "2", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "base", "--record", "every=2", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--variant", "calm", "--out", "calm", "--record", "every=2", "--quiet"]).status, 0)
        XCTAssertEqual(try names("cmp"), ["affinity.csv.gz", "blocs.csv.gz", "effects.csv", "events.csv.gz", "manifest.json", "outcomes.csv", "states.csv.gz", "trust.csv.gz"])
        for name in ["trust.csv", "affinity.csv", "states.csv", "blocs.csv", "events.csv"] {
            let lines = String(decoding: try gunzip(folder.appendingPathComponent("cmp/\(name).gz").path), as: UTF8.self).split(separator: "\n").map(String.init)
            let runLines = { (arm: String) in String(decoding: try self.read("\(arm)/\(name)"), as: UTF8.self).split(separator: "\n").map(String.init) }
            let base = try runLines("base"), calm = try runLines("calm")
            XCTAssertEqual(lines[0], "variant," + base[0], name)
            XCTAssertEqual(Array(lines.dropFirst()), base.dropFirst().map { "baseline," + $0 } + calm.dropFirst().map { "calm," + $0 }, name)
            if name == "trust.csv" { XCTAssertEqual(lines.count, 1 + 48) }
            if name == "events.csv" { XCTAssertEqual(lines.count, 1 + 3) }
        }
        let manifest = try JSONSerialization.jsonObject(with: read("cmp/manifest.json")) as? [String: Any]
        XCTAssertEqual((manifest?["record"] as? [String: Any])?["every"] as? Int, 2)
        XCTAssertEqual(manifest?["compressed"] as? Bool, true)
    }

    func testCompareCompressWithoutRecordIsRefusedWithExit64() throws {
        let result = try entente(["compare", "tiny.yaml", "--out", "cmp", "--compress", "--quiet"])
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stderr, "error: --compress compresses the time series of --record; add --record (e.g. --record every=1)\n")
    }
}
