/// A position in an input file, 1-based, for messages a user can jump to; or the command-line
/// argument a value came from (`--set betrayal=0.8`), which has no file, line or column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number.
    public var column: Int
    /// The command-line argument a value came from (`--set betrayal=0.8`); nil for a position in a file.
    public var argument: String?

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location of a value given on the command line: `file` is empty, `line` and `column` are 0.
    public init(argument: String) {
        self.init(file: "", line: 0, column: 0)
        self.argument = argument
    }

    /// `file:line:column`, the form editors and terminals recognise, or the command-line argument.
    public var description: String { argument ?? "\(file):\(line):\(column)" }
}
