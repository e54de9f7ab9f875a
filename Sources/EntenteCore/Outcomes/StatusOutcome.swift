/// `left` and `frozen {state, bloc, by?}`: 0/1 whether a state ever reached that status in a bloc by a date
/// (default: the end), plus `<name>_date`, the step it first did (empty if never).
public enum StatusOutcome {
    /// Shared implementation for status-reached outcomes.
    public struct Measure: Sendable, Hashable {
        /// The state.
        public var state: Int
        /// The bloc.
        public var bloc: Int
        /// Last step counted; nil for the calendar's end.
        public var byStep: Int?
        /// The status looked for.
        public var target: MembershipStatus

        func observe(world: World, step: Int, values: inout [Double], offset: Int) {
            guard values[offset] == 0, step <= (byStep ?? Int.max), world.status(state, bloc) == target else { return }
            values[offset] = 1
            values[offset + 1] = Double(step)
        }

        /// Creates the value from its fields.
        public init(state: Int, bloc: Int, byStep: Int?, target: MembershipStatus) {
            self.state = state
            self.bloc = bloc
            self.byStep = byStep
            self.target = target
        }
    }

    /// `type: left`.
    public struct Left: OutcomeMeasure {
        public static let typeName = "left"
        /// The measure.
        public var measure: Measure
        public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .flag), .init(name: name + "_date", kind: .date)] }
        public var initialValues: [Double] { [0, .nan] }
        public var statusWatch: StatusWatch? {
            StatusWatch(state: measure.state, bloc: measure.bloc, target: measure.target, byStep: measure.byStep)
        }
        public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
            measure.observe(world: world, step: step, values: &values, offset: offset)
        }

        /// Creates the value from its fields.
        public init(measure: Measure) {
            self.measure = measure
        }
    }

    /// `type: frozen` (ever frozen; an exit passes through a freeze unless scripted).
    public struct Frozen: OutcomeMeasure {
        public static let typeName = "frozen"
        /// The measure.
        public var measure: Measure
        public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .flag), .init(name: name + "_date", kind: .date)] }
        public var initialValues: [Double] { [0, .nan] }
        public var statusWatch: StatusWatch? {
            StatusWatch(state: measure.state, bloc: measure.bloc, target: measure.target, byStep: measure.byStep)
        }
        public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
            measure.observe(world: world, step: step, values: &values, offset: offset)
        }

        /// Creates the value from its fields.
        public init(measure: Measure) {
            self.measure = measure
        }
    }
}
