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

        static func decode(_ fields: FieldReader, target: MembershipStatus, context: inout DecodeContext) -> Measure? {
            let state = fields["state"].flatMap { context.state($0, field: "state") }
            let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
            var by: Int?? = .some(nil)
            if let node = fields["by"] { by = context.boundStep(node, field: "by", inclusive: true).map { .some($0) } ?? nil }
            guard let state, let bloc, let by else { return nil }
            return Measure(state: state, bloc: bloc, byStep: by, target: target)
        }

        func observe(world: World, step: Int, values: inout [Double], offset: Int) {
            guard values[offset] == 0, step <= (byStep ?? Int.max), world.status(state, bloc) == target else { return }
            values[offset] = 1
            values[offset + 1] = Double(step)
        }
    }

    /// `type: left`.
    public struct Left: OutcomeMeasure {
        public static let typeName = "left"
        public static let fieldNames = ["state", "bloc", "by"]
        public static let requiredFields = ["state", "bloc"]
        /// The measure.
        public var measure: Measure
        public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Left? {
            Measure.decode(fields, target: .left, context: &context).map(Left.init(measure:))
        }
        public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .flag), .init(name: name + "_date", kind: .date)] }
        public var initialValues: [Double] { [0, .nan] }
        public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
            measure.observe(world: world, step: step, values: &values, offset: offset)
        }
    }

    /// `type: frozen` (ever frozen; an exit passes through a freeze unless scripted).
    public struct Frozen: OutcomeMeasure {
        public static let typeName = "frozen"
        public static let fieldNames = ["state", "bloc", "by"]
        public static let requiredFields = ["state", "bloc"]
        /// The measure.
        public var measure: Measure
        public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Frozen? {
            Measure.decode(fields, target: .frozen, context: &context).map(Frozen.init(measure:))
        }
        public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .flag), .init(name: name + "_date", kind: .date)] }
        public var initialValues: [Double] { [0, .nan] }
        public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
            measure.observe(world: world, step: step, values: &values, offset: offset)
        }
    }
}
