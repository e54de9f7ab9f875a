import Foundation
@testable import EntenteKit
import XCTest

/// `nextRowBytes` and the in-place number readers must read exactly what `next()` and `Double(String)` read.
final class CSVRowBytesTests: XCTestCase {
    private func reader(_ text: String) throws -> CSVLineReader {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rows-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try CSVLineReader(path: path)
    }

    func testNumbersReadInPlaceEqualDoubleOfTheirText() throws {
        let cells = ["0.1", "-0.30000000000000004", "1e-300", "2.5E+10", "", "NA", "nan", "7", "-0", "0x10", "1.7976931348623157e308", " 1"]
        var r = try reader(cells.joined(separator: ",") + "\n")
        let row = try XCTUnwrap(r.nextRowBytes())
        var starts: [Int] = []
        XCTAssertTrue(CSVLineReader.fieldStarts(row, into: &starts))
        XCTAssertEqual(starts.count - 1, cells.count)
        for (index, cell) in cells.enumerated() {
            let expected = Double(cell) ?? .nan
            let found = CSVLineReader.number(row, starts, index)
            XCTAssertTrue(expected.isNaN ? found.isNaN : found.bitPattern == expected.bitPattern, "\(cell): \(found) ≠ \(expected)")
        }
        XCTAssertEqual(CSVLineReader.integer(row, starts, 7), 7)
        XCTAssertNil(CSVLineReader.integer(row, starts, 0))
        XCTAssertTrue(CSVLineReader.field(row, starts, 5, equals: "NA"))
        XCTAssertFalse(CSVLineReader.field(row, starts, 5, equals: "N"))
    }

    func testAQuotedRowSpanningLinesIsOneRowAndSplitsLikeNext() throws {
        let text = "1,ok,\"a, \"\"b\"\"\nc\"\n2,error,\n"
        var bytes = try reader(text)
        var fields = try reader(text)
        let first = try XCTUnwrap(bytes.nextRowBytes())
        var starts: [Int] = []
        XCTAssertFalse(CSVLineReader.fieldStarts(first, into: &starts))
        XCTAssertEqual(CSVLineReader.fields(of: first), ["1", "ok", "a, \"b\"\nc"])
        XCTAssertEqual(CSVLineReader.fields(of: first), fields.next())
        XCTAssertEqual(bytes.line, 1)
        let second = try XCTUnwrap(bytes.nextRowBytes())
        XCTAssertEqual(CSVLineReader.fields(of: second), ["2", "error", ""])
        XCTAssertEqual(bytes.line, 3)
        XCTAssertNil(bytes.nextRowBytes())
    }
}
