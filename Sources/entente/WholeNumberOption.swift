import EntenteKit

/// Reads a numeric command-line option given as text.
///
/// The options are declared as text parsed `.unconditional`ly, so that `--replicates -1` reaches this
/// check instead of swift-argument-parser taking `-1` for an option and reporting a "missing value";
/// every numeric option then says the same thing: its name, its range, and what was found.
enum WholeNumberOption {
    /// `text` as a whole number in `range`, nil when the option was not given;
    /// throws ``EntenteError/usage(_:)`` naming `option` otherwise.
    static func parse(_ text: String?, option: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard let value = Int(digits), range.contains(value) else {
            let shown = Int(digits) != nil || isWholeNumber(digits) ? text : "'\(text)'"
            throw EntenteError.usage("\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound); found \(shown)")
        }
        return value
    }

    /// True for an optional minus sign followed by ASCII digits (a whole number, perhaps too large for Int).
    private static func isWholeNumber(_ text: String) -> Bool {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !unsigned.isEmpty && unsigned.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The most worker threads `--jobs` accepts.
    static let maxJobs = 1024
}
