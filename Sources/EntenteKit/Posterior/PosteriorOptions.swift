/// `--posterior DIR [--draws M] [--allow-incomplete]` of `run` and `compare`: run under parameter
/// sets drawn from a calibration's final population (docs/calibration.md#using-a-posterior).
public struct PosteriorOptions: Sendable, Equatable {
    /// The default number of draws M.
    public static let defaultDraws = 100
    /// The most draws accepted.
    public static let maxDraws = 100_000

    /// The calibration results folder (holding particles.csv and manifest.json).
    public var folder: String
    /// Parameter sets drawn, M.
    public var draws: Int
    /// Use a calibration whose manifest does not say `"status": "complete"`.
    public var allowIncomplete: Bool

    /// Options for `folder`.
    public init(folder: String, draws: Int = PosteriorOptions.defaultDraws, allowIncomplete: Bool = false) {
        self.folder = folder
        self.draws = draws
        self.allowIncomplete = allowIncomplete
    }
}
