/// RFC 4180 CSV of a table as printed: one header row (`group title`), the rows, CRLF-free `\n` line
/// ends like every CSV Entente writes; caption and notes are left out (they are not data), and so are
/// the spaces a cell ends in to line up in a terminal.
public struct CSVTableRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The text, ending in a newline.
    public func render(_ table: ResultTable) -> String {
        var buffer = CSVBuffer(header: table.columns.map(\.fullTitle))
        for row in table.rows {
            for column in table.columns.indices { buffer.field(row.indices.contains(column) ? row[column].trailingSpacesRemoved : "") }
            buffer.endRow()
        }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}
