/// The ids of a world's states, blocs and events, for writing outputs.
public struct WorldNames: Sendable {
    /// State ids by index.
    public let states: [String]
    /// Bloc ids by index.
    public let blocs: [String]
    /// Event ids by index ("" for events without an id).
    public let events: [String]

    /// Creates the name table.
    public init(states: [String], blocs: [String], events: [String]) {
        self.states = states
        self.blocs = blocs
        self.events = events
    }

    /// A state's id, or "" for -1.
    public func state(_ index: Int?) -> String {
        guard let index, index >= 0 else { return "" }
        return states[index]
    }
}
