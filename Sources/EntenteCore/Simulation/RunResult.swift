/// What one run (one replicate at one parameter point) produced.
public struct RunResult: Sendable {
    /// One value per outcome column, in declaration order (NaN = empty).
    public var outcomes: [Double]
    /// Why the run failed, when it did (non-finite state, for example).
    public var error: String?

    /// A run's result.
    public init(outcomes: [Double], error: String? = nil) {
        self.outcomes = outcomes
        self.error = error
    }
}
