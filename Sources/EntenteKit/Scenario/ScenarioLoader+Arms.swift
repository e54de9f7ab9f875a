extension ScenarioLoader {
    /// The baseline of `path` followed by each variant it declares (in file order), every one with
    /// `settings` applied, from one read of the file: `compare`'s arms. Errors come in that order, the
    /// baseline's first, as loading each arm on its own would give them.
    public func loadArms(path: String, settings: [String]) throws -> [Scenario] {
        let root = try YAMLDocumentReader(limits: limits).read(path: path)
        let base = try load(root: root, file: path, settings: settings)
        return try [base] + base.variants.map { try load(root: root, file: path, variant: $0.name, settings: settings) }
    }
}
