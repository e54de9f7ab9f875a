/// The text forms a ``ResultTable`` can take on stdout (`--format`).
public enum TableFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal, wrapped by column groups to its width.
    case table
    /// A GitHub-flavoured Markdown pipe table.
    case markdown
    /// A LaTeX `table` with a booktabs `tabular`.
    case latex
    /// RFC 4180 CSV with one header row.
    case csv

    /// `tables` in this format; `width` is the terminal's width in characters (only `table` wraps).
    /// Several tables are separated by a blank line.
    public func render(_ tables: [ResultTable], width: Int? = nil) -> String {
        tables.map { table in
            switch self {
            case .table: TextTableRenderer(width: width).render(table)
            case .markdown: MarkdownTableRenderer().render(table)
            case .latex: LaTeXTableRenderer().render(table)
            case .csv: CSVTableRenderer().render(table)
            }
        }.joined(separator: "\n")
    }
}
