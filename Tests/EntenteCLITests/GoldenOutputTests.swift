import EntenteKit
import Foundation
import XCTest

/// Pins every output file of `run`, `compare`, `sweep` and `validate` on the shipped CSTO case and two
/// history cases to SHA-256 hashes recorded before the EntenteCore/EntenteKit renovation (issue 11), so
/// refactoring cannot change a single byte of results.
///
/// manifest.json is hashed after removing the fields that legitimately vary between machines and
/// sessions (times, durations, versions, command lines, paths); everything else in it is pinned.
/// The sweeps and scenarios are copied into a temporary folder first, so file hashes in manifests do
/// not depend on where the checkout lives.
///
/// When a shipped scenario or an output format changes on purpose, rerun with `GOLDEN_PRINT=1` and
/// paste the printed table into ``expected``.
final class GoldenOutputTests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-golden" }

    /// Manifest keys whose values depend on the clock, the machine, the build or where files live.
    private static let volatileKeys: Set<String> = ["started", "updated", "duration_seconds", "version", "gsl_version", "command", "path"]

    /// Recorded from the code at main d18cbce (before issue 11). Keys are `<folder>/<file>`.
    private static let expected: [String: String] = [
        "compare/effects.csv": "7d8f8294a88a7183d87f48d373b739ed0743e01bc0bf33c28b8b9ce3a4efdb9c",
        "compare/manifest.json": "db5c60e9dee55dd66386202389ef632d8b79fbb0294a05c2279ac1d45a415ac0",
        "compare/outcomes.csv": "00ed64d2001b34d418cd2f1fc5a87f91b2b0ad14019215aa19b21cc66224e7fd",
        "events/manifest.json": "86d5ebbced791b3b626321c1504c2466afb66c34e2b136573ea7c53e2cc4bcee",
        "events/points.csv": "40c8e5d1647d01692e9d2a4d54d64585d879d8830a9604bd187e710ee6bb2310",
        "events/runs.csv": "5a532c98d4b497b1c52c3983bcd0ca304053e32c64a872c555b32370acbcb85d",
        "grid/manifest.json": "36eba451f80b3ae496dc56a776386375d82176e3da9fcf593fdd5408d1269983",
        "grid/points.csv": "4e72700d50d1eedd6b9760270f99f2f96cc383d07e347636f55da358d8bfadfe",
        "grid/runs.csv": "09903c078403b3c0836ee3bfe2b66fcabfbe952688a5f334e1b9c644130cf11d",
        "run-variant/affinity.csv": "5bc6b40603f4d027f9d6479eef75ff78b1b4082de2956a2c05bd46fa4487de31",
        "run-variant/blocs.csv": "fc3aa19493144930c18920f70eab49231fa52226d91c5642d6a2bc9f686d9a46",
        "run-variant/events.csv": "5ec68869972ca305cfa66ef9d60cf9a13324b7809acb9eb947638bd9840e09de",
        "run-variant/manifest.json": "37bd9e3d0e2eb72e3eaad63f222b73de3186ac0979bd8c2544307549f224b646",
        "run-variant/outcomes.csv": "d2788ea0786a050a965b4d6bac343930c8a9f0daab2303fb8747bcf7a2f05247",
        "run-variant/states.csv": "50db4f253fe1a2de2eae3ef576ae43334d9d1d47ee48ef08c81e95ee59b39f13",
        "run-variant/trust.csv": "f342e3dd53ca10d328607a727eb6fc13ba144724b7d873b9eaa92a32087ed2a9",
        "run/affinity.csv": "76d82df4e1fc1ae33ffd2aacb1e3f1130617e70b3d0f283aced55b5b14da866f",
        "run/blocs.csv": "84d3e55453e0e9e15abae4005f9a483a8df2df01e75c6f1af847ccee56d12095",
        "run/events.csv": "3ae63cb010b25116001edaaa79039f31811552af0c6a029f57af3b2fb51fea60",
        "run/manifest.json": "ff169adbfe16711f9d2999f089510f708d6975629359683b55a1a0c86206fd94",
        "run/outcomes.csv": "bbc0b0f47d6b4138e5982924bc9e43eae3936f8f71399ceff6edbaa89cfcdcc9",
        "run/states.csv": "1b3c8655b0fcd06f6a4c91b9fa3148003eaae43643ffd334983ed40c06714d32",
        "run/trust.csv": "34a0ad5065558da91ff15d471d471559810e06294cc538f6c624347fdcf5b374",
        "sobol/manifest.json": "1319551d4a3cf6e89cf54464720a0d533cff4d0748f8df392cca53e4eb90d848",
        "sobol/points.csv": "31da127c79e07b2dd06dc52bf7380b3d85959149b5e456783555d4fdcf07cc27",
        "sobol/runs.csv": "80e46a732767eb048a268ad1dddf7a5aa55cc4fdd299aaf0a33810dab4ac5e23",
        "sobol/runs/0-0/affinity.csv": "6566b710a04a03a6c8d2b9ae883e1b7c0619cdf8f6d915cd953f4e4d23cf8fe6",
        "sobol/runs/0-0/blocs.csv": "d3b7a21d0268c5bbf42cdce53d4160999dc3e1880c8badaa7e6d49dd3eeb8366",
        "sobol/runs/0-0/events.csv": "05f3994d6ae6f74cbe3fda28d49836fa84a44e07da01c021d2a696a0f07fae15",
        "sobol/runs/0-0/states.csv": "520d75b451c34089e4ad57d184d3453d1905ca90c1b678702ec8da54dd4c753b",
        "sobol/runs/0-0/trust.csv": "db1cf7854bc3442f08e92719dd9f9fbf7743916b99adb54833069892671fa97f",
        "sobol/runs/1-0/affinity.csv": "751cadd39ca90bbf4e65b884a87694b221c4c2f0cbaee2708fb365ac26a3226a",
        "sobol/runs/1-0/blocs.csv": "36d26193dea1a90280bd192da6c1e545fa057856d017120663f9b1f4a54d5e48",
        "sobol/runs/1-0/events.csv": "ac3cdc5069881150dc7e339bf711824da134faeb94cb337372219c93d4a05115",
        "sobol/runs/1-0/states.csv": "de1dc0d9b746235563fd9f45da1964e67bb73db0f5bff4f6566f6da70e9125ea",
        "sobol/runs/1-0/trust.csv": "041c0ae97ce6773f184ce31454c5db6ffff5e4f0c1632ea5bf41404bd8cfa625",
        "sobol/runs/2-0/affinity.csv": "69ffb7a318e850869950f5f1c6fc838492260a0c78d9f04e2e8859acdf5f97a7",
        "sobol/runs/2-0/blocs.csv": "45c434289af91c7421754015f62bdb6f48f27f6529ed7bb97bf222737404ccb8",
        "sobol/runs/2-0/events.csv": "a9c60e73632c45937daac215543bb9dcc1e0ccf26fb615d1e8c81a4a2f7f9d35",
        "sobol/runs/2-0/states.csv": "fa79cb530f13002814938fe341d5aa355ba9ee8c070a73a888c5cba655cc68a0",
        "sobol/runs/2-0/trust.csv": "9c6366aa1349098f627143b1e7d23a677510e0e91e807ee99a5f624ba0eaf665",
        "sobol/runs/3-0/affinity.csv": "fe0e1415a27adcfd5cce4588700e39c61e8c952ceb50873fc94ed7fe65091467",
        "sobol/runs/3-0/blocs.csv": "fe544d5cba818d52052b11e2a7026d631206e0fdb6014a9920bb2cbf8792e0f5",
        "sobol/runs/3-0/events.csv": "e41bf768135aa35bdca4fc7ee2eb6a2a6d701657ef3c32de14dda60cec124334",
        "sobol/runs/3-0/states.csv": "922d6a5b6510742f8f9c0363eea2a9c35b064779ba55370b18925f50b7555798",
        "sobol/runs/3-0/trust.csv": "340e2398b1c781f12a3b7a704e98d1eff69719f3c0393113820a43b878c79f25",
        "sobol/runs/4-0/affinity.csv": "2e48c5c55f5d834e453666ad9dcc74b1201096d63d0421aefa77bceb9265bb33",
        "sobol/runs/4-0/blocs.csv": "0de6aa3982df935cc600b95ddd6d89340accbbdfa32a98b6a5251396e816b123",
        "sobol/runs/4-0/events.csv": "aa11ca7660bffb02f8e620409c6afc6704c13b228f7c4d5303421d6df078ef97",
        "sobol/runs/4-0/states.csv": "1e6756abd30d662f92437afb9374a1c90a0ea7d265337a5436762e245dc3593f",
        "sobol/runs/4-0/trust.csv": "509d4056b57d2c583dbfc7955669d81bbb70bd087eed6a514488e280c1e0d09a",
        "sobol/runs/5-0/affinity.csv": "87fb43d44ba6ccefc3dd59c048586abb799e7f0ab16de1536f8f6daf67539855",
        "sobol/runs/5-0/blocs.csv": "2e767909692720dd2f9a6c02b7d575c9e3ddadbbaaff18ec0e377f2d50fa185a",
        "sobol/runs/5-0/events.csv": "8de56d55edea8565eccc84b27a36bcf67de570e0cb1780078ea503e197cccdcc",
        "sobol/runs/5-0/states.csv": "8325473472369968deb79e75b545ea64b74160ccc29d87342f3b359bf3064ead",
        "sobol/runs/5-0/trust.csv": "a9eaa1e63551ec5b1ecf4a6fc7e27ec5cc6becd4194250172694d5ccc2f9ba71",
        "sobol/runs/6-0/affinity.csv": "f948dbeb1968d0d5fc8294d52b7a984b44bb5dd9f8a6dcd133a6e414f8f005ac",
        "sobol/runs/6-0/blocs.csv": "49909f67ceca609245e995520077fd8f7a26319e94fd414bf2c8f90e21571545",
        "sobol/runs/6-0/events.csv": "c876ffc8a3b11a1a0943eb8637600ac7f6ccc6e107699a0ef2c19d15445dcbfd",
        "sobol/runs/6-0/states.csv": "4406fe03d421a17cd8de179366572dd90912447635c3f2455d4a94341481c029",
        "sobol/runs/6-0/trust.csv": "d1ebf3da8ddf4ca9be69daf5517649fb64c20e6aaeef818dbf75dc33f6060160",
        "sobol/runs/7-0/affinity.csv": "6a3a4068b1d1d4510b1041e7aef0ef32b0c1d7fa575bd04ac283ee866744d09e",
        "sobol/runs/7-0/blocs.csv": "d3bc332880f4b8669a1d1f3ae2e9516052d64009f78f23dc9ffca8d3414af53f",
        "sobol/runs/7-0/events.csv": "b224449aa8edeedc7802390493fa66b4dc3838d19a84b3ed1fa446808bc2599c",
        "sobol/runs/7-0/states.csv": "d31e95f7ceae113d66a6550af9131ba6c8beca6120a8d836efe618d3961ab55e",
        "sobol/runs/7-0/trust.csv": "145473c35d9dd7480b5cf75c0871d090fb97e436e96a968db0851be9c2ede535",
        "validate-csto/cases.csv": "0b191ca0fcb7e38658e51056fc662b3f0dad5ab9dd7ad23e92401b16e376e6f0",
        "validate-csto/manifest.json": "07d0aa149f76cd31206e91280c7012ab76293c145cfe0f2fdd1bed687e394c15",
        "validate-csto/validation.csv": "142cf94e8582403629a67d346642b9a9d963ab9f08cb1613cb62aa8e6c7f3bde",
        "validate-history/cases.csv": "431fde61a5d54a02aaab4d4dda207974f27e4b4da456866e77689ad66db65a8e",
        "validate-history/manifest.json": "f395f8f94cc9886831fbc9f9fc55ae82f3e0bc2f08ccf36129762b1e648d8221",
        "validate-history/validation.csv": "133f18e9cc556322be8a19e1bed0cff7e540595dc71b90ae0bc47ae68c06acd9",
    ]

    func testRunCompareSweepAndValidateOutputsAreByteIdenticalToTheRecordedOnes() throws {
        let root = BuiltBinary.packageRoot.appendingPathComponent("Scenarios")
        try copy(root.appendingPathComponent("csto-2018-2024.yaml"), to: "csto.yaml")
        try copy(root.appendingPathComponent("history/iceland-nato-1971-1974.yaml"), to: "history/iceland.yaml")
        try copy(root.appendingPathComponent("history/turkey-nato-2016-2020.yaml"), to: "history/turkey.yaml")
        try sweep(from: root.appendingPathComponent("sweeps/betrayal-complicity.yaml"), to: "grid.yaml",
                  edits: ["scenario: ../csto-2018-2024.yaml": "scenario: csto.yaml", "replicates: 100": "replicates: 2"])
        try sweep(from: root.appendingPathComponent("sweeps/sobol-eight.yaml"), to: "sobol.yaml",
                  edits: ["scenario: ../csto-2018-2024.yaml": "scenario: csto.yaml", "replicates: 50": "replicates: 1",
                          "samples: 256": "samples: 8", "record: outcomes": "record: full"])
        // A sweep over an event's field and the calendar-bound paths, which need the scenario rebuilt per point.
        try write("""
            name: event fields
            scenario: csto.yaml
            seed: 3
            replicates: 2
            design: random
            samples: 4
            parameters:
              events.polonez-2018-06.value: {from: 0.0, to: 0.5}
              betrayal: {values: [1.0, 2.5]}
            outcomes: from-scenario
            record: outcomes

            """, to: "events.yaml")

        try ententeSucceeds(["run", "csto.yaml", "--out", "run", "--replicates", "3", "--record", "every=12", "--jobs", "2", "--quiet"])
        try ententeSucceeds(["run", "csto.yaml", "--out", "run-variant", "--replicates", "2", "--variant", "never-leaked",
                     "--set", "betrayal=1.25", "--record", "every=6", "--record", "trust=pairs", "--quiet"])
        try ententeSucceeds(["compare", "csto.yaml", "--out", "compare", "--replicates", "4", "--set", "complicity=0.75"])
        try ententeSucceeds(["sweep", "grid.yaml", "--out", "grid", "--jobs", "1", "--quiet"])  // runs.csv rows come in completion order
        try ententeSucceeds(["sweep", "sobol.yaml", "--out", "sobol", "--jobs", "1", "--quiet"])
        try ententeSucceeds(["sweep", "events.yaml", "--out", "events", "--jobs", "1", "--quiet"])
        try ententeSucceeds(["validate", "csto.yaml", "--out", "validate-csto", "--replicates", "20", "--quiet"])
        try ententeSucceeds(["validate", "history", "--out", "validate-history", "--replicates", "10", "--set", "hazard=1.5", "--quiet"])

        let actual = try hashes()
        if ProcessInfo.processInfo.environment["GOLDEN_PRINT"] != nil {
            print(actual.keys.sorted().map { "        \"\($0)\": \"\(actual[$0]!)\"," }.joined(separator: "\n"))
        }
        XCTAssertEqual(Set(actual.keys), Set(Self.expected.keys), "the set of output files changed")
        for (name, hash) in actual.sorted(by: { $0.key < $1.key }) where Self.expected[name] != nil {
            XCTAssertEqual(hash, Self.expected[name], "\(name) differs from the recorded output")
        }
    }

    // MARK: - Support

    private func copy(_ source: URL, to name: String) throws {
        try write(String(decoding: try Data(contentsOf: source), as: UTF8.self), to: name)
    }

    private func sweep(from source: URL, to name: String, edits: [String: String]) throws {
        var text = String(decoding: try Data(contentsOf: source), as: UTF8.self)
        for (old, new) in edits {
            XCTAssertTrue(text.contains(old), "\(source.lastPathComponent) no longer holds '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try write(text, to: name)
    }

    /// Runs `entente arguments` and asserts it exits 0.
    private func ententeSucceeds(_ arguments: [String]) throws {
        let result = try cli.run(arguments)
        XCTAssertEqual(result.status, 0, "entente \(arguments.joined(separator: " ")): \(result.stderr)")
    }

    /// SHA-256 of every file under the output folders, manifests normalised.
    private func hashes() throws -> [String: String] {
        var result: [String: String] = [:]
        let outputs = ["run", "run-variant", "compare", "grid", "sobol", "events", "validate-csto", "validate-history"]
        for output in outputs {
            let base = folder.appendingPathComponent(output)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else {
                XCTFail("\(output) was not written")
                continue
            }
            for case let relative as String in walker {
                let url = base.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      url.lastPathComponent != ".entente.lock" else { continue } // holds the writer's process id
                var bytes = try Data(contentsOf: url)
                if url.lastPathComponent == "manifest.json" { bytes = try normalisedManifest(bytes) }
                result[output + "/" + relative] = SHA256.hex([UInt8](bytes))
            }
        }
        return result
    }

    private func normalisedManifest(_ data: Data) throws -> Data {
        let object = try JSONSerialization.jsonObject(with: data)
        return try JSONSerialization.data(withJSONObject: stripped(object), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    private func stripped(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            return dictionary.filter { !Self.volatileKeys.contains($0.key) }.mapValues(stripped)
        }
        if let array = value as? [Any] { return array.map(stripped) }
        return value
    }
}
