internal import CGSL

/// The one place Entente sets GSL up: every GSL object Entente creates (a `gsl_rng`, a Sobol generator, a
/// discrete-distribution table, the matrices of an eigenproblem) is allocated by a function here, and each
/// of them first turns GSL's abort-on-error handler off. So no GSL-backed value can exist while GSL would
/// kill the process: GSL reports failures through return codes that Entente checks, and code that owns GSL
/// objects has nothing to remember. `GSLSetupTests` refuses a GSL allocation anywhere else in Sources.
///
/// GSL's handler is one process-wide pointer that GSL reads only when it reports an error; every call here
/// stores the same function (`gsl_set_error_handler_off`), so calls from several workers agree. Setting it at
/// each allocation rather than once per process also turns it back off after a host program (or a test)
/// restored GSL's default.
public enum GSLSetup {
    /// Turns GSL's abort handler off. Every allocation below calls it; call it yourself only before a GSL
    /// function that can report an error on values that own no GSL object (as the ABC kernel's Cholesky
    /// factorisation does).
    public static func ensure() { _ = gsl_set_error_handler_off() }

    /// The version of the GSL library linked, for manifests.
    public static var version: String { String(cString: cgsl_version()) }

    /// A new mt19937 generator (``RandomStream`` owns and frees it). Out of memory is fatal, as for any Swift allocation.
    static func generator() -> UnsafeMutablePointer<gsl_rng> {
        ensure()
        guard let rng = gsl_rng_alloc(cgsl_rng_mt19937()) else { fatalError("gsl_rng_alloc failed: out of memory") }
        return rng
    }

    /// The most dimensions of GSL's Sobol tables.
    public static let sobolDimensions = 1...40

    /// A new Sobol generator in `dimensions` dimensions; nil outside ``sobolDimensions`` (for which
    /// `gsl_qrng_alloc` ignores its own initialisation's refusal and returns a generator of uninitialised
    /// numbers) or without memory. The caller frees it with `gsl_qrng_free`.
    static func sobol(dimensions: Int) -> UnsafeMutablePointer<gsl_qrng>? {
        ensure()
        guard sobolDimensions.contains(dimensions) else { return nil }
        return gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimensions))
    }

    /// A new Walker alias table for `weights` (`gsl_ran_discrete_preproc`); nil when GSL refuses them.
    /// The caller frees it with `gsl_ran_discrete_free`.
    static func discreteTable(_ weights: [Double]) -> UnsafeMutablePointer<gsl_ran_discrete_t>? {
        ensure()
        return weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) }
    }
}
