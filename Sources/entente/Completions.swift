import ArgumentParser
import EntenteKit
import Foundation

/// What the shell completes for Entente's arguments (`entente completions bash|zsh|fish`).
enum Completions {
    /// Scenario and sweep files.
    static let yamlFile = CompletionKind.file(extensions: ["yaml", "yml"])

    /// `--variant`: the variant names of the scenario file already on the command line.
    static let variants = CompletionKind.custom { words, _, prefix in
        scenario(in: words).map { ScenarioNames(path: $0).variants.filter { $0.hasPrefix(prefix) } } ?? []
    }

    /// `--set`: model parameter names, and the fields of the scenario file on the command line, as `NAME=`.
    static let settings = CompletionKind.custom { words, _, prefix in
        let names = scenario(in: words).map { ScenarioNames(path: $0).settingNames } ?? Parameter.names.map { $0 + "=" }
        return names.filter { $0.hasPrefix(prefix) }
    }

    /// The first word naming an existing .yaml or .yml file.
    static func scenario(in words: [String]) -> String? {
        words.first { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && FileManager.default.fileExists(atPath: $0) }
    }
}

/// `entente completions bash|zsh|fish`: the shell completion script (what the hidden
/// `--generate-completion-script` prints), to install or source.
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: """
        Completes commands, options, scenario files (*.yaml), variant names after --variant and parameter names after --set. `make install PREFIX=DIR` installs the scripts; by hand: `entente completions bash > ~/.local/share/bash-completion/completions/entente`, `entente completions zsh > ~/.zfunc/_entente` (with `fpath+=~/.zfunc` before `compinit`), `entente completions fish > ~/.config/fish/completions/entente.fish`. See README.md (Shell completion).
        """
    )

    @Argument(help: ArgumentHelp("The shell.", valueName: "bash|zsh|fish"))
    var shell: String

    func run() throws {
        guard let kind = CompletionShell(rawValue: shell) else {
            printError("error: completions \(shell): expected bash, zsh or fish")
            throw ExitCode(64)
        }
        print(Entente.completionScript(for: kind), terminator: "")
    }
}
