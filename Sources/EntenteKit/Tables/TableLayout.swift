/// How a table with column groups is laid out (`--layout`).
///
/// `compare`'s table has one column group per outcome (baseline, variant, difference): wide, a
/// case with 17 outcomes is 52 columns, which a terminal wraps by outcome but a page cannot hold.
/// Long puts one row per variant × outcome in five columns, the form a paper's table takes.
public enum TableLayout: String, Sendable, CaseIterable {
    /// One row per key (a variant), the groups side by side.
    case wide
    /// One row per key and group (variant × outcome), the group named in its own column.
    case long
}

extension ResultTable {
    /// The table in `layout`: itself for `wide`, ``long`` for `long`.
    public func laidOut(_ layout: TableLayout) -> ResultTable {
        layout == .wide ? self : long
    }

    /// The long form of a table with column groups: for each row and each group, one row holding the
    /// key columns, the columns without a group, a column titled ``groupName`` with the group's title,
    /// and the group's cells under the group columns' ``Column/longTitle``s (the union of the groups'
    /// titles, in order of first appearance; a group without a title leaves that cell empty). A row
    /// whose group cells are all empty (a variant that does not report that outcome) is left out.
    /// A table without groups is returned as it is: it already has one row per item.
    public var long: ResultTable {
        let grouped = columns.indices.filter { $0 >= keyColumns && !columns[$0].group.isEmpty }
        guard !grouped.isEmpty else { return self }
        let plain = columns.indices.filter { $0 >= keyColumns && columns[$0].group.isEmpty }
        var groups: [String] = []
        var titles: [String] = []
        var template: [String: ResultTable.Column] = [:]
        for index in grouped {
            let column = columns[index]
            if !groups.contains(column.group) { groups.append(column.group) }
            if !titles.contains(column.longTitle) {
                titles.append(column.longTitle)
                template[column.longTitle] = column
            }
        }
        let newColumns = Array(columns.prefix(keyColumns)) + plain.map { columns[$0] }
            + [ResultTable.Column(groupName, alignment: .left)]
            + titles.map { ResultTable.Column($0, alignment: template[$0]!.alignment) }
        var newRows: [[String]] = []
        for row in rows {
            let cell = { (index: Int) -> String in row.indices.contains(index) ? row[index] : "" }
            let lead = (0..<keyColumns).map(cell) + plain.map(cell)
            for group in groups {
                var values = Array(repeating: "", count: titles.count)
                for index in grouped where columns[index].group == group {
                    values[titles.firstIndex(of: columns[index].longTitle)!] = cell(index)
                }
                if values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                newRows.append(lead + [group] + values)
            }
        }
        return ResultTable(caption: caption, columns: newColumns, keyColumns: keyColumns + plain.count + 1,
                           rows: newRows, notes: notes)
    }
}
