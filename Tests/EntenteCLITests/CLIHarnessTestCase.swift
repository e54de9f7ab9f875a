import Foundation
import XCTest

/// An end-to-end test case whose every test gets a fresh ``CLIHarness`` folder, removed after the test.
/// Subclasses name their folders with ``folderPrefix``; one that overrides `setUpWithError` calls `super`
/// first (the folder exists from then on).
class CLIHarnessTestCase: XCTestCase {
    /// The start of the working folder's name (`prefix-<uuid>` in the temporary directory).
    class var folderPrefix: String { "entente-cli" }

    /// This test's harness: the built `entente` and its working folder.
    var cli: CLIHarness!

    /// This test's working folder.
    var folder: URL { cli.folder }

    override func setUpWithError() throws {
        try super.setUpWithError()
        cli = try CLIHarness(prefix: type(of: self).folderPrefix)
    }

    override func tearDownWithError() throws {
        cli?.remove()
        try super.tearDownWithError()
    }

    /// Runs `entente arguments` in the working folder.
    @discardableResult
    func entente(_ arguments: [String]) throws -> CLIHarness.Result { try cli.run(arguments) }

    /// Writes `text` to `name` in the working folder (creating subfolders) and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String { try cli.write(text, to: name) }

    /// The bytes of `name` in the working folder.
    func read(_ name: String) throws -> Data { try cli.data(name) }

    /// The text of `name` in the working folder.
    func text(_ name: String) throws -> String { try cli.text(name) }
}
