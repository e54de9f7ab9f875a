extension ValidationReport {
    /// The table `entente validate` prints: one row per case and outcome (observed, P within the window,
    /// P at any time, date error median [p10, p90] in months, verdict), the summary as its note.
    public var table: ResultTable {
        let columns = ["case", "outcome", "observed", "P", "P(any)", "date error median [p10, p90]", "verdict"]
            .map { ResultTable.Column($0, alignment: .left) }
        var rows: [[String]] = []
        for item in cases {
            let stem = (item.file.split(separator: "/").last.map(String.init) ?? item.file).replacingOccurrences(of: ".yaml", with: "")
            for score in item.outcomes {
                let dates = score.dateErrorMedian.isNaN ? "-"
                    : "\(Self.months(score.dateErrorMedian)) [\(Self.months(score.dateErrorP10)), \(Self.months(score.dateErrorP90))]"
                rows.append([stem, score.observed.outcome, score.observed.observedText, Self.probability(score.p),
                             Self.probability(score.pAny), dates, score.verdict])
            }
        }
        return ResultTable(caption: "", columns: columns, keyColumns: 2, rows: rows, notes: [summary])
    }

    /// `cases right: 3 of 12; outcomes right: 40 of 61 (events …, non-events …); Brier 0.21; log score 1.3; …`.
    public var summary: String {
        "cases right: \(casesRight) of \(cases.count); "
            + "outcomes right: \(outcomesRight) of \(outcomes.count) "
            + "(events \(events.right) of \(events.total), non-events \(nonEvents.right) of \(nonEvents.total)); "
            + "Brier \(Self.probability(brier)); log score \(Self.probability(logScore)); "
            + "window ±\(window) months, \(replicates) replicate\(replicates == 1 ? "" : "s")"
    }

    /// A probability or score with three decimals, `-` when missing.
    static func probability(_ value: Double) -> String {
        value.isNaN ? "-" : NumberText.fixed(value, places: 3)
    }

    /// Signed months, whole when whole, else one decimal: `+3`, `-12`, `+2.5`, `0`.
    static func months(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return rounded > 0 ? "+" + text : text
    }
}
