/// Every case's scores and the totals `entente validate` prints and writes.
public struct ValidationReport: Sendable {
    /// Cases in the order run.
    public var cases: [CaseScore]
    /// Window W in months.
    public var window: Int
    /// Replicates per case.
    public var replicates: Int

    /// Creates a report.
    public init(cases: [CaseScore], window: Int, replicates: Int) {
        self.cases = cases
        self.window = window
        self.replicates = replicates
    }

    /// Every outcome score, case by case.
    public var outcomes: [OutcomeScore] { cases.flatMap(\.outcomes) }
    /// Cases whose every outcome is right.
    public var casesRight: Int { cases.filter(\.right).count }
    /// Outcomes right, all kinds.
    public var outcomesRight: Int { outcomes.filter(\.right).count }
    /// Observed events, and those right.
    public var events: (total: Int, right: Int) {
        let scores = outcomes.filter(\.observed.isEvent)
        return (scores.count, scores.filter(\.right).count)
    }
    /// Observed non-events, and those right.
    public var nonEvents: (total: Int, right: Int) {
        let scores = outcomes.filter { !$0.observed.isEvent }
        return (scores.count, scores.filter(\.right).count)
    }
    /// Mean Brier score over all outcomes (each outcome weighs the same, whatever its case).
    public var brier: Double { Self.mean(outcomes.map(\.brier)) }
    /// Mean log score over all outcomes.
    public var logScore: Double { Self.mean(outcomes.map(\.logScore)) }

    /// The columns of validation.csv.
    public static let outcomeColumns = ["case_file", "case", "outcome", "type", "state", "bloc", "observed", "window",
                                        "replicates", "p_window", "p_any", "date_err_median", "date_err_p10",
                                        "date_err_p90", "brier", "log_score", "verdict"]
    /// The columns of cases.csv.
    public static let caseColumns = ["case_file", "case", "outcomes", "outcomes_right", "right", "brier", "log_score"]

    /// validation.csv: one row per case and observed outcome.
    public var outcomesCSV: [UInt8] {
        var table = CSVBuffer(header: Self.outcomeColumns)
        for item in cases {
            for score in item.outcomes {
                table.field(item.file); table.field(item.name); table.field(score.observed.outcome)
                table.field(score.type); table.field(score.state); table.field(score.bloc)
                table.field(score.observed.observedText); table.field(score.window); table.field(score.replicates)
                table.field(score.pWindow); table.field(score.pAny)
                table.field(score.dateErrorMedian); table.field(score.dateErrorP10); table.field(score.dateErrorP90)
                table.field(score.brier); table.field(score.logScore); table.field(score.verdict)
                table.endRow()
            }
        }
        return table.bytes
    }

    /// cases.csv: one row per case.
    public var casesCSV: [UInt8] {
        var table = CSVBuffer(header: Self.caseColumns)
        for item in cases {
            table.field(item.file); table.field(item.name); table.field(item.outcomes.count)
            table.field(item.outcomesRight); table.field(item.right ? 1 : 0)
            table.field(item.brier); table.field(item.logScore)
            table.endRow()
        }
        return table.bytes
    }

    /// Arithmetic mean; NaN for no values.
    static func mean(_ values: [Double]) -> Double { CaseScore.mean(values) }
}
