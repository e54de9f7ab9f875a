extension SweepDecoder {
    /// Other tools' names for Entente's designs (SALib, EMA Workbench, R's lhs), then the closest name.
    static func designHint(_ name: String) -> String {
        switch name.lowercased() {
        case "lhs", "lhc", "latin_hypercube", "latin-hypercube", "latinhypercube", "latin hypercube":
            return " (Latin hypercube sampling is 'design: latin')"
        case "full_factorial", "factorial", "full-factorial":
            return " (a full factorial design is 'design: grid')"
        case "sobol_indices", "sobol-indices":
            return " (Sobol indices come from 'design: saltelli'; 'sobol' is the quasi-random sequence)"
        default:
            return DidYouMean.hint(for: name, among: DesignRegistry.names)
        }
    }
}
