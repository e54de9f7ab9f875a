@testable import EntenteCore
import Dispatch
import Foundation
import XCTest

/// `ParallelMap.run`: results in index order, and indexes handed out one at a time to whichever thread
/// is free, so one slow job (a calibration slot that needs many proposals) does not hold back the rest.
final class ParallelMapTests: XCTestCase {
    func testResultsComeBackInIndexOrderWhateverTheJobs() {
        for jobs in [1, 2, 3, 7] {
            XCTAssertEqual(ParallelMap.run(count: 10, jobs: jobs) { $0 * $0 }, [0, 1, 4, 9, 16, 25, 36, 49, 64, 81])
        }
        XCTAssertEqual(ParallelMap.run(count: 0, jobs: 2) { $0 }, [])
    }

    func testAJobWaitingForTheNextIndexIsNotBlockedBehindItOnTheSameThread() throws {
        try XCTSkipIf(ProcessInfo.processInfo.activeProcessorCount < 2, "needs two threads")
        // Job 0 waits until job 1 has run. With a fixed half of the indexes per thread, jobs 0 and 1 both
        // fall to the first thread and job 0 would wait for ever (here: 20 s, then false); handed out one
        // at a time, the second thread takes job 1 while the first waits.
        let oneDone = DispatchSemaphore(value: 0)
        let results = ParallelMap.run(count: 4, jobs: 2) { index -> Bool in
            if index == 0 { return oneDone.wait(timeout: .now() + 20) == .success }
            if index == 1 { oneDone.signal() }
            return true
        }
        XCTAssertEqual(results, [true, true, true, true])
    }
}
