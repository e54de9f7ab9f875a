/// Aligned plain text for a terminal: the caption, group titles over their columns, a rule, the rows
/// and the notes. A table wider than `width` is cut into blocks between column groups, each block
/// repeating the key columns, so a variant × outcome table stays readable in 80 columns.
public struct TextTableRenderer: Sendable {
    /// The most characters per line; nil for no limit. A single group wider than this still gets a block.
    public var width: Int?

    /// Two spaces between columns.
    static let gap = 2

    /// A renderer wrapping at `width` characters (nil: never wrap).
    public init(width: Int?) { self.width = width }

    /// The text, ending in a newline.
    public func render(_ table: ResultTable) -> String {
        let widths = columnWidths(table)
        var lines: [String] = []
        if !table.caption.isEmpty { lines.append(table.caption) }
        for (number, block) in blocks(table, widths: widths).enumerated() {
            if number > 0 { lines.append("") }
            lines += render(table, columns: block, widths: widths)
        }
        lines += table.notes
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    /// Each column's width: its title, its cells, and its share of a group title wider than the group.
    func columnWidths(_ table: ResultTable) -> [Int] {
        var widths = table.columns.indices.map { column in
            table.rows.reduce(table.columns[column].title.count) { max($0, $1.indices.contains(column) ? $1[column].count : 0) }
        }
        for span in table.spans where !table.columns[span.lowerBound].group.isEmpty {
            let inside = span.reduce(0) { $0 + widths[$1] } + Self.gap * (span.count - 1)
            let title = table.columns[span.lowerBound].group.count
            if title > inside { widths[span.upperBound - 1] += title - inside }
        }
        return widths
    }

    /// The column indices of each block: the key columns, then as many whole spans as fit.
    func blocks(_ table: ResultTable, widths: [Int]) -> [[Int]] {
        let key = Array(0..<table.keyColumns)
        let keyWidth = key.reduce(0) { $0 + widths[$1] + Self.gap }
        let spans = table.spans
        guard !spans.isEmpty else { return [key] }
        // Only column groups (an outcome's baseline, variant, difference) are wrapped; a table without
        // groups keeps its long lines, which are its text (a bipartition's sides, say).
        guard table.columns.contains(where: { !$0.group.isEmpty }) else { return [Array(table.columns.indices)] }
        var blocks: [[Int]] = []
        var current: [Int] = []
        var used = keyWidth
        for span in spans {
            let spanWidth = span.reduce(0) { $0 + widths[$1] } + Self.gap * span.count
            if let width, !current.isEmpty, used + spanWidth - Self.gap > width {
                blocks.append(key + current)
                current = []
                used = keyWidth
            }
            current += Array(span)
            used += spanWidth
        }
        blocks.append(key + current)
        return blocks
    }

    /// The header lines, the rule and the rows of one block.
    private func render(_ table: ResultTable, columns: [Int], widths: [Int]) -> [String] {
        var lines: [String] = []
        let separator = String(repeating: " ", count: Self.gap)
        if columns.contains(where: { !table.columns[$0].group.isEmpty }) {
            var cells: [String] = []
            var index = 0
            while index < columns.count {
                let group = table.columns[columns[index]].group
                var end = index + 1
                if !group.isEmpty {
                    while end < columns.count && table.columns[columns[end]].group == group && columns[end] == columns[end - 1] + 1 { end += 1 }
                }
                let spanWidth = (index..<end).reduce(0) { $0 + widths[columns[$1]] } + Self.gap * (end - index - 1)
                cells.append(Self.pad(group, spanWidth, .left))
                index = end
            }
            lines.append(cells.joined(separator: separator))
        }
        lines.append(columns.map { Self.pad(table.columns[$0].title, widths[$0], table.columns[$0].alignment) }.joined(separator: separator))
        lines.append(columns.map { String(repeating: "-", count: widths[$0]) }.joined(separator: separator))
        for row in table.rows {
            lines.append(columns.map { Self.pad(row.indices.contains($0) ? row[$0] : "", widths[$0], table.columns[$0].alignment) }
                .joined(separator: separator))
        }
        return lines
    }

    /// `text` padded with spaces to `width`.
    static func pad(_ text: String, _ width: Int, _ alignment: ResultTable.Alignment) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return alignment == .right ? fill + text : text + fill
    }
}

extension String {
    /// The string without trailing spaces (a left-aligned last column leaves none).
    var trailingSpacesRemoved: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
