// A libFuzzer target for Entente's input side: the YAML reader, the scenario loader (with every
// variant the input declares), the sweep decoder and the sweep's design, and one short simulation
// of each small valid scenario.
//
// Fuzzing build (Scripts/fuzz.sh does this and runs it):
//
//     swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
//         --product FuzzScenario --scratch-path .build-fuzz
//     .build-fuzz/debug/FuzzScenario CORPUS_DIR -max_len=65536 -rss_limit_mb=2048
//
// Plain build (`swift build --product FuzzScenario`): a replay tool that runs the same function over
// the files (or the files in the folders) given as arguments, e.g. to check that a saved crash input
// is fixed:
//
//     swift run FuzzScenario Tests/Fixtures/fuzz-regressions Tests/Fixtures/bad
//
// Every error Entente reports (EntenteError, a failed `try`) is expected and swallowed. What counts as
// a finding: a crash or sanitizer report, a timeout or memory exhaustion, and — deliberately — a
// simulation of a valid scenario that ends with a non-finite value (docs/errors.md, status 70: "should
// not happen with a valid scenario"), which is turned into a crash here so that libFuzzer keeps it.

import EntenteKit
import Foundation

enum FuzzHarness {
    /// The name every input is given in messages.
    static let inputName = "fuzz-input.yaml"

    /// A small valid scenario that sweep inputs can point at (`scenario: tiny.yaml`,
    /// `scenario: support/tiny.yaml`, `scenario: ../tiny.yaml`).
    static let tinyScenario = """
        name: tiny
        calendar: {start: 2020-01, end: 2020-12, step: month}
        seed: 7
        replicates: 2
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 2}
          - {id: C, capability: 3}
        blocs:
          - {id: X, leader: B, members: [A, B], obligation: 0.8}
        trust:
          - {from: A, to: C, value: -0.5, mutual: true}
        events:
          - {id: sale, at: 2020-03, type: arms_transfer, from: B, to: C, value: 0.5, covert: true}
          - {id: leak, at: 2020-06, type: reveal, events: [sale]}
          - {id: war, at: 2020-09, type: attack, by: C, target: A, intensity: 1.0, bloc: X}
        outcomes:
          - {name: a_left, type: left, state: A, bloc: X}
          - {name: a_trust_b, type: trust, from: A, to: B}
        variants:
          - {name: calm, parameters: {betrayal: 0.5}}

        """

    /// A private folder holding the scenarios sweep inputs may name; sweep inputs are written to
    /// `<workspace>/sweeps/input.yaml`. Nothing outside this folder is ever read for a sweep.
    static let workspace: URL = {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("entente-fuzz-\(getpid())", isDirectory: true)
        let sweeps = root.appendingPathComponent("sweeps", isDirectory: true)
        try? FileManager.default.createDirectory(at: sweeps.appendingPathComponent("support"), withIntermediateDirectories: true)
        for path in ["tiny.yaml", "scenario.yaml", "sweeps/tiny.yaml", "sweeps/scenario.yaml", "sweeps/support/tiny.yaml"] {
            try? Data(tinyScenario.utf8).write(to: root.appendingPathComponent(path))
        }
        // The shipped scenario, which the shipped sweeps name as ../csto-2018-2024.yaml.
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        if let shipped = FileManager.default.contents(atPath: package.appendingPathComponent("Scenarios/csto-2018-2024.yaml").path) {
            try? shipped.write(to: root.appendingPathComponent("csto-2018-2024.yaml"))
        }
        atexit { try? FileManager.default.removeItem(at: FuzzHarness.workspace) }
        return root.standardizedFileURL
    }()

    /// Runs one input through every loader; never throws.
    static func run(_ data: Data) {
        let root: YAMLNode
        do {
            root = try YAMLDocumentReader().parse(data: data, file: inputName)
        } catch {
            return
        }
        if root["scenario"] != nil && root["states"] == nil {
            sweep(data, root: root)
        } else {
            scenario(root)
        }
    }

    /// The scenario loader, each declared variant, and one replicate of a small valid scenario.
    static func scenario(_ root: YAMLNode) {
        let loader = ScenarioLoader()
        guard let base = try? loader.load(root: root, file: inputName) else { return }
        simulate(base)
        for variant in base.variants.prefix(8) {
            if let edited = try? loader.load(root: root, file: inputName, variant: variant.name) {
                simulate(edited)
            }
        }
        // A few command-line style overrides, on paths that exist in most inputs.
        for setting in ["betrayal=10", "balance=1", "noise=1", "hazard=100", "default_trust=-1"] {
            _ = try? loader.load(root: root, file: inputName, settings: [setting])
        }
    }

    /// One replicate, only for scenarios small enough to keep executions fast.
    static func simulate(_ scenario: Scenario) {
        guard scenario.states.count <= 40, scenario.blocs.count <= 20, scenario.events.count <= 500,
              scenario.calendar.stepCount <= 400 else { return }
        let engine = Engine(scenario: scenario)
        var observer = NullObserver()
        let result = engine.run(replicate: 0, seed: scenario.seed, observer: &observer)
        if let error = result.error {
            fatalError("a valid scenario produced a non-finite value: \(error)")
        }
    }

    /// The sweep decoder and the sweep's design (what `entente check SWEEP` does), for sweep files
    /// whose scenario lies inside ``workspace``.
    static func sweep(_ data: Data, root: YAMLNode) {
        guard let reference = root["scenario"]?.scalarText, !reference.isEmpty, !reference.hasPrefix("/") else { return }
        let sweeps = workspace.appendingPathComponent("sweeps", isDirectory: true)
        let target = sweeps.appendingPathComponent(reference).standardizedFileURL.path
        guard target.hasPrefix(workspace.path + "/") else { return }
        let input = sweeps.appendingPathComponent("input.yaml")
        guard (try? data.write(to: input)) != nil else { return }
        _ = try? SweepRunner.check(root: YAMLDocumentReader().read(path: input.path), path: input.path)
    }
}

#if FUZZING

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzHarness.run(data)
    return 0
}

// SwiftPM links an executable target on Linux with `--defsym main=<Target>_main`, so libFuzzer's own
// `main` is never used: this entry point hands the command line to libFuzzer's driver instead.
// (The arguments are pointers and a C int, passed in the same registers by the Swift and C conventions.)
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("FuzzScenario_main")
public func fuzzScenarioMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzScenarioTestOneInput)
}

#else

/// Replays inputs: `FuzzScenario FILE_OR_FOLDER...`, printing each input's time.
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: FuzzScenario FILE_OR_FOLDER...\n".utf8))
            exit(64)
        }
        var files: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("FuzzScenario: \(argument): no such file\n".utf8))
                exit(66)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.sorted().map { argument + "/" + $0 }.filter { path in
                    var isFolder: ObjCBool = false
                    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
                }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let started = Date()
            FuzzHarness.run(data)
            print("\(file): ok (\(data.count) bytes, \(Int(Date().timeIntervalSince(started) * 1000)) ms)")
        }
        print("replayed \(files.count) inputs")
    }
}

#endif
