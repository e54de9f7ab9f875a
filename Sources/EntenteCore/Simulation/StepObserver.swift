/// Receives the world after every step of a run: the data-collection side of the engine.
///
/// Generic (not existential) in ``Engine/run(replicate:point:seed:observer:)`` so a
/// recorder that keeps nothing costs nothing.
public protocol StepObserver {
    /// Called after step `step` has been simulated, with that step's event rows.
    mutating func observe(world: World, step: Int, events: [EventLog.Entry])
    /// Whether the engine should build event rows at all.
    var wantsEvents: Bool { get }
    /// Whether the engine should hand over the perception of each step (drivers.csv). Off by default,
    /// and then the step loop does no extra work.
    var wantsDrivers: Bool { get }
    /// Called between rule 5 (affinity) and rule 6 (membership) of step `step` when ``wantsDrivers``:
    /// the world holds this step's threat, need and affinity and the statuses rule 6 is about to
    /// check; `blocTrust` and `cover` are τ_ib and cover_ib, state-major (`i · blocs + b`).
    mutating func observeDrivers(world: World, blocTrust: UnsafeBufferPointer<Double>, cover: UnsafeBufferPointer<Double>, step: Int)
    /// Model 2's counterpart of ``observeDrivers(world:blocTrust:cover:step:)``, called instead of it under
    /// model 2 when ``wantsDrivers``: `scratch` holds the step's bloc trust, cover, target and dominance as
    /// model 2's rules 4 and 5 computed them.
    mutating func observeModelTwoDrivers(world: World, scratch: Scratch, step: Int)
}

extension StepObserver {
    /// No drivers unless an observer asks.
    public var wantsDrivers: Bool { false }
    /// Ignores the drivers.
    public mutating func observeDrivers(world: World, blocTrust: UnsafeBufferPointer<Double>, cover: UnsafeBufferPointer<Double>, step: Int) {}
    /// Ignores model 2's drivers.
    public mutating func observeModelTwoDrivers(world: World, scratch: Scratch, step: Int) {}
}

/// An observer that keeps nothing (outcome-only runs).
public struct NullObserver: StepObserver {
    /// Creates one.
    public init() {}
    public mutating func observe(world: World, step: Int, events: [EventLog.Entry]) {}
    public var wantsEvents: Bool { false }
}
