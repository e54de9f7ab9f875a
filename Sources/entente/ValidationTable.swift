import EntenteKit

/// The aligned table and summary line `entente validate` prints.
struct ValidationTable {
    let report: ValidationReport

    /// Header, one row per case and outcome, and the summary line.
    var text: String {
        var rows = [["case", "outcome", "observed", "P", "P(any)", "date error median [p10, p90]", "verdict"]]
        for item in report.cases {
            let stem = (item.file.split(separator: "/").last.map(String.init) ?? item.file).replacingOccurrences(of: ".yaml", with: "")
            for score in item.outcomes {
                let dates = score.dateErrorMedian.isNaN ? "-"
                    : "\(Self.months(score.dateErrorMedian)) [\(Self.months(score.dateErrorP10)), \(Self.months(score.dateErrorP90))]"
                rows.append([stem, score.observed.outcome, score.observed.observedText, Self.probability(score.p),
                             Self.probability(score.pAny), dates, score.verdict])
            }
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// `cases right: 3 of 12; outcomes right: 40 of 61 (events …, non-events …); Brier 0.21; log score 1.3`.
    var summary: String {
        let events = report.events, nonEvents = report.nonEvents
        return "cases right: \(report.casesRight) of \(report.cases.count); "
            + "outcomes right: \(report.outcomesRight) of \(report.outcomes.count) "
            + "(events \(events.right) of \(events.total), non-events \(nonEvents.right) of \(nonEvents.total)); "
            + "Brier \(Self.probability(report.brier)); log score \(Self.probability(report.logScore)); "
            + "window ±\(report.window) months, \(report.replicates) replicates"
    }

    /// A probability or score with three decimals.
    static func probability(_ value: Double) -> String {
        guard !value.isNaN else { return "-" }
        let text = NumberText.rounded(value, places: 3)
        let decimals = text.split(separator: ".").last?.count ?? 0
        return text + String(repeating: "0", count: max(0, 3 - decimals))
    }

    /// Signed months, whole when whole, else one decimal: `+3`, `-12`, `+2.5`, `0`.
    static func months(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return rounded > 0 ? "+" + text : text
    }
}
