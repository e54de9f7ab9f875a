/// landscape.csv: landscape theory's predicted bipartition of the simulated world and structural balance's
/// frustration index at every recorded step (`--record landscape`, docs/outputs.md#landscapecsv).
extension SeriesRecorder {
    /// landscape.csv columns: one row per state and recorded step.
    public static let landscapeHeader = ["replicate", "step", "date", "state", "side", "frustration", "energy", "frustration_index"]

    /// Appends the rows of one recorded step: sizes are the states' capabilities, propensities the
    /// symmetrised trust (T_ij + T_ji)/2 of this replicate's world at the end of the step.
    mutating func recordLandscape(world: World, step: Int, date: [UInt8]) {
        let snapshot = LandscapeSnapshot(sizes: world.capability, trust: world.trust, count: world.stateCount)
        for i in 0..<world.stateCount {
            landscape.field(replicate); landscape.field(step); landscape.plainField(date); landscape.plainField(stateIDs[i])
            landscape.field(Int(snapshot.sides[i]) + 1); landscape.field(snapshot.frustration[i])
            landscape.field(snapshot.energy); landscape.field(snapshot.frustrationIndex)
            landscape.endRow()
        }
    }
}
