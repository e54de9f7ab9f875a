import EntenteKit

/// The terminal summary of `entente landscape`: minima, predicted coalitions, frustrated actors, balance.
struct LandscapeTable {
    let input: LandscapeInput.Described
    let report: LandscapeRun.Report

    var text: String {
        let landscape = report.landscape
        let balance = report.balance
        let system = input.system
        let n = system.count
        var lines: [String] = []
        let when = input.when == "start" ? "at the start" : "at \(input.when), mean of \(input.replicates.count) replicate\(input.replicates.count == 1 ? "" : "s")" + (input.runFolder.map { " recorded in \($0)" } ?? "")
        let search = landscape.exhaustive ? "all \(1 << (n - 1)) bipartitions" : "\(landscape.starts) random starts"
        lines.append("\(n) states, propensity from \(input.source == .trust ? "trust (T_ij + T_ji)/2" : "the file's propensity:") \(when); \(search), basins \(landscape.basinExact ? "exact" : "estimated from \(landscape.starts) random starts") (\(NumberText.rounded(report.seconds, places: 3)) s)")
        lines.append("")
        lines.append("Local minima (no single state's move lowers the energy), lowest first:")
        lines.append("   #        energy  basin    side 1 | side 2")
        for (rank, minimum) in landscape.minima.prefix(10).enumerated() {
            let one = (0..<n).filter { minimum.sides[$0] == 0 }.map { system.names[$0] }.joined(separator: " ")
            let two = (0..<n).filter { minimum.sides[$0] == 1 }.map { system.names[$0] }.joined(separator: " ")
            let share = NumberText.rounded(100 * minimum.basinShare, places: 1) + "%"
            lines.append("  " + pad(String(rank + 1), 2) + " " + pad(String(format4(minimum.energy)), 13) + " " + pad(share, 6)
                         + (minimum.isGlobal ? " *" : "  ") + " " + one + " | " + (two.isEmpty ? "(none)" : two))
        }
        if landscape.minima.count > 10 { lines.append("  … \(landscape.minima.count - 10) more in landscape.csv") }
        if let global = landscape.global {
            lines.append("  * global minimum\(landscape.exhaustive ? "" : " among those found")")
            lines.append("")
            let order = (0..<n).sorted { global.frustration[$0] != global.frustration[$1] ? global.frustration[$0] > global.frustration[$1] : $0 < $1 }
            let frustrated = order.prefix(5).filter { global.frustration[$0] > 0 }
                .map { "\(system.names[$0]) \(format4(global.frustration[$0]))" }
            lines.append("Most frustrated at the global minimum (F_i > 0 is pull toward the other side): \(frustrated.isEmpty ? "none" : frustrated.joined(separator: ", "))")
        }
        lines.append("")
        let factions = balance.factions
        let faction1 = (0..<n).filter { factions[$0] == 1 }.map { system.names[$0] }.joined(separator: " ")
        let faction2 = (0..<n).filter { factions[$0] == 2 }.map { system.names[$0] }.joined(separator: " ")
        lines.append("Structural balance: frustration index \(format4(balance.frustrationIndex))\(balance.frustrationIndexExact ? "" : " (upper bound)"); balanced triads \(balance.balancedTriads)/\(balance.triads) (\(percent(balance.balancedShare)), weighted \(percent(balance.balancedShareWeighted)))")
        lines.append("Leading-eigenvector factions (λ1 = \(format4(balance.leadingEigenvalue)), λ2 = \(format4(balance.secondEigenvalue))): \(faction1) | \(faction2.isEmpty ? "(none)" : faction2)")
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    private func format4(_ value: Double) -> String { NumberText.rounded(value, places: 4) }

    private func percent(_ share: Double) -> String { share.isNaN ? "NA" : NumberText.rounded(100 * share, places: 1) + "%" }
}
