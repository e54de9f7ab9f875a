/// The CSV files of `entente landscape` (docs/outputs.md#landscape), as bytes.
public enum LandscapeCSV {
    /// landscape.csv: one row per (local minimum, actor), minima lowest energy first.
    public static func minima(_ landscape: Landscape) -> [UInt8] {
        var csv = CSVBuffer(header: ["minimum", "energy", "global", "basin", "basin_share", "basin_exact", "actor", "side", "frustration"])
        for (rank, minimum) in landscape.minima.enumerated() {
            for (i, name) in landscape.system.names.enumerated() {
                csv.field(rank + 1)
                csv.field(minimum.energy)
                csv.field(minimum.isGlobal ? "true" : "false")
                csv.field(minimum.basin)
                csv.field(minimum.basinShare)
                csv.field(landscape.basinExact ? "true" : "false")
                csv.field(name)
                csv.field(Int(minimum.sides[i]) + 1)
                csv.field(minimum.frustration[i])
                csv.endRow()
            }
        }
        return csv.bytes
    }

    /// bipartitions.csv (`--all`): one row per bipartition in canonical mask order, with each actor's side.
    public static func bipartitions(_ landscape: Landscape) -> [UInt8] {
        let n = landscape.system.count
        var csv = CSVBuffer(header: ["bipartition", "energy", "local_minimum"] + landscape.system.names)
        for index in landscape.allEnergies.indices {
            csv.field(index)
            csv.field(landscape.allEnergies[index])
            csv.field(landscape.allMinimum[index] ? "true" : "false")
            let mask = UInt64(index) << 1
            for i in 0..<n { csv.field(Int((mask >> UInt64(i)) & 1) + 1) }
            csv.endRow()
        }
        return csv.bytes
    }

    /// balance.csv: one row per measure (name, value).
    public static func balance(_ balance: StructuralBalance) -> [UInt8] {
        var csv = CSVBuffer(header: ["measure", "value"])
        func row(_ name: String, _ value: Double) {
            csv.field(name)
            if value.isNaN { csv.emptyField() } else { csv.field(value) }
            csv.endRow()
        }
        func count(_ name: String, _ value: Int) {
            csv.field(name)
            csv.field(value)
            csv.endRow()
        }
        row("frustration_index", balance.frustrationIndex)
        count("frustration_index_exact", balance.frustrationIndexExact ? 1 : 0)
        count("triads", balance.triads)
        count("balanced_triads", balance.balancedTriads)
        row("balanced_share", balance.balancedShare)
        row("balanced_share_weighted", balance.balancedShareWeighted)
        row("leading_eigenvalue", balance.leadingEigenvalue)
        row("second_eigenvalue", balance.secondEigenvalue)
        return csv.bytes
    }

    /// actors.csv: one row per actor: size, the balance partition's side and the eigenvector faction.
    public static func actors(_ system: LandscapeSystem, _ balance: StructuralBalance) -> [UInt8] {
        var csv = CSVBuffer(header: ["actor", "size", "balance_side", "eigenvector", "faction"])
        let factions = balance.factions
        for (i, name) in system.names.enumerated() {
            csv.field(name)
            csv.field(system.sizes[i])
            csv.field(Int(balance.balancePartition[i]) + 1)
            csv.field(balance.leadingEigenvector[i])
            csv.field(factions[i])
            csv.endRow()
        }
        return csv.bytes
    }
}
