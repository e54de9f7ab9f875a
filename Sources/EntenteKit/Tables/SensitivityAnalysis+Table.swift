extension SensitivityAnalysis {
    /// The table `entente analyze` prints, read back from the sensitivity.csv at `path`: one row per
    /// outcome and parameter, one column per first-order index (S1 and ST, or mu*, mu and sigma) with
    /// its 95% bootstrap interval where it has one. Second-order S2 rows stay in the file (k(k−1)/2 of
    /// them per outcome); the noise shares become notes.
    public static func table(path: String, places: Int = 3) throws -> ResultTable {
        var reader = try CSVLineReader(path: path)
        guard reader.next() == header else {
            throw EntenteError.data([Diagnostic("\(path) does not start with the header of sensitivity.csv (\(header.joined(separator: ",")))", at: nil)])
        }
        var indices: [String] = []
        var keys: [[String]] = []
        var cells: [[String]: [String: String]] = [:]
        var notes: [String] = []
        var secondOrder = 0
        while let row = reader.next() {
            guard row.count == header.count else { continue }
            let (outcome, parameter, parameter2, index) = (row[0], row[1], row[2], row[3])
            let value = Double(row[4]) ?? .nan
            let low = Double(row[5]), high = Double(row[6])
            let text = NumberText.fixed(value, places: places) + (low.flatMap { l in high.map { " " + NumberText.interval(l, $0, places: places) } } ?? "")
            if !parameter2.isEmpty { secondOrder += 1; continue }
            if parameter.isEmpty {
                notes.append("\(outcome): \(index) \(NumberText.fixed(value, places: places))")
                continue
            }
            let key = [outcome, parameter]
            if cells[key] == nil { keys.append(key); cells[key] = [:] }
            if !indices.contains(index) { indices.append(index) }
            cells[key]![index] = text
        }
        let columns = [ResultTable.Column("outcome", alignment: .left), ResultTable.Column("parameter", alignment: .left)]
            + indices.map { ResultTable.Column($0 == "mu_star" ? "mu* [95% CI]" : ($0 == "mu" || $0 == "sigma" ? $0 : "\($0) [95% CI]")) }
        let rows = keys.map { key in key + indices.map { cells[key]?[$0] ?? "" } }
        if secondOrder > 0 { notes.append("\(secondOrder) second-order S2 rows are in \(path)") }
        return ResultTable(caption: "Sensitivity indices (\(path))", columns: columns, keyColumns: 2, rows: rows, notes: notes)
    }
}
