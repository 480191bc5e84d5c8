import Foundation
import XCTest

/// Fresh folders under the system's temporary directory, one per test.
public enum TemporaryFolder {
    /// Creates `<tmp>/<prefix>-<uuid>` and returns it.
    public static func make(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// A test case with a fresh temporary folder per test, removed after it.
open class TemporaryFolderTestCase: XCTestCase {
    /// This test's folder.
    public var folder: URL!

    /// The start of the folder's name (`<tmp>/<prefix>-<uuid>`).
    open var folderPrefix: String { "gazette-test" }

    override open func setUpWithError() throws {
        try super.setUpWithError()
        folder = try TemporaryFolder.make(folderPrefix)
    }

    override open func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
        try super.tearDownWithError()
    }
}
