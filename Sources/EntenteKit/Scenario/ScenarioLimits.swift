/// Size limits of a scenario, so that a runaway file gets a message rather than exhausting memory.
public enum ScenarioLimits {
    /// Most states (trust is N×N doubles: 5,000 states is 200 MB per world).
    public static let maxStates = 5_000
    /// Most blocs.
    public static let maxBlocs = 1_000
    /// Most events.
    public static let maxEvents = 1_000_000
    /// Most steps of a calendar.
    public static let maxSteps = 1_000_000
    /// Most replicates of one run.
    public static let maxReplicates = 100_000_000
}
