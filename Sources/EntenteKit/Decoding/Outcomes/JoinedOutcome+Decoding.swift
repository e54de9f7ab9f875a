import EntenteCore

extension JoinedOutcome: OutcomeDecoding {
    public static let fieldNames = ["state", "bloc", "by"]

    public static let requiredFields = ["state", "bloc"]

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> JoinedOutcome? {
        guard let read = StateBlocBound.decode(fields, context: &context) else { return nil }
        if read.bloc < context.blocMembers.count, context.blocMembers[read.bloc].contains(read.state), let node = fields["state"] {
            context.error("'state' \(node.scalarText ?? "") is listed under the bloc's `members`, so it is a member from the start and cannot join; expected a state outside the bloc (use type rejoined for a return after leaving)",
                          at: node.location)
            return nil
        }
        return JoinedOutcome(state: read.state, bloc: read.bloc, byStep: read.byStep)
    }
}
