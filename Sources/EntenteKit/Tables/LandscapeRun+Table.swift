extension LandscapeRun.Report {
    /// The table `entente landscape` prints: the ten lowest local minima (rank, energy, basin share, `*`
    /// for the global one, the two sides), with what the input was as the caption and the most
    /// frustrated states, structural balance and the eigenvector factions as notes.
    public func table(input: LandscapeInput.Described, shown: Int = 10) -> ResultTable {
        let system = input.system
        let n = system.count
        func format4(_ value: Double) -> String { NumberText.rounded(value, places: 4) }
        func percent(_ share: Double) -> String { share.isNaN ? "NA" : NumberText.rounded(100 * share, places: 1) + "%" }
        let replicates = input.replicates.count
        let when = input.when == "start" ? "at the start"
            : "at \(input.when), mean of \(replicates) replicate\(replicates == 1 ? "" : "s")" + (input.runFolder.map { " recorded in \($0)" } ?? "")
        let search = landscape.exhaustive ? "all \(1 << (n - 1)) bipartitions" : "\(landscape.starts) random starts"
        let caption = "\(n) states, propensity from \(input.source == .trust ? "trust (T_ij + T_ji)/2" : "the file's propensity:") \(when); \(search), basins \(landscape.basinExact ? "exact" : "estimated from \(landscape.starts) random starts") (\(NumberText.rounded(seconds, places: 3)) s). Local minima (no single state's move lowers the energy), lowest first:"
        let columns = [ResultTable.Column("#"), ResultTable.Column("energy"), ResultTable.Column("basin"),
                       ResultTable.Column("global", alignment: .left), ResultTable.Column("side 1", alignment: .left),
                       ResultTable.Column("side 2", alignment: .left)]
        var rows: [[String]] = []
        for (rank, minimum) in landscape.minima.prefix(shown).enumerated() {
            let one = (0..<n).filter { minimum.sides[$0] == 0 }.map { system.names[$0] }.joined(separator: " ")
            let two = (0..<n).filter { minimum.sides[$0] == 1 }.map { system.names[$0] }.joined(separator: " ")
            rows.append([String(rank + 1), NumberText.fixed(minimum.energy, places: 4), NumberText.rounded(100 * minimum.basinShare, places: 1) + "%",
                         minimum.isGlobal ? "*" : "", one, two.isEmpty ? "(none)" : two])
        }
        var notes: [String] = []
        if landscape.minima.count > shown { notes.append("… \(landscape.minima.count - shown) more in landscape.csv") }
        if let global = landscape.global {
            notes.append("* global minimum\(landscape.exhaustive ? "" : " among those found")")
            let order = (0..<n).sorted { global.frustration[$0] != global.frustration[$1] ? global.frustration[$0] > global.frustration[$1] : $0 < $1 }
            let frustrated = order.prefix(5).filter { global.frustration[$0] > 0 }.map { "\(system.names[$0]) \(format4(global.frustration[$0]))" }
            notes.append("Most frustrated at the global minimum (F_i > 0 is pull toward the other side): \(frustrated.isEmpty ? "none" : frustrated.joined(separator: ", "))")
        }
        let factions = balance.factions
        let faction1 = (0..<n).filter { factions[$0] == 1 }.map { system.names[$0] }.joined(separator: " ")
        let faction2 = (0..<n).filter { factions[$0] == 2 }.map { system.names[$0] }.joined(separator: " ")
        notes.append("Structural balance: frustration index \(format4(balance.frustrationIndex))\(balance.frustrationIndexExact ? "" : " (upper bound)"); balanced triads \(balance.balancedTriads)/\(balance.triads) (\(percent(balance.balancedShare)), weighted \(percent(balance.balancedShareWeighted)))")
        notes.append("Leading-eigenvector factions (λ1 = \(format4(balance.leadingEigenvalue)), λ2 = \(format4(balance.secondEigenvalue))): \(faction1) | \(faction2.isEmpty ? "(none)" : faction2)")
        return ResultTable(caption: caption, columns: columns, keyColumns: 1, rows: rows, notes: notes)
    }
}
