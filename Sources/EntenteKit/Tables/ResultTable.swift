/// A table of results as text cells: what `compare`, `run`, `validate`, `analyze`, `attribute` and
/// `landscape` print, before a renderer turns it into aligned text, Markdown, LaTeX or CSV.
///
/// Values go in already formatted (the command decides the decimals); renderers only lay them out,
/// so the four formats always show the same numbers.
public struct ResultTable: Sendable, Equatable {
    /// Where a column's cells sit in their width.
    public enum Alignment: Sendable, Equatable {
        case left, right
    }

    /// One column: its title, the group it belongs to (an outcome, say; empty for none) and its alignment.
    public struct Column: Sendable, Equatable {
        /// The column's own title (`baseline`, `difference [95% CI]`).
        public var title: String
        /// The title shared by neighbouring columns of one group (an outcome's name), empty for none.
        /// A narrow terminal wraps between groups, never inside one.
        public var group: String
        /// Numbers right, text left.
        public var alignment: Alignment
        /// The title in the long layout (``ResultTable/long``), where the group is a column of its own:
        /// `compare`'s `variant` column of each outcome becomes `variant mean` beside the variant's name.
        public var longTitle: String

        /// A column titled `title` in `group`; `longTitle` (default `title`) heads it in the long layout.
        public init(_ title: String, group: String = "", alignment: Alignment = .right, longTitle: String? = nil) {
            self.title = title
            self.group = group
            self.alignment = alignment
            self.longTitle = longTitle ?? title
        }

        /// The title with its group, for formats with one header row (Markdown, CSV): `exit baseline`.
        public var fullTitle: String { group.isEmpty ? title : group + " " + title }
    }

    /// A line saying what the table shows (printed above it; LaTeX's \caption).
    public var caption: String
    /// The columns, left to right.
    public var columns: [Column]
    /// How many leading columns identify a row (a variant's name): repeated in every block when the
    /// text renderer wraps a wide table for a narrow terminal.
    public var keyColumns: Int
    /// The cells, one array per row, as many as `columns`.
    public var rows: [[String]]
    /// Lines printed below the table (what a mark means, a summary).
    public var notes: [String]
    /// The title of the column that names the group in the long layout (`outcome` for `compare`).
    public var groupName: String

    /// A table; `keyColumns` leading columns are repeated when wrapped; `groupName` heads the column
    /// of group titles in the long layout.
    public init(caption: String, columns: [Column], keyColumns: Int = 1, rows: [[String]] = [], notes: [String] = [],
                groupName: String = "group") {
        self.caption = caption
        self.columns = columns
        self.keyColumns = min(max(0, keyColumns), columns.count)
        self.rows = rows
        self.notes = notes
        self.groupName = groupName
    }

    /// The runs of neighbouring columns after the key columns that share a non-empty group; a column
    /// without a group is a span of its own. The text renderer wraps between spans.
    var spans: [Range<Int>] {
        var spans: [Range<Int>] = []
        var start = keyColumns
        while start < columns.count {
            var end = start + 1
            if !columns[start].group.isEmpty {
                while end < columns.count && columns[end].group == columns[start].group { end += 1 }
            }
            spans.append(start..<end)
            start = end
        }
        return spans
    }
}
