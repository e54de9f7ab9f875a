import EntenteKit
import XCTest

/// The scorer of `entente validate` on hand-made replicate dates: window edges, quantiles,
/// non-events, Brier and log scores, and verdict aggregation (docs/validation.md).
final class ValidationScorerTests: XCTestCase {
    /// Monthly 2018-01 … 2021-12: step s is month 2018-01 + s.
    private let monthly = SimulationCalendar(start: CalendarDate(year: 2018, month: 1, precision: .month),
                                             end: CalendarDate(year: 2021, month: 12, precision: .month), unit: .month)!
    private let location = SourceLocation(file: "case.yaml", line: 1, column: 1)

    private func event(_ text: String) -> ObservedOutcome {
        ObservedOutcome(outcome: "x_left", happened: CalendarDate(parsing: text)!, source: "s", location: location)
    }

    private var never: ObservedOutcome { ObservedOutcome(outcome: "x_left", happened: nil, source: "s", location: location) }

    private func score(_ observed: ObservedOutcome, _ steps: [Double], window: Int = 12) -> OutcomeScore {
        ValidationScorer(window: window).score(observed, steps: steps, calendar: monthly, type: "left", state: "X", bloc: "B")
    }

    func testWindowIsInclusiveAtPlusAndMinusWAndExcludesOneMonthMore() {
        // Observed 2020-01 = step 24; W = 12: steps 12 (2019-01) and 36 (2021-01) are inside, 11 and 37 are not.
        let result = score(event("2020-01"), [11, 12, 36, 37])
        XCTAssertEqual(result.pWindow, 0.5)
        XCTAssertEqual(result.pAny, 1)
        XCTAssertEqual(result.dateErrorMedian, 0)        // sorted errors −13, −12, 12, 13
        XCTAssertEqual(result.dateErrorP10, -12.7, accuracy: 1e-12)  // δ = 0.3: 0.7·(−13) + 0.3·(−12)
        XCTAssertEqual(result.dateErrorP90, 12.7, accuracy: 1e-12)
        XCTAssertEqual(result.brier, 0.25)
        XCTAssertEqual(result.logScore, log(2), accuracy: 1e-15)
        XCTAssertTrue(result.right, "P = 0.5 is right: the rule is P ≥ 0.5")
        XCTAssertEqual(score(event("2020-01"), [11, 37]).pWindow, 0)
        XCTAssertEqual(score(event("2020-01"), [24], window: 0).pWindow, 1)
        XCTAssertEqual(score(event("2020-01"), [25], window: 0).pWindow, 0)
    }

    func testExactHitScoresOneZeroBrierAndZeroLogScore() {
        let result = score(event("2019-06"), [17, 17, 17, 17])
        XCTAssertEqual(result.pWindow, 1)
        XCTAssertEqual([result.dateErrorMedian, result.dateErrorP10, result.dateErrorP90], [0, 0, 0])
        XCTAssertEqual(result.brier, 0)
        XCTAssertEqual(result.logScore, 0)
        XCTAssertEqual(result.logScore.sign, .plus)
        XCTAssertEqual(result.verdict, "right")
    }

    func testEventThatNeverHappensHasPZeroLogScoreAtTheFloorAndNoDateError() {
        let result = score(event("2019-06"), [.nan, .nan, .nan, .nan])
        XCTAssertEqual(result.pWindow, 0)
        XCTAssertEqual(result.pAny, 0)
        XCTAssertTrue(result.dateErrorMedian.isNaN)
        XCTAssertEqual(result.brier, 1)
        XCTAssertEqual(result.logScore, -log(1.0 / 8), accuracy: 1e-15)  // floor 1/(2·4)
        XCTAssertFalse(result.right)
    }

    func testDateErrorCountsOnlyReplicatesWhereItHappened() {
        // Observed 2019-06 (step 17); happened at steps 20 and 29 (+3 and +12), twice never.
        let result = score(event("2019-06"), [20, .nan, 29, .nan], window: 6)
        XCTAssertEqual(result.pAny, 0.5)
        XCTAssertEqual(result.pWindow, 0.25)
        XCTAssertEqual(result.dateErrorMedian, 7.5)
        XCTAssertEqual(result.dateErrorP10, 3.9, accuracy: 1e-12)
        XCTAssertEqual(result.dateErrorP90, 11.1, accuracy: 1e-12)
        XCTAssertEqual(result.brier, 0.5625)
        XCTAssertEqual(result.logScore, log(4), accuracy: 1e-15)
    }

    func testABareYearIsItsJanuary() {
        XCTAssertEqual(score(event("2020"), [24]).dateErrorMedian, 0)
        XCTAssertEqual(score(event("2020-01-31"), [24]).dateErrorMedian, 0)
    }

    func testQuarterStepsAreDatedByTheirFirstMonth() {
        let quarterly = SimulationCalendar(start: CalendarDate(year: 2018, month: 1, precision: .month),
                                           end: CalendarDate(year: 2019, month: 12, precision: .month), unit: .quarter)!
        // Step 2 begins 2018-07; observed 2018-09: error −2 months.
        let result = ValidationScorer(window: 1).score(event("2018-09"), steps: [2], calendar: quarterly, type: "left", state: "X", bloc: "B")
        XCTAssertEqual(result.dateErrorMedian, -2)
        XCTAssertEqual(result.pWindow, 0)
    }

    func testNonEventHappeningInEveryReplicateIsWrongWithTheFlooredLogScore() {
        let result = score(never, [3, 5, 7, 9])
        XCTAssertEqual(result.pAny, 1)
        XCTAssertEqual(result.p, 1)
        XCTAssertTrue(result.pWindow.isNaN)
        XCTAssertTrue(result.dateErrorMedian.isNaN)
        XCTAssertEqual(result.brier, 1)
        XCTAssertEqual(result.logScore, log(8), accuracy: 1e-15)
        XCTAssertFalse(result.right)
    }

    func testNonEventThatNeverHappensIsRightWithZeroScores() {
        let result = score(never, [.nan, .nan])
        XCTAssertEqual(result.pAny, 0)
        XCTAssertEqual(result.brier, 0)
        XCTAssertEqual(result.logScore, 0)
        XCTAssertTrue(result.right)
    }

    func testNonEventAtExactlyOneInTenIsRightAndAboveIsWrong() {
        let once = score(never, [4] + Array(repeating: .nan, count: 9))
        XCTAssertEqual(once.pAny, 0.1)
        XCTAssertEqual(once.brier, 0.01, accuracy: 1e-15)
        XCTAssertEqual(once.logScore, -log(0.9), accuracy: 1e-15)
        XCTAssertTrue(once.right)
        XCTAssertFalse(score(never, [4, 5] + Array(repeating: .nan, count: 8)).right)
    }

    func testACaseIsRightOnlyWhenEveryOutcomeIsRightAndTotalsCountEventsAndNonEvents() {
        let hit = score(event("2019-06"), [17, 17])                  // right, Brier 0, log 0
        let falseAlarm = score(never, [17, .nan])                    // P 0.5: wrong, Brier 0.25, log ln 2
        let quiet = score(never, [.nan, .nan])                       // right
        let mixed = CaseScore(file: "a.yaml", name: "a", seed: 1, outcomes: [hit, falseAlarm])
        let clean = CaseScore(file: "b.yaml", name: "b", seed: 1, outcomes: [hit, quiet])
        XCTAssertFalse(mixed.right)
        XCTAssertEqual(mixed.outcomesRight, 1)
        XCTAssertEqual(mixed.brier, 0.125)
        XCTAssertEqual(mixed.logScore, log(2) / 2, accuracy: 1e-15)
        XCTAssertTrue(clean.right)
        let report = ValidationReport(cases: [mixed, clean], window: 12, replicates: 2)
        XCTAssertEqual(report.casesRight, 1)
        XCTAssertEqual(report.outcomesRight, 3)
        XCTAssertEqual(report.events.total, 2)
        XCTAssertEqual(report.events.right, 2)
        XCTAssertEqual(report.nonEvents.total, 2)
        XCTAssertEqual(report.nonEvents.right, 1)
        XCTAssertEqual(report.brier, 0.0625)
        XCTAssertEqual(report.logScore, log(2) / 4, accuracy: 1e-15)
        let csv = String(decoding: report.casesCSV, as: UTF8.self)
        XCTAssertEqual(csv, """
            case_file,case,outcomes,outcomes_right,right,brier,log_score
            a.yaml,a,2,1,0,0.125,\(log(2.0) / 2)
            b.yaml,b,2,2,1,0.0,0.0

            """)
    }

    func testValidationCSVWritesOneRowPerOutcomeWithEmptyCellsForMissingValues() {
        let report = ValidationReport(cases: [CaseScore(file: "a.yaml", name: "Case A", seed: 1,
                                                        outcomes: [score(event("2019-06"), [17, 27]), score(never, [.nan, .nan])])],
                                      window: 12, replicates: 2)
        XCTAssertEqual(String(decoding: report.outcomesCSV, as: UTF8.self), """
            case_file,case,outcome,type,state,bloc,observed,window,replicates,p_window,p_any,date_err_median,date_err_p10,date_err_p90,brier,log_score,verdict
            a.yaml,Case A,x_left,left,X,B,2019-06,12,2,1.0,1.0,5.0,1.0,9.0,0.0,0.0,right
            a.yaml,Case A,x_left,left,X,B,never,12,2,,0.0,,,,0.0,0.0,right

            """)
    }
}
