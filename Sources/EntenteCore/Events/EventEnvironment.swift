/// What an event sees besides the world: the step, its own index, the parameters and the random stream.
public struct EventEnvironment {
    /// The current step.
    public let step: Int
    /// Index of the event in the scenario's list (for held-back effects).
    public let eventIndex: Int
    /// Model parameters.
    public let parameters: ParameterValues
    /// The run's random stream.
    public let random: RandomStream
    /// Ids for log rows.
    public let names: WorldNames
}
