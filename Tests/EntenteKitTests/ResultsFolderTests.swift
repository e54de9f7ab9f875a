@testable import EntenteCore
@testable import EntenteKit
import Foundation
import XCTest

/// The output-folder policy (``OutputTarget``) and the no-replace move of ``ResultsFolder``, with races
/// simulated through `commit(beforeMove:)`.
final class ResultsFolderTests: XCTestCase {
    private var root: String!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("entente-results-\(UUID().uuidString)")
            .resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(atPath: root) }
    }

    private func write(_ text: String, to name: String) throws {
        let path = root + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func read(_ name: String) throws -> String {
        try String(contentsOfFile: root + "/" + name, encoding: .utf8)
    }

    private func entries(_ name: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root + "/" + name).sorted()
    }

    private let manifest = "{\"tool\": \"entente\", \"command\": \"entente run x.yaml\"}\n"

    func testAManifestIsRecognisedByToolEntenteAndACommand() throws {
        try write(manifest, to: "ok/manifest.json")
        try write("{\"tool\": \"entente\"}", to: "nocommand/manifest.json")
        try write("{\"tool\": \"other\", \"command\": \"x\"}", to: "other/manifest.json")
        try write("[1, 2]", to: "array/manifest.json")
        try write("x", to: "nomanifest/data.csv")
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        XCTAssertEqual(OutputTarget.contents(of: root + "/ok"), .results)
        for name in ["nocommand", "other", "array", "nomanifest"] {
            XCTAssertEqual(OutputTarget.contents(of: root + "/" + name), .foreignFolder, name)
        }
        XCTAssertEqual(OutputTarget.contents(of: root + "/empty"), .emptyFolder)
        XCTAssertEqual(OutputTarget.contents(of: root + "/missing"), .missing)
        XCTAssertEqual(OutputTarget.contents(of: root + "/ok/manifest.json"), .notAFolder)
    }

    func testResolveNormalisesDotsAndFollowsSymbolicLinksOfTheExistingPart() throws {
        try FileManager.default.createDirectory(atPath: root + "/real/inner", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/real")
        XCTAssertEqual(OutputTarget.resolve(root + "/link/inner/../new/./x"), root + "/real/new/x")
        XCTAssertEqual(OutputTarget.resolve(root + "/link"), root + "/real")
        XCTAssertEqual(OutputTarget.resolve("/.."), "/")
    }

    func testTheMoveIntoPlaceNeverReplacesAFolderThatAppearedMeanwhile() throws {
        let folder = try ResultsFolder(path: root + "/out", force: false)
        try folder.write("outcomes.csv", bytes: Array("replicate\n0\n".utf8))
        XCTAssertThrowsError(try folder.commit(beforeMove: { try? self.write("user\n", to: "out/notes.txt") })) { error in
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 73)
            XCTAssertTrue("\(error)".contains("appeared while this command was writing"), "\(error)")
        }
        XCTAssertEqual(try entries("out"), ["notes.txt"])
        XCTAssertEqual(try read("out/notes.txt"), "user\n")
        XCTAssertEqual(try read("out.conflict-\(getpid())/outcomes.csv"), "replicate\n0\n")
        XCTAssertEqual(try entries(), ["out", "out.conflict-\(getpid())"])
    }

    func testForceReplacesOnlyTheResultsFolderThatWasThereAtTheStart() throws {
        try write(manifest, to: "out/manifest.json")
        let folder = try ResultsFolder(path: root + "/out", force: true)
        try folder.write("manifest.json", bytes: Array(manifest.utf8))
        // Another run replaced the earlier results with its own (a different folder) before this one finished.
        XCTAssertThrowsError(try folder.commit(beforeMove: {
            try? FileManager.default.moveItem(atPath: self.root + "/out", toPath: self.root + "/elsewhere")
            try? self.write(self.manifest + " ", to: "out/manifest.json")
        })) { error in
            XCTAssertTrue("\(error)".contains("appeared while this command was writing"), "\(error)")
        }
        XCTAssertEqual(try read("out/manifest.json"), manifest + " ", "the other run's results were replaced")
        XCTAssertEqual(try entries(), ["elsewhere", "out", "out.conflict-\(getpid())"])
    }

    func testForceMovesTheOldResultsAsideAndDeletesThemOnlyAfterTheNewAreInPlace() throws {
        try write(manifest, to: "out/manifest.json")
        try write("old\n", to: "out/outcomes.csv")
        let folder = try ResultsFolder(path: root + "/out", force: true)
        try folder.write("manifest.json", bytes: Array(manifest.utf8))
        try folder.commit()
        XCTAssertEqual(try entries("out"), ["manifest.json"])
        XCTAssertEqual(try entries(), ["out"], "no staging or old folder left beside")
    }

    func testAnEmptyFolderIsFilledAndAFailedPrepareRemovesTheFoldersItCreated() throws {
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        let folder = try ResultsFolder(path: root + "/empty", force: false)
        try folder.write("outcomes.csv", bytes: Array("x\n".utf8))
        try folder.commit()
        XCTAssertEqual(try entries("empty"), ["outcomes.csv"])

        let name = root + "/a/b/c/" + String(repeating: "n", count: 300)
        XCTAssertThrowsError(try ResultsFolder(path: name, force: false)) { error in
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 73)
        }
        XCTAssertEqual(try entries(), ["empty"], "a/b/c were created on the way and must be removed")
    }

    func testPathsThatCanNeverBeResultsAreUsageErrors() throws {
        for path in ["", "/", FileManager.default.currentDirectoryPath, "."] {
            XCTAssertThrowsError(try OutputTarget(path: path)) { error in
                XCTAssertEqual((error as? EntenteError)?.exitStatus, 64, path)
            }
        }
        try write("x", to: "in/scenario.yaml")
        XCTAssertThrowsError(try OutputTarget(path: root + "/in", inputs: [root + "/in/scenario.yaml"])) { error in
            XCTAssertTrue("\(error)".contains("holds the input file"), "\(error)")
        }
    }

    func testFileProblemNamesThePathAndACauseInPlainWords() {
        XCTAssertEqual(FileProblem.cannot("write", "/r/x.csv", errno: ENOSPC).description,
                       "error: cannot write /r/x.csv: No space left on device (the disk is full)")
        let cocoa = NSError(domain: NSCocoaErrorDomain, code: CocoaError.Code.fileWriteNoPermission.rawValue,
                            userInfo: [NSFilePathErrorKey: "/r/out"])
        XCTAssertEqual(FileProblem.ententeError(from: cocoa).description,
                       "error: cannot write /r/out: Permission denied (you lack the permission to write there)")
        XCTAssertEqual(FileProblem.ententeError(from: cocoa).exitStatus, 73)
    }
}
