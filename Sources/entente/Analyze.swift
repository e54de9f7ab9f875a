import ArgumentParser
import EntenteKit

/// `entente analyze RESULTS_DIR`: sensitivity indices of a saltelli or morris sweep.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write sensitivity.csv (Sobol S1/ST/S2 or Morris mu/mu*/sigma, with bootstrap intervals) for a complete saltelli or morris sweep.",
        discussion: "See docs/sensitivity.md. `entente sweep` runs it by itself at the end of a complete, unsharded saltelli or morris sweep."
    )

    @Argument(help: "The sweep's output folder (after `entente merge` for a sharded sweep).", completion: .directory)
    var folder: String

    @OptionGroup var output: FormatOption

    func run() throws {
        try reportingErrors {
            let result = try SensitivityAnalysis.analyze(folder: folder)
            output.print([try SensitivityAnalysis.table(path: result.path)])
            output.status("\(result.path): \(result.rows) rows")
        }
    }
}
