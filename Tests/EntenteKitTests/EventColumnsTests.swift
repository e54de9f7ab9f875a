@testable import EntenteKit
import XCTest

/// events.csv: the `key=value` items of the event log's detail that have their own column move there;
/// the rest stays in `detail`, in order.
final class EventColumnsTests: XCTestCase {
    private func row(_ detail: String) -> String {
        var buffer = CSVBuffer()
        SeriesRecorder.splitDetail(detail, into: &buffer)
        buffer.endRow()
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    func testKnownKeysGetTheirColumnsInHeaderOrderAndTheRestStaysInDetail() {
        XCTAssertEqual(SeriesRecorder.headers[4].columns,
                       ["replicate", "step", "date", "event", "type", "actor", "target", "bloc", "p", "intensity", "value", "salience", "delta", "gap", "detail"])
        // bloc, p, intensity, value, salience, delta, gap, detail
        XCTAssertEqual(row("bloc=CSTO p=0.786"), "CSTO,0.786,,,,,,\n")
        XCTAssertEqual(row("bloc=CSTO scripted"), "CSTO,,,,,,,scripted\n")
        XCTAssertEqual(row("value=0.03 salience=0.018518518518518517 covert"), ",,,0.03,0.018518518518518517,,,covert\n")
        XCTAssertEqual(row("kind=sanction delta=-0.1 from_bloc=WEST"), ",,,,,-0.1,,kind=sanction from_bloc=WEST\n")
        XCTAssertEqual(row("intensity=1.5 bloc=WEST"), "WEST,,1.5,,,,,\n")
        XCTAssertEqual(row("gap=0.2167384786656377 effective=step 14"), ",,,,,,0.2167384786656377,effective=step 14\n")
        XCTAssertEqual(row("scripted; ignored: status is frozen"), ",,,,,,,scripted; ignored: status is frozen\n")
        XCTAssertEqual(row("events=a;b"), ",,,,,,,events=a;b\n")
        XCTAssertEqual(row("intensity=1.0 coalition=A+G"), ",,1.0,,,,,coalition=A+G\n")
        XCTAssertEqual(row(""), ",,,,,,,\n")
    }
}
