/// `first_crossing {from, to | state, bloc, level, direction, by?}`: 1 if a trust T_from,to (or an
/// affinity A_state,bloc) crosses `level` in `direction` by a date (default: the end), and
/// `<name>_date`, the first step it does.
///
/// Values are read at the end of each step; a crossing `up` is a step whose value is ≥ level when
/// the previous step's was < level (`down`: ≤ level after > level). The value at the end of the first
/// step is the first reading, so a value already past the level is not a crossing. Until the
/// outcome happens, its `_date` slot holds the previous reading; at the last step a slot that never
/// happened is set back to empty (NaN).
public struct FirstCrossingOutcome: OutcomeMeasure {
    public static let typeName = "first_crossing"

    /// What is read.
    public enum Quantity: Sendable, Hashable {
        /// T_from,to.
        case trust(from: Int, to: Int)
        /// A_state,bloc.
        case affinity(state: Int, bloc: Int)
    }

    /// The quantity.
    public var quantity: Quantity
    /// The level crossed.
    public var level: Double
    /// True for upwards (`up`), false for downwards (`down`).
    public var upward: Bool
    /// Last step counted; nil for the calendar's end.
    public var byStep: Int?

    public var trustPair: (from: Int, to: Int)? {
        if case .trust(let from, let to) = quantity { return (from, to) }
        return nil
    }

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .flag), .init(name: name + "_date", kind: .date)] }
    public var initialValues: [Double] { [0, .nan] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if values[offset] == 0 && step <= (byStep ?? Int.max) {
            let value: Double
            switch quantity {
            case .trust(let from, let to): value = world.trust(from, to)
            case .affinity(let state, let bloc): value = world.affinity(state, bloc)
            }
            let previous = values[offset + 1]
            let crossed = upward ? (previous < level && value >= level) : (previous > level && value <= level)
            if crossed {
                values[offset] = 1
                values[offset + 1] = Double(step)
            } else {
                values[offset + 1] = value
            }
        }
        if step == lastStep && values[offset] == 0 { values[offset + 1] = .nan }
    }

    /// Creates the value from its fields.
    public init(quantity: Quantity, level: Double, upward: Bool, byStep: Int?) {
        self.quantity = quantity
        self.level = level
        self.upward = upward
        self.byStep = byStep
    }
}
