extension ScenarioDecoder {
    /// A diplomacy kind written as an event type (`type: summits`) says how to write it; a plural of a name
    /// that is both a lasting event type and a kind (`type: sanctions`) names both; other names get the
    /// closest event type.
    static func eventTypeHint(_ name: String) -> String {
        let lowered = name.lowercased()
        let kinds = Diplomacy.Kind.allCases.map(\.rawValue)
        let singular = lowered.hasSuffix("s") ? String(lowered.dropLast()) : lowered
        if singular != lowered, kinds.contains(singular), EventRegistry.type(named: singular) != nil {
            // `sanction` is both a lasting measure (an event type) and a one-off diplomatic move (a kind).
            return ": did you mean 'type: \(singular)' (lasting, until lifted) or the one-off move 'type: diplomacy, kind: \(singular)'?"
        }
        if let kind = kinds.first(where: { $0 == lowered || $0 == singular }) ?? DidYouMean.suggestion(for: lowered, among: kinds),
           EventRegistry.type(named: lowered) == nil, DidYouMean.suggestion(for: lowered, among: EventRegistry.names) == nil {
            return ": a kind of diplomacy event: type: diplomacy, kind: \(kind)"
        }
        return DidYouMean.hint(for: name, among: EventRegistry.names)
    }
}
