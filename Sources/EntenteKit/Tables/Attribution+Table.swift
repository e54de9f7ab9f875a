extension Attribution.Result {
    /// The table `entente attribute` prints: per outcome, every player (event or tag) ranked as in
    /// attribution.csv, with the paired effect of removing it and its 95% interval, and its Shapley value
    /// when computed. `top` keeps only the first rows of each outcome (nil: all).
    public func table(by: Attribution.Grouping, top: Int? = nil, places: Int = 3) -> ResultTable {
        var columns = [ResultTable.Column("outcome", alignment: .left), ResultTable.Column(by.rawValue, alignment: .left),
                       ResultTable.Column("baseline"), ResultTable.Column("removed"), ResultTable.Column("effect [95% CI]")]
        if !shapley.isEmpty { columns.append(ResultTable.Column("Shapley [95% CI]")) }
        var shapleyCells: [String: String] = [:]
        for row in shapley {
            shapleyCells[row.outcome + "\u{0}" + row.player] = NumberText.fixed(row.effect, places: places) + " "
                + NumberText.interval(row.ci95Low, row.ci95High, places: places)
        }
        var outcomes: [String] = []
        for row in effects where !outcomes.contains(row.outcome) { outcomes.append(row.outcome) }
        var rows: [[String]] = []
        for outcome in outcomes {
            let ranked = effects.filter { $0.outcome == outcome }
            for row in ranked.prefix(top ?? ranked.count) {
                var cells = [outcome, row.player, NumberText.fixed(row.baselineMean, places: places),
                             NumberText.fixed(row.removedMean, places: places),
                             NumberText.fixed(row.effect, places: places) + " " + NumberText.interval(row.ci95Low, row.ci95High, places: places)]
                if !shapley.isEmpty { cells.append(shapleyCells[outcome + "\u{0}" + row.player] ?? "") }
                rows.append(cells)
            }
        }
        let note = top.map { "the first \($0) \(by.rawValue)s of each outcome; all are in attribution.csv" }
        return ResultTable(caption: "Effect of removing each \(by.rawValue) (removed − baseline, paired on common random numbers)",
                           columns: columns, keyColumns: 2, rows: rows, notes: note.map { [$0] } ?? [])
    }
}
