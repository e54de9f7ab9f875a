/// The `posterior` object of a `run --posterior` or `compare --posterior` manifest: which calibration
/// the parameter draws came from, how many draws and replicates, and how streams and intervals were made.
public struct PosteriorEntry: Codable, Sendable, Equatable {
    /// The calibration folder as given.
    public var folder: String
    /// SHA-256 of its particles.csv.
    public var particlesSHA256: String
    /// The calibration's `status` when it was read.
    public var calibrationStatus: String
    public var finalGeneration: Int
    /// Particles in the final generation.
    public var particles: Int
    /// The fitted parameters' names.
    public var parameters: [String]
    public var draws: Int
    public var replicatesPerDraw: Int
    /// Fitted parameters whose scenario (or `--set`) value the draws replaced.
    public var scenarioValuesReplaced: [String]
    /// Per variant, the fitted parameters it sets itself and so keeps.
    public var variantValuesKept: [String: [String]]
    public var drawStream: String
    public var runStreams: String
    public var estimator: String

    enum CodingKeys: String, CodingKey {
        case folder, particlesSHA256 = "particles_sha256", calibrationStatus = "calibration_status"
        case finalGeneration = "final_generation", particles, parameters, draws, replicatesPerDraw = "replicates_per_draw"
        case scenarioValuesReplaced = "scenario_values_replaced", variantValuesKept = "variant_values_kept"
        case drawStream = "draw_stream", runStreams = "run_streams", estimator
    }
}
