/// The rows of events.csv a run produces: scripted events as applied and endogenous ones.
///
/// Disabled for outcome-only runs so that no strings are built.
public struct EventLog: Sendable {
    /// One row.
    public struct Entry: Sendable, Hashable {
        /// The step it happened.
        public var step: Int
        /// The scripted event's id, or "" for endogenous rows.
        public var event: String
        /// The event type (`arms_transfer`, `assist`, `freeze`, ...).
        public var type: String
        /// The acting state's id.
        public var actor: String
        /// The state or bloc acted upon.
        public var target: String
        /// Free detail such as `bloc=CSTO p=0.31` or `gap=0.21`.
        public var detail: String
    }

    /// Whether rows are kept.
    public let isEnabled: Bool
    /// Rows so far.
    public private(set) var entries: [Entry] = []

    /// Creates a log.
    public init(enabled: Bool) { isEnabled = enabled }

    /// Appends a row; the strings are only built when the log is enabled.
    public mutating func record(step: Int, event: @autoclosure () -> String, type: String,
                                actor: @autoclosure () -> String, target: @autoclosure () -> String,
                                detail: @autoclosure () -> String) {
        guard isEnabled else { return }
        entries.append(Entry(step: step, event: event(), type: type, actor: actor(), target: target(), detail: detail()))
    }

    /// Empties the log, keeping its storage.
    public mutating func removeAll() { entries.removeAll(keepingCapacity: true) }
}
