/// A GitHub-flavoured Markdown pipe table: the caption as a paragraph, one header row (`group title`),
/// alignment markers (`---:` for numbers), the rows, and the notes as a paragraph. `|` in a cell is escaped.
public struct MarkdownTableRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The text, ending in a newline.
    public func render(_ table: ResultTable) -> String {
        var lines: [String] = []
        if !table.caption.isEmpty { lines += [Self.escaped(table.caption), ""] }
        lines.append("| " + table.columns.map { Self.escaped($0.fullTitle) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { $0.alignment == .right ? " ---: " : " :--- " }.joined(separator: "|") + "|")
        for row in table.rows {
            let cells = table.columns.indices.map { row.indices.contains($0) ? Self.escaped(row[$0].trailingSpacesRemoved) : "" }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if !table.notes.isEmpty { lines += [""] + table.notes.map(Self.escaped) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `|` as `\|` and `*` as `\*` (a significance mark must not start emphasis).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "*", with: "\\*")
    }
}
