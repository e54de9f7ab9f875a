import EntenteCore

extension ScenarioDecoder {
    /// Bloc keys of treaty terms.
    static let treatyKeys = ["notice", "exit_from", "term", "renewals"]

    /// A bloc's treaty terms (`notice`, `exit_from`, `term: {start, length}` or `renewals: [dates]`); nil when
    /// it gives none (exits take effect at once) or when a field is wrong (the problem is recorded).
    func decodeTerms(_ fields: FieldReader, context: inout DecodeContext) -> TreatyTerms? {
        guard Self.treatyKeys.contains(where: { fields[$0] != nil }) else { return nil }
        var terms = TreatyTerms()
        var ok = true
        if let node = fields["notice"] {
            if let duration = duration(node, field: "notice", context: &context) { terms.notice = duration } else { ok = false }
        }
        if let node = fields["exit_from"] {
            if let date = context.date(node, field: "exit_from") { terms.exitFrom = date } else { ok = false }
        }
        switch (fields["term"], fields["renewals"]) {
        case (let term?, _?):
            context.error("a bloc gives both 'term' and 'renewals'; expected one of them (a term generates the renewal dates)", at: term.location)
            ok = false
        case (let term?, nil):
            if let renewals = renewalDates(term, context: &context) { terms.renewals = renewals } else { ok = false }
        case (nil, let node?):
            if let dates = context.list(node, field: "renewals", element: { context, item in context.date(item, field: "renewals") }) {
                guard !dates.isEmpty else {
                    context.error("'renewals' is an empty list; expected renewal dates such as [2030-01, 2040-01], or no 'renewals'", at: node.location)
                    return nil
                }
                guard zip(dates, dates.dropFirst()).allSatisfy({ $0.0.firstDay < $0.1.firstDay }) else {
                    context.error("'renewals' must list dates in increasing order, each once", at: node.location)
                    return nil
                }
                terms.renewals = dates
            } else { ok = false }
        case (nil, nil):
            break
        }
        return ok ? terms : nil
    }

    /// `term: {start: DATE, length: DURATION}`: renewal dates start + k · length, k = 1, 2, …, up to the
    /// first one after the calendar's end.
    private func renewalDates(_ node: YAMLNode, context: inout DecodeContext) -> [CalendarDate]? {
        guard let fields = FieldReader(node, what: "'term'", allowed: ["start", "length"], required: ["start", "length"], context: &context) else { return nil }
        let start = fields["start"].flatMap { context.date($0, field: "start") }
        let length = fields["length"].flatMap { duration($0, field: "length", context: &context) }
        guard let start, let length, let calendar = context.calendar else { return nil }
        guard length.months > 0 || length.days > 0 else {
            context.error("'length' of a term must be longer than 0; found \(fields["length"]?.scalarText ?? "")", at: fields["length"]?.location ?? node.location)
            return nil
        }
        var dates: [CalendarDate] = []
        var date = start.firstDay
        repeat {
            let k = dates.count + 1
            date = TreatyTerms.Duration(months: k * length.months, days: k * length.days).after(start)
            dates.append(date)
        } while date <= calendar.end && dates.count < 100_000
        return dates
    }

    /// A duration `N years`, `N months`, `N weeks` or `N days` (N a whole number ≥ 0; singular also accepted).
    func duration(_ node: YAMLNode, field: String, context: inout DecodeContext) -> TreatyTerms.Duration? {
        let parts = (node.scalarText ?? "").split(separator: " ").map(String.init)
        if !node.isNull, parts.count == 2, let count = Int(parts[0]), count >= 0, count <= 10_000 {
            switch parts[1] {
            case "year", "years": return TreatyTerms.Duration(months: 12 * count)
            case "month", "months": return TreatyTerms.Duration(months: count)
            case "week", "weeks": return TreatyTerms.Duration(days: 7 * count)
            case "day", "days": return TreatyTerms.Duration(days: count)
            default: break
            }
        }
        context.error("'\(field)' must be a duration such as 1 year, 6 months, 2 weeks or 90 days; found \(node.foundDescription)", at: node.location)
        return nil
    }
}
