import ArgumentParser
import EntenteKit
import Foundation

extension TableFormat: ExpressibleByArgument {}
extension TableLayout: ExpressibleByArgument {}

/// `--format table|markdown|latex|csv` and `--layout wide|long` of every command that prints results. With `table` the tables
/// and the status line ("results: …") go to stdout; with the other formats stdout holds the tables
/// alone, so `> table.tex` drops into a paper, and the status line goes to stderr.
struct FormatOption: ParsableArguments {
    @Option(help: ArgumentHelp("How results print on stdout: table (aligned, wrapped to the terminal's width), markdown, latex or csv; with markdown, latex and csv stdout holds only the table and the status line goes to stderr.", valueName: "table|markdown|latex|csv"))
    var format: TableFormat = .table

    @Option(help: ArgumentHelp("How a table with a column group per outcome (compare's) is laid out: wide, one row per variant and three columns per outcome; long, one row per variant × outcome in five columns, which fits a page. Other tables already have one row per item and print the same either way.", valueName: "wide|long"))
    var layout: TableLayout = .wide

    /// Prints `tables` in the chosen layout and format; `table` wraps to ``TerminalWidth/current``.
    func print(_ tables: [ResultTable]) {
        let laidOut = tables.map { $0.laidOut(layout) }
        Swift.print(format.render(laidOut, width: format == .table ? TerminalWidth.current : nil), terminator: "")
    }

    /// A line about where results went: stdout for `table`, stderr otherwise.
    func status(_ text: String) {
        if format == .table { Swift.print(text) } else { printError(text) }
    }
}

/// The width tables wrap to: `$COLUMNS` when set to a positive number, else the terminal's width
/// (TIOCGWINSZ on stdout), else 80.
enum TerminalWidth {
    static var current: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
