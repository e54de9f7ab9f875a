import XCTest
@testable import EntenteKit

/// The registry of series files: one list that every writer of trust.csv … landscape.csv reads.
final class SeriesFileTests: XCTestCase {
    func testTheRegistryListsTheSevenSeriesFilesInStreamOrderWithWhenEachIsRecorded() {
        XCTAssertEqual(SeriesFile.all.map(\.name), ["trust.csv", "affinity.csv", "states.csv", "blocs.csv", "events.csv", "drivers.csv", "landscape.csv"])
        XCTAssertEqual(SeriesFile.always.map(\.name), ["trust.csv", "affinity.csv", "states.csv", "blocs.csv", "events.csv"])
        XCTAssertEqual(SeriesFile.all[1].columns, ["replicate", "step", "date", "state", "bloc", "affinity", "status"])
        XCTAssertEqual(SpillingRecorder.buffers, SeriesFile.all.map(\.rows))
        var options = RecordOptions(trust: .pairs)
        XCTAssertEqual(SeriesFile.all.map { $0.isRecorded(by: options) }, [true, true, true, true, true, false, false])
        options.drivers = true
        XCTAssertEqual(SeriesFile.all.map { $0.isRecorded(by: options) }, [true, true, true, true, true, true, false])
    }

    func testAStagingFolderMayHoldEachSeriesFileAndItsCompressedForm() {
        for series in SeriesFile.all {
            XCTAssertTrue(ResultsFolder.stagingFileNames.contains(series.name + ".gz"), series.name)
            XCTAssertTrue(ResultsFolder.stagingFileNames.contains(series.name), series.name)
        }
        XCTAssertFalse(ResultsFolder.stagingFileNames.contains("notes.txt"))
    }
}
