import EntenteKit
import XCTest

/// `CalendarDate` parsing and day numbers, and `SimulationCalendar` steps for every unit.
final class CalendarTests: XCTestCase {
    private func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else {
            XCTFail("'\(text)' should parse", file: file, line: line)
            return CalendarDate(year: 1970)
        }
        return date
    }

    private func calendar(_ start: String, _ end: String, _ unit: SimulationCalendar.Unit,
                          file: StaticString = #filePath, line: UInt = #line) throws -> SimulationCalendar {
        try XCTUnwrap(SimulationCalendar(start: date(start), end: date(end), unit: unit),
                      "calendar \(start)..\(end) by \(unit) should not be empty", file: file, line: line)
    }

    // MARK: - Parsing

    func testYearOnlyParsesToJanuaryFirstWithYearPrecision() {
        let parsed = date("2018")
        XCTAssertEqual([parsed.year, parsed.month, parsed.day], [2018, 1, 1])
        XCTAssertEqual(parsed.precision, .year)
        XCTAssertEqual(parsed.description, "2018-01-01")
        XCTAssertEqual(parsed.lastDay.description, "2018-12-31")
    }

    func testYearMonthParsesToTheFirstWithMonthPrecision() {
        let parsed = date("2024-02")
        XCTAssertEqual([parsed.year, parsed.month, parsed.day], [2024, 2, 1])
        XCTAssertEqual(parsed.precision, .month)
        XCTAssertEqual(parsed.firstDay.description, "2024-02-01")
        XCTAssertEqual(parsed.lastDay.description, "2024-02-29")
        XCTAssertEqual(date("2023-02").lastDay.description, "2023-02-28")
        XCTAssertEqual(date("2018-04").lastDay.description, "2018-04-30")
        XCTAssertEqual(date("2018-12").lastDay.description, "2018-12-31")
    }

    func testFullDateParsesWithDayPrecision() {
        let parsed = date("2020-09-27")
        XCTAssertEqual([parsed.year, parsed.month, parsed.day], [2020, 9, 27])
        XCTAssertEqual(parsed.precision, .day)
        XCTAssertEqual(parsed.lastDay, parsed)
        XCTAssertEqual(parsed.description, "2020-09-27")
    }

    func testLeapDaysFollowTheGregorianRules() {
        XCTAssertNil(CalendarDate(parsing: "2023-02-29"), "2023 is not a leap year")
        XCTAssertNotNil(CalendarDate(parsing: "2024-02-29"), "2024 is a leap year")
        XCTAssertNil(CalendarDate(parsing: "1900-02-29"), "1900 is divisible by 100 but not 400")
        XCTAssertNotNil(CalendarDate(parsing: "2000-02-29"), "2000 is divisible by 400")
        XCTAssertNil(CalendarDate(parsing: "2024-02-30"))
        XCTAssertTrue(CalendarDate.isLeapYear(2024))
        XCTAssertFalse(CalendarDate.isLeapYear(2100))
    }

    func testMalformedDatesDoNotParse() {
        let bad = ["2018-1", "18-01", "2018-13", "2018-00", "2018-01-00", "2018-01-32", "2018-04-31",
                   "2018/01", "2018-01-01-01", "", "abcd", "2018-", "-2018", "2018-1a", "+2018", " 2018",
                   "201８", "20180101", "2018-01-1"]
        for text in bad {
            XCTAssertNil(CalendarDate(parsing: text), "'\(text)' should not parse")
        }
    }

    func testDatesCompareChronologically() {
        XCTAssertLessThan(date("2018-12-31"), date("2019-01-01"))
        XCTAssertLessThan(date("2019-01-31"), date("2019-02-01"))
        XCTAssertEqual(date("2019"), CalendarDate(year: 2019, month: 1, day: 1, precision: .year))
    }

    // MARK: - Day numbers

    func testDayNumbersOfKnownDates() {
        XCTAssertEqual(date("1970-01-01").dayNumber, 0)
        XCTAssertEqual(date("1970-01-02").dayNumber, 1)
        XCTAssertEqual(date("1969-12-31").dayNumber, -1)
        XCTAssertEqual(date("2000-01-01").dayNumber, 10_957)
        XCTAssertEqual(date("2000-03-01").dayNumber, 11_017)
        XCTAssertEqual(date("2024-02-29").dayNumber, 19_782)
        XCTAssertEqual(date("1600-01-01").dayNumber, -135_140)
    }

    func testDayNumberRoundTripsOverFourCenturies() {
        for number in stride(from: -150_000, through: 150_000, by: 37) {
            XCTAssertEqual(CalendarDate(dayNumber: number).dayNumber, number)
        }
        XCTAssertEqual(CalendarDate(dayNumber: 11_017).description, "2000-03-01")
        XCTAssertEqual(CalendarDate(dayNumber: 11_016).description, "2000-02-29")
        XCTAssertEqual(CalendarDate(dayNumber: -1).description, "1969-12-31")
    }

    // MARK: - Step counts

    func testMonthStepsOfEightYears() throws {
        let months = try calendar("2018-01", "2025-12", .month)
        XCTAssertEqual(months.stepCount, 96)
        XCTAssertEqual(months.start.description, "2018-01-01")
        XCTAssertEqual(months.end.description, "2025-12-31")
    }

    func testDayStepsOfALeapFebruary() throws {
        XCTAssertEqual(try calendar("2024-02", "2024-02", .day).stepCount, 29)
    }

    func testDayStepsOfACommonFebruary() throws {
        XCTAssertEqual(try calendar("2023-02", "2023-02", .day).stepCount, 28)
    }

    func testWeekStepsOfJanuary2024() throws {
        // 31 days: four full weeks and a three-day fifth step.
        XCTAssertEqual(try calendar("2024-01-01", "2024-01-31", .week).stepCount, 5)
        XCTAssertEqual(try calendar("2024-01-01", "2024-01-28", .week).stepCount, 4)
        XCTAssertEqual(try calendar("2024-01-01", "2024-01-29", .week).stepCount, 5)
    }

    func testQuarterStepsOfOneYear() throws {
        XCTAssertEqual(try calendar("2018-01", "2018-12", .quarter).stepCount, 4)
    }

    func testYearStepsOfEightYears() throws {
        XCTAssertEqual(try calendar("2018", "2025", .year).stepCount, 8)
    }

    func testOneDayCalendarHasOneStep() throws {
        XCTAssertEqual(try calendar("2024-02-29", "2024-02-29", .day).stepCount, 1)
        XCTAssertEqual(try calendar("2024-02-29", "2024-02-29", .year).stepCount, 1)
    }

    func testEndBeforeStartGivesNoCalendar() {
        for unit in SimulationCalendar.Unit.allCases {
            XCTAssertNil(SimulationCalendar(start: date("2018-05"), end: date("2018-04"), unit: unit), "\(unit)")
        }
        XCTAssertNil(SimulationCalendar(start: date("2018-05-02"), end: date("2018-05-01"), unit: .day))
    }

    // MARK: - Dates to steps

    /// Asserts the step of `calendar` that holds each date (nil: outside the calendar); failures name the date.
    private func assertSteps(_ calendar: SimulationCalendar, _ expected: KeyValuePairs<String, Int?>,
                             file: StaticString = #filePath, line: UInt = #line) {
        for (day, step) in expected {
            XCTAssertEqual(calendar.step(containing: date(day)), step, "\(calendar.unit) step containing \(day)", file: file, line: line)
        }
    }

    func testMonthStepContainingMonthEndsAndLeapDays() throws {
        // "2019": a year date names its first day.
        assertSteps(try calendar("2018-01", "2025-12", .month),
                    ["2018-01": 0, "2018-01-31": 0, "2018-02-01": 1, "2020-02-29": 25, "2020-03-01": 26, "2020-09": 32,
                     "2025-12-31": 95, "2019": 12])
    }

    func testDayStepContainingLeapDay() throws {
        let days = try calendar("2024-02", "2024-03", .day)
        XCTAssertEqual(days.stepCount, 60)
        // "2024-03": a month date names its first day.
        assertSteps(days, ["2024-02-01": 0, "2024-02-28": 27, "2024-02-29": 28, "2024-03-01": 29, "2024-03-31": 59, "2024-03": 29])
    }

    func testWeekStepContainingDays() throws {
        assertSteps(try calendar("2024-01-01", "2024-01-31", .week),
                    ["2024-01-07": 0, "2024-01-08": 1, "2024-01-28": 3, "2024-01-29": 4, "2024-01-31": 4])
    }

    func testQuarterAndYearStepContaining() throws {
        assertSteps(try calendar("2018-01", "2018-12", .quarter), ["2018-03-31": 0, "2018-04-01": 1, "2018-09-30": 2, "2018-10": 3])
        assertSteps(try calendar("2018", "2025", .year), ["2018-12-31": 0, "2020-02-29": 2, "2025-12-31": 7])
    }

    func testDatesOutsideTheCalendarHaveNoStep() throws {
        assertSteps(try calendar("2018-01", "2025-12", .month), ["2017-12-31": nil, "2026-01-01": nil, "2026": nil])
        assertSteps(try calendar("2023-02", "2023-02", .day), ["2023-01-31": nil, "2023-03-01": nil])
        assertSteps(try calendar("2024-01-01", "2024-01-31", .week), ["2024-02-01": nil, "2023-12-31": nil])
    }

    func testStepOrBeyondClampsPastTheEnd() throws {
        let months = try calendar("2018-01", "2018-12", .month)
        XCTAssertEqual(months.stepOrBeyond(date("2030-01")), 12)
        XCTAssertEqual(months.stepOrBeyond(date("2017-12")), -1)
        XCTAssertEqual(months.stepOrBeyond(date("2018-06-15")), 5)
    }

    // MARK: - Labels

    func testLabelFormatsOfEveryUnit() throws {
        let days = try calendar("2024-02-27", "2024-03-02", .day)
        XCTAssertEqual(days.labels, ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"])
        let weeks = try calendar("2024-01-01", "2024-01-31", .week)
        XCTAssertEqual(weeks.labels, ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"])
        let months = try calendar("2018-11", "2019-02", .month)
        XCTAssertEqual(months.labels, ["2018-11", "2018-12", "2019-01", "2019-02"])
        let quarters = try calendar("2018-01", "2018-12", .quarter)
        XCTAssertEqual(quarters.labels, ["2018-01", "2018-04", "2018-07", "2018-10"])
        let years = try calendar("2018", "2025", .year)
        XCTAssertEqual(years.labels, ["2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"])
        XCTAssertEqual(try calendar("2018-01", "2025-12", .month).label(ofStep: 95), "2025-12")
    }

    func testMonthBasedStepsStartOnTheFirstOfStartsMonth() throws {
        let months = try calendar("2018-01-15", "2018-03", .month)
        XCTAssertEqual(months.start.description, "2018-01-01")
        XCTAssertEqual(months.stepCount, 3)
        XCTAssertEqual(months.step(containing: date("2018-01-02")), 0)
    }

    // MARK: - Round trips

    func testEveryStepRoundTripsThroughItsFirstDay() throws {
        let calendars: [SimulationCalendar] = [
            try calendar("2024-01", "2024-12", .day),
            try calendar("2023-01-01", "2024-12-31", .week),
            try calendar("1999-01", "2001-12", .month),
            try calendar("2018-01", "2025-12", .quarter),
            try calendar("1896", "2104", .year),
        ]
        for calendar in calendars {
            for step in 0..<calendar.stepCount {
                let first = calendar.firstDay(ofStep: step)
                XCTAssertEqual(calendar.step(containing: first), step, "\(calendar.unit) step \(step) first day \(first)")
                if step > 0 {
                    // The day before a step's first day belongs to the previous step.
                    let previous = CalendarDate(dayNumber: first.dayNumber - 1)
                    XCTAssertEqual(calendar.step(containing: previous), step - 1, "\(calendar.unit) day before step \(step)")
                }
            }
        }
        XCTAssertEqual(calendars.map(\.stepCount), [366, 105, 36, 32, 209])
    }
}
