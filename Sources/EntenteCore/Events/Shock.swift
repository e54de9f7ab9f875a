/// `shock {trust: [...], affinity: [...], capability: [...]}`: direct changes, for anything the other types do not cover.
///
/// Each item gives either `delta:` (added) or `value:` (set): trust items `{from, to, mutual?}`
/// (clamped to [-1, 1]), affinity items `{state, bloc}` (clamped to [0, 1]), capability items
/// `{state}` (kept ≥ 0).
public struct Shock: EventEffect {
    public static let typeName = "shock"

    /// How an item changes its quantity.
    public enum Change: Sendable, Hashable {
        case add(Double)
        case set(Double)

        func applied(to old: Double) -> Double {
            switch self {
            case .add(let delta): return old + delta
            case .set(let value): return value
            }
        }
    }

    /// A change of T_from,to.
    public struct TrustItem: Sendable, Hashable {
        public var from, to: Int
        public var change: Change

        /// Creates the value from its fields.
        public init(from: Int, to: Int, change: Change) {
            self.from = from
            self.to = to
            self.change = change
        }
    }
    /// A change of A_state,bloc.
    public struct AffinityItem: Sendable, Hashable {
        public var state, bloc: Int
        public var change: Change

        /// Creates the value from its fields.
        public init(state: Int, bloc: Int, change: Change) {
            self.state = state
            self.bloc = bloc
            self.change = change
        }
    }
    /// A change of c_state.
    public struct CapabilityItem: Sendable, Hashable {
        public var state: Int
        public var change: Change

        /// Creates the value from its fields.
        public init(state: Int, change: Change) {
            self.state = state
            self.change = change
        }
    }

    /// Trust changes.
    public var trust: [TrustItem]
    /// Affinity changes.
    public var affinity: [AffinityItem]
    /// Capability changes.
    public var capability: [CapabilityItem]

    public var actor: Int? { nil }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        for item in trust where item.from != item.to {
            world.setTrust(item.from, item.to, item.change.applied(to: world.trust(item.from, item.to)))
        }
        for item in affinity {
            world.setAffinity(item.state, item.bloc, item.change.applied(to: world.affinity(item.state, item.bloc)))
        }
        for item in capability {
            world.capability[item.state] = max(0, item.change.applied(to: world.capability[item.state]))
        }
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: "", target: "", detail: "trust=\(trust.count) affinity=\(affinity.count) capability=\(capability.count)")
    }

    /// Creates the value from its fields.
    public init(trust: [TrustItem], affinity: [AffinityItem], capability: [CapabilityItem]) {
        self.trust = trust
        self.affinity = affinity
        self.capability = capability
    }
}
