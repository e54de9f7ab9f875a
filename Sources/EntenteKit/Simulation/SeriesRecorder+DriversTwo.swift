/// drivers.csv under model 2: model 1's columns, computed by model 2's rules, then model 2's own
/// (docs/outputs.md#driverscsv-under-model-2).
extension SeriesRecorder {
    /// The columns model 2 adds after model 1's ``driversHeader``.
    public static let driversModelTwoColumns = [
        "grievance", "dominance", "grievance_term", "hierarchy_term",
        "felt_affinity", "felt_gap", "exit_cost_term", "exit_excess", "anchored",
    ]

    /// drivers.csv columns under model 2: one tidy table, model 1's columns first (same names), then model 2's.
    public static let driversModelTwoHeader = driversHeader + driversModelTwoColumns

    /// drivers.csv's header for a run under `model`.
    public static func driversHeader(model: Int) -> [String] {
        model == 2 ? driversModelTwoHeader : driversHeader
    }

    /// Writes one row per state–bloc pair on recorded steps of a model-2 run, from the world and the
    /// step's scratch between rules 5 and 6.
    public mutating func observeModelTwoDrivers(world: World, scratch: Scratch, step: Int) {
        guard let parameters = driverParameters, step % every == 0 || step == lastStep else { return }
        let date = labels[step]
        let nonalignedWord = Array("nonaligned".utf8)
        for i in 0..<world.stateCount {
            for b in 0..<world.blocCount {
                let row = ModelTwoDriverRow(i, b, world: world, scratch: scratch, parameters: parameters)
                let terms = row.terms, check = row.check
                drivers.beginRow(variant, replicate); drivers.field(step); drivers.plainField(date)
                drivers.plainField(stateIDs[i]); drivers.plainField(blocIDs[b])
                drivers.plainField(Self.statusWords[Int(row.status.rawValue)])
                drivers.field(row.threat); drivers.field(row.need); drivers.field(row.cover); drivers.field(row.blocTrust)
                drivers.field(terms.half); drivers.field(terms.trust); drivers.field(terms.security); drivers.field(terms.clamp)
                drivers.field(terms.target); drivers.field(row.affinity)
                drivers.plainField(row.option < 0 ? nonalignedWord : blocIDs[row.option]); drivers.field(row.best); drivers.field(row.gap)
                drivers.field(check.change.rawValue); drivers.field(check.hazard); drivers.field(check.probability)
                drivers.field(row.grievance); drivers.field(row.dominance); drivers.field(terms.grievance); drivers.field(terms.hierarchy)
                drivers.field(check.feltAffinity); drivers.field(check.feltGap); drivers.field(check.exitCostTerm); drivers.field(check.exitExcess)
                drivers.field(check.anchored ? 1 : 0)
                drivers.endRow()
            }
        }
    }
}
