import Foundation

/// The command as the user invoked it, for hints such as "resume with: …": argv[0] as typed
/// (`.build/release/entente`, `./entente`, `entente`), not assuming `entente` is on PATH, with words
/// quoted for a POSIX shell so the hint can be pasted back.
enum InvokedCommand {
    /// argv[0], quoted when needed.
    static var name: String { quoted(CommandLine.arguments.first ?? "entente") }

    /// `word` unchanged when it holds only characters a shell leaves alone, else in single quotes.
    static func quoted(_ word: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:+,@%")
        if !word.isEmpty && word.unicodeScalars.allSatisfy({ plain.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
