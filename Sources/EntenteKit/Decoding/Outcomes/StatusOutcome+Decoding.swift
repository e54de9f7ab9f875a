import EntenteCore

extension StatusOutcome.Measure {
    static func decode(_ fields: FieldReader, target: MembershipStatus, context: inout DecodeContext) -> StatusOutcome.Measure? {
        let state = fields["state"].flatMap { context.state($0, field: "state") }
        let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
        var by: Int?? = .some(nil)
        if let node = fields["by"] { by = context.boundStep(node, field: "by", inclusive: true).map { .some($0) } ?? nil }
        guard let state, let bloc, let by else { return nil }
        return StatusOutcome.Measure(state: state, bloc: bloc, byStep: by, target: target)
    }
}

extension StatusOutcome.Left: OutcomeDecoding {
    public static let fieldNames = ["state", "bloc", "by"]

    public static let requiredFields = ["state", "bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> StatusOutcome.Left? {
        StatusOutcome.Measure.decode(fields, target: .left, context: &context).map(StatusOutcome.Left.init(measure:))
    }
}

extension StatusOutcome.Frozen: OutcomeDecoding {
    public static let fieldNames = ["state", "bloc", "by"]

    public static let requiredFields = ["state", "bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> StatusOutcome.Frozen? {
        StatusOutcome.Measure.decode(fields, target: .frozen, context: &context).map(StatusOutcome.Frozen.init(measure:))
    }
}
