extension Attack {
    /// `responses:` must name states the target's call reaches (``CallForHelp/responseProblems(in:)``).
    public func problems(in scenario: Scenario) -> [String] { call.responseProblems(in: scenario) }
}
