/// Decoding of the optional `propensity:` list: `{from, to, value}` entries, symmetric, unlisted pairs 0.
extension ScenarioDecoder {
    /// Reads `propensity:`; each unordered pair at most once, two distinct declared states, a finite value
    /// within ±1,000,000. Every problem is a diagnostic at its position.
    func decodePropensity(_ node: YAMLNode, context: inout DecodeContext) -> [PropensitySpec] {
        var result: [PropensitySpec] = []
        var seen: [Int: SourceLocation] = [:]
        for item in sequence(node, name: "propensity", limit: 12_500_000, context: &context) {
            guard let fields = FieldReader(item, what: "a propensity entry", allowed: ["from", "to", "value", "note"],
                                           required: ["from", "to", "value"], context: &context) else { continue }
            let from = fields["from"].flatMap { context.state($0, field: "from") }
            let to = fields["to"].flatMap { context.state($0, field: "to") }
            let value = fields["value"].flatMap { context.number($0, field: "value", range: -1_000_000...1_000_000) }
            _ = fields["note"].flatMap { context.text($0, field: "note") }
            if let from, let to, from == to, let node = fields["to"] {
                context.error("'from' and 'to' name the same state; a propensity is between two different states", at: node.location)
                continue
            }
            guard let from, let to, let value else { continue }
            let key = min(from, to) * (ScenarioLimits.maxStates + 1) + max(from, to)
            if let first = seen[key] {
                context.error("the propensity of \(fields["from"]?.scalarText ?? "") and \(fields["to"]?.scalarText ?? "") is given twice (first at line \(first.line)); propensities are symmetric, so list each pair once in either order",
                              at: item.location)
                continue
            }
            seen[key] = item.location
            result.append(PropensitySpec(from: from, to: to, value: value))
        }
        return result
    }
}
