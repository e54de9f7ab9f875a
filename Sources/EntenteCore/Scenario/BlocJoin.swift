/// A member that joins a bloc at a date through the bloc's member list (`{id: MNE, from: 2017-06}`).
///
/// The decoder turns each into a scripted `membership` join at `step`, appended after the file's own
/// events (so within a step it runs after them).
public struct BlocJoin: Sendable, Hashable {
    /// The joining state.
    public var state: Int
    /// The step it joins (≥ 1; a date in the first step or before makes it a member from the start).
    public var step: Int
    /// Where the member entry is written.
    public var location: SourceLocation

    /// Creates the value from its fields.
    public init(state: Int, step: Int, location: SourceLocation) {
        self.state = state
        self.step = step
        self.location = location
    }
}
