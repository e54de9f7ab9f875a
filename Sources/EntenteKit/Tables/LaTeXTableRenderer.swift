/// A LaTeX `table` float holding a booktabs `tabular` (`\usepackage{booktabs}`): group titles as
/// `\multicolumn` with `\cmidrule`, numbers right-aligned, the caption as `\caption`, notes below in
/// `\footnotesize`. Special characters are escaped, so names like `exit_belarus` print as written.
public struct LaTeXTableRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The text, ending in a newline.
    public func render(_ table: ResultTable) -> String {
        let spec = table.columns.map { $0.alignment == .right ? "r" : "l" }.joined()
        var lines = ["\\begin{table}", "\\centering"]
        if !table.caption.isEmpty { lines.append("\\caption{\(Self.escaped(table.caption))}") }
        lines += ["\\begin{tabular}{\(spec)}", "\\toprule"]
        if table.columns.contains(where: { !$0.group.isEmpty }) {
            var cells: [String] = []
            var rules: [String] = []
            var index = 0
            while index < table.columns.count {
                let group = table.columns[index].group
                var end = index + 1
                if !group.isEmpty { while end < table.columns.count && table.columns[end].group == group { end += 1 } }
                if group.isEmpty {
                    cells.append("")
                } else {
                    cells.append("\\multicolumn{\(end - index)}{c}{\(Self.escaped(group))}")
                    rules.append("\\cmidrule(lr){\(index + 1)-\(end)}")
                }
                index = end
            }
            lines.append(cells.joined(separator: " & ") + " \\\\")
            lines.append(rules.joined(separator: " "))
        }
        lines.append(table.columns.map { Self.escaped($0.title) }.joined(separator: " & ") + " \\\\")
        lines.append("\\midrule")
        for row in table.rows {
            lines.append(table.columns.indices.map { row.indices.contains($0) ? Self.escaped(row[$0].trailingSpacesRemoved) : "" }.joined(separator: " & ") + " \\\\")
        }
        lines += ["\\bottomrule", "\\end{tabular}"]
        if !table.notes.isEmpty {
            lines.append("\\par\\smallskip{\\footnotesize " + table.notes.map(Self.escaped).joined(separator: " \\\\ ") + "}")
        }
        lines.append("\\end{table}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// LaTeX's special characters escaped, and the few non-ASCII symbols Entente prints as math.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "±": out += "$\\pm$"
            case "→": out += "$\\rightarrow$"
            case "Δ": out += "$\\Delta$"
            case "λ": out += "$\\lambda$"
            case "×": out += "$\\times$"
            case "−": out += "$-$"
            case "…": out += "\\ldots{}"
            default: out.append(character)
            }
        }
        return out
    }
}
