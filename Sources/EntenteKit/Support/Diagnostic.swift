/// One problem found in an input file, with where it is and what would fix it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is; nil when it concerns the whole file.
    public var location: SourceLocation?
    /// What is wrong, phrased so the user can act on it.
    public var message: String

    /// Creates a diagnostic.
    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    /// `file:line:column: error: message`, or `error: --set NAME=VALUE: message` for a value from the command line.
    public var description: String {
        if let argument = location?.argument { return "error: \(argument): \(message)" }
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}
