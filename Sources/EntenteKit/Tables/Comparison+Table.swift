extension Comparison {
    /// The mark after a difference whose 95% interval excludes zero.
    public static let significanceMark = "*"

    /// The variant × outcome table `entente compare` prints: one row per variant, and for each outcome
    /// the baseline mean, the variant mean and the paired difference with its 95% interval, marked `*`
    /// where the interval excludes zero (an unmarked cell ends in a space so the intervals line up; the
    /// Markdown, LaTeX and CSV renderers drop it). Outcomes are column groups, so a narrow terminal wraps by outcome
    /// and `--layout long` gives one row per variant × outcome.
    public static func table(effects: [Effect], replicates: Int, places: Int = 3) -> ResultTable {
        var variants: [String] = []
        var outcomes: [String] = []
        for effect in effects {
            if !variants.contains(effect.variant) { variants.append(effect.variant) }
            if !outcomes.contains(effect.outcome) { outcomes.append(effect.outcome) }
        }
        var columns = [ResultTable.Column("variant", alignment: .left)]
        for outcome in outcomes {
            columns += [ResultTable.Column("baseline", group: outcome, longTitle: "baseline mean"),
                        ResultTable.Column("variant", group: outcome, longTitle: "variant mean"),
                        ResultTable.Column("difference [95% CI]", group: outcome)]
        }
        var byKey: [String: Effect] = [:]
        for effect in effects { byKey[effect.variant + "\u{0}" + effect.outcome] = effect }
        let rows = variants.map { variant -> [String] in
            var row = [variant]
            for outcome in outcomes {
                guard let effect = byKey[variant + "\u{0}" + outcome] else { row += ["", "", ""]; continue }
                let excludesZero = effect.ci95Low > 0 || effect.ci95High < 0
                row += [NumberText.fixed(effect.baselineMean, places: places), NumberText.fixed(effect.variantMean, places: places),
                        NumberText.fixed(effect.difference, places: places) + " "
                            + NumberText.interval(effect.ci95Low, effect.ci95High, places: places)
                            + (excludesZero ? significanceMark : " ")]
            }
            return row
        }
        return ResultTable(
            caption: "Paired effects of each variant, \(replicates) replicate\(replicates == 1 ? "" : "s") per arm on common random numbers (means; difference = variant − baseline)",
            columns: columns, keyColumns: 1, rows: rows,
            notes: ["\(significanceMark) the 95% interval of the paired difference excludes 0"], groupName: "outcome")
    }
}
