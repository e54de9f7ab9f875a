extension ScenarioRun.Summary {
    /// The table `entente run` prints: per outcome (date outcomes left out: they are labels), the
    /// replicates with a value, the mean with its 95% interval (Wilson for 0/1 outcomes), the standard
    /// deviation and the 5th, 50th and 95th percentiles across replicates.
    public func table(places: Int = 3) -> ResultTable {
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
}
