internal import CGSL

/// `design: sobol` — GSL's Sobol quasi-random sequence (`gsl_qrng_sobol`, up to 40 dimensions).
///
/// GSL's sequence already leaves out the origin and starts at the centre (0.5, …, 0.5).
/// Entente skips that first point as well, so point k is GSL's point k + 1: (0.75, 0.25, 0.75, …),
/// (0.25, 0.75, 0.25, …), (0.375, 0.375, 0.625, …), … — the design then starts with points that
/// spread over the cube rather than at its centre.
public enum SobolDesign: SweepDesign {
    public static let name = "sobol"

    /// The raw unit-cube points, after skipping the first.
    public static func unitPoints(dimensions: Int, samples: Int) -> [[Double]] {
        guard dimensions > 0, let generator = GSLSetup.sobol(dimensions: dimensions) else {
            return Array(repeating: [], count: samples)
        }
        defer { gsl_qrng_free(generator) }
        var buffer = [Double](repeating: 0, count: dimensions)
        _ = gsl_qrng_get(generator, &buffer)
        return (0..<samples).map { _ in
            _ = gsl_qrng_get(generator, &buffer)
            return buffer
        }
    }

    public static func points(parameters: [SweepParameter], samples: Int, seed: UInt64) -> [[Double]] {
        unitPoints(dimensions: parameters.count, samples: samples).map { unit in
            zip(parameters, unit).map { $0.value(at: $1) }
        }
    }
}
