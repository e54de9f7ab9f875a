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
}
