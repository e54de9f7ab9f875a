import ArgumentParser
import EntenteKit

/// `--posterior DIR`, `--draws M`, `--allow-incomplete`: options of `run` and `compare` that run
/// under parameter sets drawn from a calibration (docs/calibration.md#using-a-posterior).
struct PosteriorOption: ParsableArguments {
    @Option(help: ArgumentHelp("Run under parameter sets drawn from the final generation of this `entente calibrate` results folder.", valueName: "DIR"))
    var posterior: String?

    @Option(parsing: .unconditional, help: "Parameter sets drawn from the posterior, 1 to 100000 (default 100).")
    var draws: String?

    @Flag(help: "Use a calibration whose manifest.json does not say it is complete (its last generation in particles.csv).")
    var allowIncomplete = false

    /// The options, nil without `--posterior`.
    var value: PosteriorOptions? {
        get throws {
            let count = try WholeNumberOption.parse(draws, option: "--draws", range: 1...PosteriorOptions.maxDraws)
            guard let posterior else {
                if draws != nil || allowIncomplete {
                    throw EntenteError.usage("\(draws != nil ? "--draws" : "--allow-incomplete") needs --posterior DIR")
                }
                return nil
            }
            return PosteriorOptions(folder: posterior, draws: count ?? PosteriorOptions.defaultDraws, allowIncomplete: allowIncomplete)
        }
    }

    func validate() throws {
        try reportingErrors { _ = try value }
    }
}
