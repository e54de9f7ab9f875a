/// `variants:` of a sweep file: the scenario's variants to pair with its baseline at every point.
extension SweepDecoder {
    /// The variant names `node` asks for: a list of variants the scenario declares (its `variants:`, as
    /// `entente compare` runs them) or `all` for every one, checked against `template`'s scenario.
    /// Refused with `variant:` (the baseline must be the scenario itself) and with `record: full`.
    func decodeVariants(_ node: YAMLNode?, top: FieldReader, template: ScenarioTemplate, record: SweepSpec.Record) throws -> [String] {
        guard let node else { return [] }
        var context = DecodeContext()
        let declared = try ScenarioTemplate(file: template.file, root: template.root, variant: nil).instantiate([]).variants.map(\.name)
        if let variant = top["variant"] {
            context.error("'variants' pairs variants with the scenario's baseline; it cannot be combined with 'variant' (found variant: \(variant.scalarText ?? "…")); declare a variant that makes both changes instead",
                          at: node.location)
        }
        if record == .full {
            context.error("'variants' needs record: outcomes (the default); a paired sweep does not write the time series of every arm", at: (top["record"] ?? node).location)
        }
        var names: [String] = []
        if node.scalarText == "all" {
            if declared.isEmpty { context.error("'variants: all' but \(template.file) declares no variants", at: node.location) }
            names = declared
        } else if let items = node.items, !items.isEmpty {
            for item in items {
                guard let name = context.identifier(item, field: "variants") else { continue }
                if !declared.contains(name) {
                    context.error("unknown variant '\(name)'\(DidYouMean.hint(for: name, among: declared)); \(template.file) declares: \(declared.isEmpty ? "none" : declared.joined(separator: ", "))",
                                  at: item.location)
                } else if names.contains(name) {
                    context.error("variant '\(name)' is listed twice; expected each variant once", at: item.location)
                } else {
                    names.append(name)
                }
            }
        } else {
            context.error("'variants' must be all or a non-empty list of the scenario's variant names; found \(node.foundDescription)", at: node.location)
        }
        guard context.diagnostics.isEmpty else { throw EntenteError.data(context.diagnostics) }
        return names
    }
}
