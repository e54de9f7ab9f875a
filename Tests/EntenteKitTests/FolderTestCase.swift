import Foundation
import XCTest

/// A test case whose every test gets a fresh, empty folder in the temporary directory, removed after the
/// test. Subclasses name their folders with ``folderPrefix``; one that overrides `setUpWithError` calls
/// `super` first (the folder exists from then on).
class FolderTestCase: XCTestCase {
    /// The start of the folder's name (`prefix-<uuid>` in the temporary directory).
    class var folderPrefix: String { "entente-kit" }

    /// This test's folder.
    var folder: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(type(of: self).folderPrefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        try super.tearDownWithError()
    }
}
