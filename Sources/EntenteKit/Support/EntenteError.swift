/// Every failure Entente reports to a user, with the exit status it maps to.
///
/// Statuses follow BSD `sysexits.h` so scripts can tell a bad command line
/// from a bad input file from a failing disk.
public enum EntenteError: Error, Sendable, CustomStringConvertible {
    /// The command line is wrong (exit 64).
    case usage(String)
    /// An input file is wrong; every problem found at once (exit 65).
    case data([Diagnostic])
    /// An input file could not be read (exit 66).
    case noInput(String)
    /// An output could not be created or written (exit 73).
    case cannotCreate(String)
    /// A run failed inside the model (exit 70).
    case software(String)

    /// The process exit status for this error.
    public var exitStatus: Int32 {
        switch self {
        case .usage: return 64
        case .data: return 65
        case .noInput: return 66
        case .software: return 70
        case .cannotCreate: return 73
        }
    }

    /// The text printed on stderr, one problem per line.
    public var description: String {
        switch self {
        case .usage(let message): return "error: \(message)"
        case .data(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .noInput(let message), .cannotCreate(let message), .software(let message):
            return "error: \(message)"
        }
    }
}
