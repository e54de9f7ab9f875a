import EntenteKit
import Foundation
import XCTest

/// Pins the manifest.json format the typed manifests write: flat fields, sorted keys, `null` for
/// ``NullWhenAbsent`` fields, absent plain optionals, and numbers that survive a round trip.
final class ManifestTests: XCTestCase {
    /// A shard manifest in exactly the bytes `entente sweep` writes (JSONSerialization's before issue 11).
    private let shardManifest = """
        {
          "command" : "entente sweep s.yaml --shard 1/2",
          "design" : "morris",
          "design_file" : {
            "path" : "points.csv",
            "sha256" : "12"
          },
          "design_options" : {
            "candidates" : null,
            "levels" : 4,
            "second_order" : true,
            "skip" : 1
          },
          "gsl_version" : "2.7.1",
          "model" : 2,
          "outcome_columns" : [
            {
              "kind" : "flag",
              "name" : "arm_left"
            }
          ],
          "parameters" : [
            {
              "from" : 0.5,
              "path" : "betrayal",
              "scale" : "log",
              "to" : 2
            }
          ],
          "points" : [
            [
              0.30000000000000004
            ],
            [
              1e-07
            ]
          ],
          "record" : "outcomes",
          "replicates" : 1,
          "rng" : "mt19937",
          "runs_done" : 1,
          "runs_failed" : 0,
          "runs_total" : 1,
          "samples" : 1,
          "scenario" : {
            "path" : "c.yaml",
            "sha256" : "ab"
          },
          "seed" : 18446744073709551615,
          "seeding" : "StreamSeed.key(seed, point, replicate): SplitMix64 chain; mt19937 state words from SplitMix64(key)",
          "shard" : {
            "count" : 2,
            "index" : 1
          },
          "started" : "2026-12-01T00:00:00Z",
          "status" : "complete",
          "sweep" : {
            "path" : "s.yaml",
            "sha256" : "cd"
          },
          "sweep_sha256" : "ef",
          "tool" : "entente",
          "updated" : "2026-12-01T00:00:01Z",
          "variant" : null,
          "variants" : [
            "no-sale"
          ],
          "version" : "0.2.0"
        }

        """

    func testASweepManifestIsReadAndWrittenBackByteForByte() throws {
        let text = shardManifest
        let manifest = try JSONDecoder().decode(SweepManifest.self, from: Data(text.utf8))
        XCTAssertEqual(manifest.shard, Shard(index: 1, count: 2))
        XCTAssertEqual(manifest.points, [[0.30000000000000004], [1e-7]])
        XCTAssertEqual(manifest.seed, UInt64.max)
        XCTAssertNil(manifest.variant)
        XCTAssertNil(manifest.designOptions?.candidates)
        XCTAssertNil(manifest.parameters[0].steps)
        XCTAssertEqual(manifest.outcomeColumns.map(\.outcomeColumn.kind), [.flag])
        XCTAssertEqual(manifest.model, 2)
        XCTAssertEqual(manifest.variants, ["no-sale"])
        XCTAssertEqual(manifest.designFile, ManifestInput(path: "points.csv", sha256: "12"))
        XCTAssertEqual(String(decoding: try manifest.encoded(), as: UTF8.self), text)
    }

    func testASweepManifestWithoutModelVariantsOrDesignFileReadsAsModelOne() throws {
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(shardManifest.utf8)) as? [String: Any])
        object["model"] = nil
        object["variants"] = nil
        object["design_file"] = nil
        let manifest = try JSONDecoder().decode(SweepManifest.self, from: try JSONSerialization.data(withJSONObject: object))
        XCTAssertEqual(manifest.model, 1)
        XCTAssertNil(manifest.variants)
        XCTAssertNil(manifest.designFile)
        XCTAssertFalse(String(decoding: try manifest.encoded(), as: UTF8.self).contains("variants"))
    }

    func testAMergedManifestAddsMergedFromAndAPlainOptionalStaysOut() throws {
        let text = shardManifest
        var manifest = try JSONDecoder().decode(SweepManifest.self, from: Data(text.utf8))
        manifest.designOptions = nil
        manifest.shard = .whole
        manifest.mergedFrom = ["out/shard-0-of-2", "out/shard-1-of-2"]
        let written = String(decoding: try manifest.encoded(), as: UTF8.self)
        XCTAssertFalse(written.contains("design_options"))
        XCTAssertTrue(written.contains("\"merged_from\" : [\n    \"out/shard-0-of-2\",\n    \"out/shard-1-of-2\"\n  ],\n"), written)
        XCTAssertEqual(try JSONDecoder().decode(SweepManifest.self, from: Data(written.utf8)), manifest)
    }

    func testTheHeaderIsFlatAndAnEmptyListKeepsItsBlankLine() throws {
        var header = ManifestHeader(command: "entente validate x.yaml", started: Date(timeIntervalSince1970: 0))
        header.version = "0.2.0"
        header.gslVersion = "2.7.1"
        var manifest = ValidateManifest(command: "", started: Date(), replicates: 3, windowMonths: 24, settings: [],
                                        seed: nil, cases: [])
        manifest.header = header
        manifest.durationSeconds = 0.125
        XCTAssertEqual(String(decoding: try manifest.encoded(), as: UTF8.self), """
            {
              "cases" : [

              ],
              "command" : "entente validate x.yaml",
              "duration_seconds" : 0.125,
              "gsl_version" : "2.7.1",
              "replicates" : 3,
              "rng" : "mt19937",
              "seed" : null,
              "seed_rule" : "each case's own `seed:`",
              "seeding" : "StreamSeed.key(seed, point, replicate): SplitMix64 chain; mt19937 state words from SplitMix64(key)",
              "settings" : [

              ],
              "started" : "1970-01-01T00:00:00Z",
              "tool" : "entente",
              "version" : "0.2.0",
              "window_months" : 24
            }

            """)
    }

    func testAHeaderNeedsOnlyToolAndCommand() throws {
        let header = try JSONDecoder().decode(ManifestHeader.self, from: Data(#"{"tool": "entente", "command": "entente run x"}"#.utf8))
        XCTAssertEqual(header.command, "entente run x")
        XCTAssertEqual(header.rng, "")
        XCTAssertThrowsError(try JSONDecoder().decode(ManifestHeader.self, from: Data(#"{"tool": "entente"}"#.utf8)))
    }
}

extension ManifestTests {
    func testTheSweepManifestsDirectPointsListIsWhatJSONEncoderWrites() throws {
        let text = shardManifest
        var manifest = try JSONDecoder().decode(SweepManifest.self, from: Data(text.utf8))
        let awkward: [Double] = [0, -0.0, 0.1, 1.0 / 3, 100, 1e16, 1e-7, 5e-324, 1.7976931348623157e308, 123456789012345678, -2.5, 2.0e-5]
        manifest.points = [awkward, [], [7], awkward.reversed()]
        XCTAssertEqual(String(decoding: try manifest.encoded(), as: UTF8.self),
                       String(decoding: try ManifestJSON.encode(manifest), as: UTF8.self))
        manifest.points = []
        XCTAssertEqual(try manifest.encoded(), try ManifestJSON.encode(manifest))
        manifest.points = [[.nan]]
        XCTAssertThrowsError(try manifest.encoded())
    }
}

extension ManifestTests {
    /// A calibrate manifest in the bytes `entente calibrate` writes (JSONSerialization's before the merge of issue 15).
    private var calibrateManifest: String {
        """
        {
          "abandoned_generation" : null,
          "calibration" : {
            "alpha" : 0.5,
            "model" : 2,
            "observations" : [
              {
                "kind" : "event",
                "observation" : "a_left",
                "observed_month" : "2020-03",
                "weight" : 1,
                "window_months" : 12
              },
              {
                "kind" : "number",
                "observation" : "a_trust_b",
                "scale" : 0.25,
                "value" : -0.5,
                "weight" : 2
              }
            ],
            "parameters" : [
              {
                "max" : 10,
                "min" : 0,
                "name" : "betrayal",
                "prior" : "uniform"
              },
              {
                "max" : 1,
                "mean" : 0.3,
                "min" : 0,
                "name" : "noise",
                "prior" : "normal",
                "sd" : 0.1
              }
            ],
            "particles" : 40,
            "path" : "cal.yaml",
            "replicates_per_particle" : 5,
            "seed" : 7,
            "sha256" : "aa",
            "stop" : {
              "generations" : 4,
              "min_acceptance" : 0.05,
              "simulations" : null,
              "tolerance" : 0.1
            },
            "window_months" : 12
          },
          "command" : "calibrate",
          "command_line" : "entente calibrate cal.yaml --out c",
          "duration_seconds" : 1.5,
          "final_generation" : 3,
          "fingerprint" : "ff",
          "gsl_version" : "2.7.1",
          "rng" : "mt19937",
          "scenarios" : [
            {
              "model" : 2,
              "name" : "Tiny",
              "path" : "tiny.yaml",
              "sha256" : "bb"
            }
          ],
          "seeding" : "\(CalibrateManifest.seedingRule)",
          "simulations" : 800,
          "started" : "2026-12-01T00:00:00Z",
          "status" : "complete",
          "stop_reason" : "generations",
          "tool" : "entente",
          "version" : "0.2.0"
        }

        """
    }

    func testACalibrateManifestIsReadAndWrittenBackByteForByte() throws {
        let manifest = try JSONDecoder().decode(CalibrateManifest.self, from: Data(calibrateManifest.utf8))
        XCTAssertEqual(manifest.header.command, "calibrate")
        XCTAssertEqual(manifest.finalGeneration, 3)
        XCTAssertEqual(manifest.calibration?.parameters[1].sd, 0.1)
        XCTAssertNil(manifest.calibration?.stop.simulations)
        XCTAssertEqual(manifest.calibration?.model, 2)
        XCTAssertEqual(manifest.model, 2)
        XCTAssertEqual(manifest.calibration?.observations.map(\.kind), ["event", "number"])
        XCTAssertEqual(String(decoding: try manifest.encoded(), as: UTF8.self), calibrateManifest)
    }

    func testACalibrateManifestWithOnlyItsStatusStillReads() throws {
        let text = #"{"tool": "entente", "command": "calibrate", "status": "running"}"#
        let manifest = try JSONDecoder().decode(CalibrateManifest.self, from: Data(text.utf8))
        XCTAssertEqual(manifest.status, "running")
        XCTAssertNil(manifest.finalGeneration)
        XCTAssertNil(manifest.calibration)
        XCTAssertEqual(manifest.fingerprint, "")
    }
}
