import EntenteCore

extension ScenarioDecoder {
    /// A bloc's `from:` (founding) and `until:` (dissolution) as steps: `from` nil when the bloc exists
    /// from the first step, `until` nil when it is not dissolved within the calendar.
    func decodeLifetime(_ fields: FieldReader, context: inout DecodeContext) -> (from: Int?, until: Int?) {
        guard let calendar = context.calendar else { return (nil, nil) }
        var from: Int?
        if let node = fields["from"], let date = context.date(node, field: "from") {
            let step = calendar.stepOrBeyond(date)
            if step > 0 { from = step }
        }
        var until: Int?
        if let node = fields["until"], let date = context.date(node, field: "until") {
            let step = calendar.stepOrBeyond(date)
            if step <= (from ?? 0) {
                let bound = from.map { _ in "its founding (from: \(fields["from"]?.scalarText ?? ""))" } ?? "the calendar's first step (\(calendar.start))"
                context.error("'until' date \(node.scalarText ?? "") is not after \(bound); expected a dissolution date after it", at: node.location)
            } else if step < calendar.stepCount {
                until = step
            }
        }
        return (from, until)
    }

    /// The member entries of a bloc founded at step `founded`: members without a later `from:` of their own
    /// join at the founding. A member cannot start frozen or join before the bloc exists.
    func founding(_ entries: [MemberEntry], at founded: Int?, context: inout DecodeContext) -> [MemberEntry] {
        guard let founded else { return entries }
        return entries.compactMap { entry in
            var entry = entry
            if let step = entry.fromStep, step > founded { return entry }
            if let step = entry.fromStep, step > 0, step < founded {
                context.error("a member joins before the bloc is founded; expected a 'from' date on or after the bloc's 'from'", at: entry.location)
                return nil
            }
            if entry.frozen {
                context.error("a bloc founded later (its 'from' is after the calendar's start) starts with active members; expected no `status: frozen` (script a freeze with a membership event)",
                              at: entry.location)
                return nil
            }
            entry.fromStep = founded
            return entry
        }
    }

    /// Scripted membership events dated before a bloc is founded or from its dissolution on: each means
    /// nothing, so the file is refused.
    func lifetimeProblems(_ events: [ScenarioEvent], blocs: [BlocSpec], context: inout DecodeContext) {
        for event in events {
            guard let change = event.effect.scriptedMembership, change.bloc < blocs.count else { continue }
            let bloc = blocs[change.bloc]
            if let founded = bloc.foundedStep, event.step < founded {
                context.error("membership event for bloc '\(bloc.id)' comes before the bloc is founded (\(context.calendar?.label(ofStep: founded) ?? "step \(founded)")); expected a date on or after its 'from'",
                              at: event.location)
            } else if let dissolved = bloc.dissolvedStep, event.step >= dissolved {
                context.error("membership event for bloc '\(bloc.id)' comes after the bloc is dissolved (\(context.calendar?.label(ofStep: dissolved) ?? "step \(dissolved)")); expected a date before its 'until'",
                              at: event.location)
            }
        }
    }

    /// The dissolution of each bloc with an `until:` inside the calendar, after the member-list joins.
    static func dissolutionEvents(of blocs: [BlocSpec]) -> [ScenarioEvent] {
        blocs.enumerated().compactMap { b, bloc in
            bloc.dissolvedStep.map { step in
                ScenarioEvent(id: nil, type: BlocDissolution.typeName, step: step, tags: [], note: "dissolution of \(bloc.id) (the bloc's until)",
                              location: bloc.location, effect: BlocDissolution(bloc: b))
            }
        }
    }
}
