/// `trust {from, to, at?}`: T_from,to at a date (default: the last step).
public struct TrustOutcome: OutcomeMeasure {
    public static let typeName = "trust"
    public static let fieldNames = ["from", "to", "at"]
    public static let requiredFields = ["from", "to"]

    /// Whose trust.
    public var from: Int
    /// In whom.
    public var to: Int
    /// Step read; nil for the last.
    public var atStep: Int?

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> TrustOutcome? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let to = fields["to"].flatMap { context.state($0, field: "to") }
        if let from, let to, from == to, let node = fields["to"] {
            context.error("'from' and 'to' name the same state; a state's trust in itself is not modelled", at: node.location)
            return nil
        }
        guard let from, let to, let at = decodeAtStep(fields, context: &context) else { return nil }
        return TrustOutcome(from: from, to: to, atStep: at)
    }

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .number)] }
    public var initialValues: [Double] { [.nan] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if step == min(atStep ?? lastStep, lastStep) { values[offset] = world.trust(from, to) }
    }
}
