/// What kind of actor a declared entry under `states:` is (`kind:`).
///
/// A `group` (an armed group or movement) can receive and supply arms, attack and be attacked, but
/// never belongs to a bloc; the salience of arms it receives is measured against its declared
/// `salience_scale`, not its own (small) capability.
public enum ActorKind: String, Sendable, CaseIterable {
    /// A state (the default).
    case state
    /// An armed group or movement.
    case group
}
