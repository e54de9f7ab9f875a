/// The state of one simulated world, on flat arrays indexed by integers resolved at load time.
///
/// Trust is row-major: `trust[i * stateCount + j]` is T_ij, how far i trusts j; the
/// diagonal stays 0. Affinity and status are `[i * blocCount + b]`.
public struct World: Sendable {
    /// Number of states N.
    public let stateCount: Int
    /// Number of blocs.
    public let blocCount: Int
    /// Capability c_i of each state.
    public var capability: [Double]
    /// Trust T_ij, row-major N×N.
    public var trust: [Double]
    /// Baseline B_ij that memory relaxes trust toward.
    public var baseline: [Double]
    /// Affinity A_ib, N×blocs.
    public var affinity: [Double]
    /// Membership status, N×blocs.
    public var status: [MembershipStatus]
    /// Leader of each bloc, or -1.
    public var leader: [Int]
    /// Obligation ω_b of each bloc.
    public var obligation: [Double]
    /// Whom each bloc's obligation covers (read once per call for help, never per step).
    public var scope: [BlocScope]
    /// Threat θ_i from the last perception pass.
    public var threat: [Double]
    /// Security need of each state from the last perception pass.
    public var need: [Double]
    /// Held-back trust changes of covert events, by event index; emptied when revealed.
    public var heldBack: [[TrustChange]]
    /// Whether each event has been revealed (only meaningful for covert events).
    public var revealed: [Bool]
    /// Whether each state is an armed group (`kind: group`), which never joins a bloc.
    public var isGroup: [Bool]
    /// Per bloc with treaty terms, the step an exit decided at each step takes effect (indexed by step);
    /// empty for a bloc whose exits take effect at once. All empty: no bloc has terms.
    public var exitSteps: [[Int]]
    /// True when some bloc has treaty terms (so the membership rule checks notices).
    public var hasTreaties = false
    /// Per (state, bloc), N×blocs: the step a notified exit takes effect, or −1 when no notice is pending.
    public var pendingExit: [Int] = []
    /// Per (state, bloc): the step notice was given (meaningful while `pendingExit` ≥ 0).
    public var noticeStep: [Int] = []
    /// The rule set this world runs under: 1 or 2. The arrays below are empty under model 1.
    public var model: Int = 1
    /// Model 2: perceived hostile intent H_ij of j toward i, row-major N×N, in [0, 1].
    public var hostility: [Double] = []
    /// Model 2: the level H relaxes toward (enemies at the start stay enemies), row-major N×N.
    public var hostilityBase: [Double] = []
    /// Model 2: grievance G_ib of state i against bloc b, N×blocs, ≥ 0.
    public var grievance: [Double] = []
    /// Model 2: rival_bb' (symmetric), blocs×blocs.
    public var rival: [Bool] = []
    /// Model 2: each state's preference for autonomy in [0, 1].
    public var autonomy: [Double] = []
    /// Model 2: per state, true from its `regime_change` to the next affinity update (the new government re-judges).
    public var regimeChanged: [Bool] = []

    /// A world with `stateCount` states and `blocCount` blocs, all zero; the compiler fills it.
    public init(stateCount: Int, blocCount: Int, eventCount: Int) {
        self.stateCount = stateCount
        self.blocCount = blocCount
        capability = .init(repeating: 0, count: stateCount)
        trust = .init(repeating: 0, count: stateCount * stateCount)
        baseline = trust
        affinity = .init(repeating: 0, count: stateCount * blocCount)
        status = .init(repeating: .outside, count: stateCount * blocCount)
        leader = .init(repeating: -1, count: blocCount)
        obligation = .init(repeating: 0, count: blocCount)
        scope = .init(repeating: .all, count: blocCount)
        threat = .init(repeating: 0, count: stateCount)
        need = threat
        heldBack = .init(repeating: [], count: eventCount)
        revealed = .init(repeating: false, count: eventCount)
        isGroup = .init(repeating: false, count: stateCount)
        exitSteps = .init(repeating: [], count: blocCount)
    }

    /// T_ij.
    @inline(__always)
    public func trust(_ i: Int, _ j: Int) -> Double { trust[i &* stateCount &+ j] }

    /// Adds `delta` to T_ij, keeping it in [-1, 1] and the diagonal at 0.
    @inline(__always)
    public mutating func addTrust(_ i: Int, _ j: Int, _ delta: Double) {
        guard i != j else { return }
        let index = i &* stateCount &+ j
        trust[index] = min(1, max(-1, trust[index] + delta))
    }

    /// Sets T_ij to `value` clamped to [-1, 1] (the diagonal stays 0).
    @inline(__always)
    public mutating func setTrust(_ i: Int, _ j: Int, _ value: Double) {
        guard i != j else { return }
        trust[i &* stateCount &+ j] = min(1, max(-1, value))
    }

    /// A_ib.
    @inline(__always)
    public func affinity(_ i: Int, _ b: Int) -> Double { affinity[i &* blocCount &+ b] }

    /// Adds `delta` to A_ib, keeping it in [0, 1].
    public mutating func addAffinity(_ i: Int, _ b: Int, _ delta: Double) {
        let index = i &* blocCount &+ b
        affinity[index] = min(1, max(0, affinity[index] + delta))
    }

    /// Sets A_ib to `value` clamped to [0, 1].
    public mutating func setAffinity(_ i: Int, _ b: Int, _ value: Double) {
        affinity[i &* blocCount &+ b] = min(1, max(0, value))
    }

    /// Sets the status of state i in bloc b.
    public mutating func setStatus(_ i: Int, _ b: Int, _ value: MembershipStatus) {
        status[i &* blocCount &+ b] = value
    }

    /// Status of state i in bloc b.
    @inline(__always)
    public func status(_ i: Int, _ b: Int) -> MembershipStatus { status[i &* blocCount &+ b] }

    /// True when i is an active (not frozen) member of b.
    @inline(__always)
    public func isActive(_ i: Int, _ b: Int) -> Bool { status[i &* blocCount &+ b] == .member }

    /// True when i belongs to b on paper (active or frozen).
    @inline(__always)
    public func belongs(_ i: Int, _ b: Int) -> Bool {
        let s = status[i &* blocCount &+ b]
        return s == .member || s == .frozen
    }

    /// True when i and j are both active members of some bloc.
    public func shareActiveBloc(_ i: Int, _ j: Int) -> Bool {
        for b in 0..<blocCount where isActive(i, b) && isActive(j, b) { return true }
        return false
    }

    /// Members of b counted on paper (active + frozen).
    public func memberCount(_ b: Int) -> Int {
        var count = 0
        for i in 0..<stateCount where belongs(i, b) { count += 1 }
        return count
    }

    /// Active members of b.
    public func activeCount(_ b: Int) -> Int {
        var count = 0
        for i in 0..<stateCount where isActive(i, b) { count += 1 }
        return count
    }

    /// Mean trust among b's active members over ordered pairs (0 with fewer than two).
    public func cohesion(_ b: Int) -> Double {
        var sum = 0.0
        var pairs = 0
        for i in 0..<stateCount where isActive(i, b) {
            for j in 0..<stateCount where j != i && isActive(j, b) {
                sum += trust(i, j)
                pairs += 1
            }
        }
        return pairs == 0 ? 0 : sum / Double(pairs)
    }

    /// Applies a list of trust changes.
    public mutating func apply(_ changes: [TrustChange]) {
        for change in changes { addTrust(change.from, change.to, change.delta) }
    }
}
