extension ScenarioDecoder {
    /// A diplomacy kind written as an event type (`type: sanctions`) says how to write it; other names
    /// get the closest event type.
    static func eventTypeHint(_ name: String) -> String {
        let lowered = name.lowercased()
        let kinds = Diplomacy.Kind.allCases.map(\.rawValue)
        let singular = lowered.hasSuffix("s") ? String(lowered.dropLast()) : lowered
        if let kind = kinds.first(where: { $0 == lowered || $0 == singular }) ?? DidYouMean.suggestion(for: lowered, among: kinds),
           EventRegistry.type(named: lowered) == nil, DidYouMean.suggestion(for: lowered, among: EventRegistry.names) == nil {
            return ": a kind of diplomacy event: type: diplomacy, kind: \(kind)"
        }
        return DidYouMean.hint(for: name, among: EventRegistry.names)
    }
}
