extension ScenarioRun.Summary {
    /// The table `entente run` prints: per outcome (date outcomes left out: they are labels), the
    /// replicates with a value, the mean with its 95% interval (Wilson for 0/1 outcomes), the standard
    /// deviation and the 5th, 50th and 95th percentiles across replicates.
    public func table(places: Int = 3) -> ResultTable {
        if !posterior.isEmpty { return posteriorTable(places: places) }
        let columns = [ResultTable.Column("outcome", alignment: .left), ResultTable.Column("n"), ResultTable.Column("mean"),
                       ResultTable.Column("95% CI"), ResultTable.Column("sd"), ResultTable.Column("q05"),
                       ResultTable.Column("median"), ResultTable.Column("q95")]
        let rows = statistics.map { name, s in
            [name, String(s.n), NumberText.fixed(s.mean, places: places), NumberText.interval(s.ci95Low, s.ci95High, places: places),
             NumberText.fixed(s.sd, places: places), NumberText.fixed(s.p05, places: places),
             NumberText.fixed(s.p50, places: places), NumberText.fixed(s.p95, places: places)]
        }
        return ResultTable(caption: "Outcomes over \(replicates) replicate\(replicates == 1 ? "" : "s") (0/1 outcomes: the mean is a probability)",
                           columns: columns, keyColumns: 1, rows: rows)
    }

    /// With `--posterior`: per outcome the posterior mean over draws and replicates, its two-stage
    /// bootstrap 95% interval, and the 5–95% band of the per-draw means (docs/calibration.md#using-a-posterior).
    func posteriorTable(places: Int) -> ResultTable {
        let columns = [ResultTable.Column("outcome", alignment: .left), ResultTable.Column("n"), ResultTable.Column("draws"),
                       ResultTable.Column("mean"), ResultTable.Column("95% CI"), ResultTable.Column("draws q05–q95")]
        let rows = posterior.map { name, e in
            [name, String(e.n), String(e.draws), NumberText.fixed(e.mean, places: places),
             NumberText.interval(e.ci95Low, e.ci95High, places: places), NumberText.interval(e.drawQ05, e.drawQ95, places: places)]
        }
        return ResultTable(caption: "Outcomes over the posterior: \(replicates) replicate\(replicates == 1 ? "" : "s") per draw (0/1 outcomes: the mean is a probability)",
                           columns: columns, keyColumns: 1, rows: rows)
    }
}
