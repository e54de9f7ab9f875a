import EntenteCore

/// The `{state, bloc, by?}` fields shared by the membership outcomes added in issue 14.
struct StateBlocBound {
    var state: Int
    var bloc: Int
    var byStep: Int?

    static func decode(_ fields: FieldReader, context: inout DecodeContext) -> StateBlocBound? {
        guard let measure = StatusOutcome.Measure.decode(fields, target: .member, context: &context) else { return nil }
        return StateBlocBound(state: measure.state, bloc: measure.bloc, byStep: measure.byStep)
    }

    /// `{state, bloc, at?}` instead of `by`.
    static func decodeAt(_ fields: FieldReader, context: inout DecodeContext) -> StateBlocBound? {
        let state = fields["state"].flatMap { context.state($0, field: "state") }
        let bloc = fields["bloc"].flatMap { context.bloc($0, field: "bloc") }
        guard let state, let bloc, let at = decodeAtStep(fields, context: &context) else { return nil }
        return StateBlocBound(state: state, bloc: bloc, byStep: at)
    }
}
