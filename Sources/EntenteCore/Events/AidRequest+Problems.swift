extension AidRequest {
    /// `responses:` must name states the call reaches (``CallForHelp/responseProblems(in:)``).
    public func problems(in scenario: Scenario) -> [String] { call.responseProblems(in: scenario) }
}
