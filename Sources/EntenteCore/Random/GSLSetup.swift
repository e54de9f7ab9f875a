internal import CGSL

/// Turns off GSL's abort-on-error handler once per process, so that GSL reports
/// failures through return codes that Entente checks instead of killing the process.
public enum GSLSetup {
    private static let done: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Idempotent; called by every type that owns a GSL object.
    public static func ensure() { _ = done }

    /// The version of the GSL library linked, for manifests.
    public static var version: String { String(cString: cgsl_version()) }
}
