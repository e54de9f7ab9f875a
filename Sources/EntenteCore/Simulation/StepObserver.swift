/// Receives the world after every step of a run: the data-collection side of the engine.
///
/// Generic (not existential) in ``Engine/run(replicate:point:seed:observer:)`` so a
/// recorder that keeps nothing costs nothing.
public protocol StepObserver {
    /// Called after step `step` has been simulated, with that step's event rows.
    mutating func observe(world: World, step: Int, events: [EventLog.Entry])
    /// Whether the engine should build event rows at all.
    var wantsEvents: Bool { get }
}

/// An observer that keeps nothing (outcome-only runs).
public struct NullObserver: StepObserver {
    /// Creates one.
    public init() {}
    public mutating func observe(world: World, step: Int, events: [EventLog.Entry]) {}
    public var wantsEvents: Bool { false }
}
