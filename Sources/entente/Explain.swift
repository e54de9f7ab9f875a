import ArgumentParser
import EntenteKit
import Foundation

/// `entente explain RUN_DIR --state S --bloc B`: the affinity of S for B taken apart into its terms.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a state's affinity for a bloc apart into the terms of its target, with the events that moved them.",
        discussion: "Reads drivers.csv (written by `entente run --record drivers`) and events.csv of a run folder (docs/outputs.md#explain)."
    )

    @Argument(help: "A run folder written with --record drivers.", completion: .directory)
    var folder: String

    @Option(help: "The state's id.")
    var state: String

    @Option(help: "The bloc's id.")
    var bloc: String

    @Option(parsing: .unconditional, help: "Rows of the table (evenly spaced recorded steps, first and last included; default 13).")
    var rows: String?

    func run() throws {
        try reportingErrors {
            let count = try WholeNumberOption.parse(rows, option: "--rows", range: 2...100_000) ?? 13
            let explanation = try Explanation.load(folder: folder, state: state, bloc: bloc)
            for line in Self.lines(explanation, state: state, bloc: bloc, rows: count) { print(line) }
        }
    }

    /// The terminal text.
    static func lines(_ e: Explanation, state: String, bloc: String, rows: Int) -> [String] {
        let n = e.median.count
        var picks = Set<Int>()
        for k in 0..<min(rows, n) { picks.insert(n <= 1 ? 0 : Int((Double(k) * Double(n - 1) / Double(max(1, min(rows, n) - 1))).rounded())) }
        let indices = picks.sorted()
        func number(_ value: Double) -> String { NumberText.rounded(value, places: 3) }
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        func table(_ points: [Explanation.Point], title: String) -> [String] {
            if e.modelTwo {
                var out = [title, [pad("date", 8), pad("status", 7), pad("affinity", 9), pad("target", 8), pad("= 1/2", 6), pad("+ trust", 8),
                                   pad("+ grievance", 12), pad("+ security", 11), pad("+ hierarchy", 12), pad("+ clamp", 8)].joined(separator: " ")]
                for index in indices {
                    let p = points[index]
                    out.append([pad(p.date, 8), pad(p.status, 7), pad(number(p.affinity), 9), pad(number(p.target), 8), pad("0.5", 6),
                                pad(number(p.trust), 8), pad(number(p.grievance), 12), pad(number(p.security), 11),
                                pad(number(p.hierarchy), 12), pad(number(p.clamp), 8)].joined(separator: " "))
                }
                let first = points[0], last = points[n - 1]
                out.append("change \(first.date)→\(last.date): affinity \(number(last.affinity - first.affinity)), target \(number(last.target - first.target)) = trust \(number(last.trust - first.trust)) + grievance \(number(last.grievance - first.grievance)) + security \(number(last.security - first.security)) + hierarchy \(number(last.hierarchy - first.hierarchy)) + clamp \(number(last.clamp - first.clamp))")
                return out
            }
            var out = [title, [pad("date", 8), pad("status", 7), pad("affinity", 9), pad("target", 8), pad("= 1/2", 6),
                               pad("+ trust", 8), pad("+ security", 11), pad("+ clamp", 8)].joined(separator: " ")]
            for index in indices {
                let p = points[index]
                out.append([pad(p.date, 8), pad(p.status, 7), pad(number(p.affinity), 9), pad(number(p.target), 8), pad("0.5", 6),
                            pad(number(p.trust), 8), pad(number(p.security), 11), pad(number(p.clamp), 8)].joined(separator: " "))
            }
            let first = points[0], last = points[n - 1]
            out.append("change \(first.date)→\(last.date): affinity \(number(last.affinity - first.affinity)), target \(number(last.target - first.target)) = trust \(number(last.trust - first.trust)) + security \(number(last.security - first.security)) + clamp \(number(last.clamp - first.clamp))")
            return out
        }
        var lines = [e.modelTwo
            ? "\(state)'s affinity for \(bloc): target = 1/2 + trust term + grievance term + security term + hierarchy term + clamp (docs/model.md, model 2 rule 5)"
            : "\(state)'s affinity for \(bloc): target = 1/2 + trust term + security term + clamp (docs/model.md, rule 5)", ""]
        lines += table(e.median, title: "median replicate \(e.medianReplicate) (nearest to the across-replicate median affinity)")
        lines.append("")
        lines += table(e.mean, title: "mean over \(NumberText.count(e.replicates, "replicate")) (status: most common)")
        lines.append("")
        lines.append("largest jumps of the terms in replicate \(e.medianReplicate), with the events since the previous recorded step:")
        for jump in e.jumps {
            let events = jump.events.isEmpty ? "(no scripted event: the dynamics)" : jump.events.joined(separator: "; ")
            lines.append("  \(jump.date) \(jump.term) \(jump.change > 0 ? "+" : "")\(number(jump.change)): \(events)")
        }
        return lines
    }
}
