internal import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The prior distribution of one fitted parameter (docs/calibration.md#priors).
///
/// Every prior has a bounded support [``lower``, ``upper``] inside the parameter's range: a normal
/// prior is truncated to it. ``density(_:)`` is the normalised density on that support (0 outside),
/// which ABC-SMC's importance weights need; ``draw(_:)`` maps one uniform number to a draw by the
/// inverse distribution function, so a prior draw costs exactly one number of its stream.
public enum Prior: Sendable, Hashable {
    /// Uniform on [minimum, maximum].
    case uniform(minimum: Double, maximum: Double)
    /// Log-uniform on [minimum, maximum] (minimum > 0): uniform in ln x.
    case logUniform(minimum: Double, maximum: Double)
    /// Normal N(mean, sd²) truncated to [lower, upper] (the parameter's range).
    case normal(mean: Double, sd: Double, lower: Double, upper: Double)

    /// The name written in calibration files and manifests.
    public var name: String {
        switch self {
        case .uniform: return "uniform"
        case .logUniform: return "loguniform"
        case .normal: return "normal"
        }
    }

    /// Lower end of the support.
    public var lower: Double {
        switch self {
        case .uniform(let minimum, _), .logUniform(let minimum, _): return minimum
        case .normal(_, _, let lower, _): return lower
        }
    }

    /// Upper end of the support.
    public var upper: Double {
        switch self {
        case .uniform(_, let maximum), .logUniform(_, let maximum): return maximum
        case .normal(_, _, _, let upper): return upper
        }
    }

    /// True when `x` lies in the support (both ends included).
    public func contains(_ x: Double) -> Bool { x >= lower && x <= upper }

    /// The normalised density at `x`; 0 outside the support.
    ///
    /// uniform: 1/(max − min); loguniform: 1/(x · ln(max/min)); normal: φ((x − μ)/σ)/σ divided by
    /// Φ((upper − μ)/σ) − Φ((lower − μ)/σ), the prior mass inside the range.
    public func density(_ x: Double) -> Double {
        guard contains(x) else { return 0 }
        switch self {
        case .uniform(let minimum, let maximum):
            return maximum > minimum ? 1 / (maximum - minimum) : .infinity
        case .logUniform(let minimum, let maximum):
            return maximum > minimum ? 1 / (x * log(maximum / minimum)) : .infinity
        case .normal(let mean, let sd, let lower, let upper):
            let mass = gsl_cdf_gaussian_P(upper - mean, sd) - gsl_cdf_gaussian_P(lower - mean, sd)
            return gsl_ran_gaussian_pdf(x - mean, sd) / mass
        }
    }

    /// The draw for the uniform number `u` in [0, 1): the inverse distribution function at u.
    ///
    /// uniform: min + u·(max − min); loguniform: exp(ln min + u·(ln max − ln min)); normal:
    /// μ + σ·Φ⁻¹(Φ_a + u·(Φ_b − Φ_a)) with Φ_a, Φ_b the standard normal CDF at the standardised
    /// ends. The result is clamped into the support against rounding.
    public func draw(_ u: Double) -> Double {
        let x: Double
        switch self {
        case .uniform(let minimum, let maximum):
            x = minimum + u * (maximum - minimum)
        case .logUniform(let minimum, let maximum):
            x = exp(log(minimum) + u * (log(maximum) - log(minimum)))
        case .normal(let mean, let sd, let lower, let upper):
            let a = gsl_cdf_gaussian_P(lower - mean, sd)
            let b = gsl_cdf_gaussian_P(upper - mean, sd)
            x = mean + gsl_cdf_gaussian_Pinv(a + u * (b - a), sd)
        }
        return min(max(x, lower), upper)
    }
}
