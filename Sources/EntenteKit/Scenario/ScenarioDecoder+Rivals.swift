import EntenteCore

extension ScenarioDecoder {
    /// Each bloc's `rivals: [ids]`, read once every bloc id is known (a bloc may name one declared after
    /// it) and made symmetric: B rival of A makes A rival of B. Naming the bloc itself or an unknown id is an error.
    func decodeRivals(_ node: YAMLNode, into blocs: inout [BlocSpec], context: inout DecodeContext) {
        guard let items = node.items else { return }
        for item in items {
            guard let idText = item["id"]?.scalarText, let b = context.blocIndex[idText], b < blocs.count,
                  blocs[b].id == idText, let rivalsNode = item["rivals"] else { continue }
            guard let list = context.list(rivalsNode, field: "rivals", element: { context, element in context.bloc(element, field: "rivals") }) else { continue }
            for rival in list {
                if rival == b {
                    context.error("bloc '\(idText)' names itself under 'rivals'; expected other blocs' ids", at: rivalsNode.location)
                    continue
                }
                if !blocs[b].rivals.contains(rival) { blocs[b].rivals.append(rival) }
                if !blocs[rival].rivals.contains(b) { blocs[rival].rivals.append(b) }
            }
        }
        for b in blocs.indices { blocs[b].rivals.sort() }
    }
}
