/// How Entente writes numbers in messages and summaries (CSV uses ``CSVBuffer``).
public enum NumberText {
    /// Whole values without a fraction (`3`, which integer fields accept), others in shortest
    /// round-trip form, so the text reads back to exactly the same Double.
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Rounded to `places` decimals for a summary line; `NA` for a missing value.
    public static func rounded(_ value: Double, places: Int) -> String {
        guard !value.isNaN else { return "NA" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return String((value * scale).rounded() / scale)
    }
}

extension NumberText {
    /// Rounded to exactly `places` decimals, trailing zeros kept so a column lines up (`0.500`, `-0.120`);
    /// `NA` for a missing value, never `-0.000`.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard !value.isNaN else { return "NA" }
        guard value.isFinite else { return value > 0 ? "inf" : "-inf" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }
        var text = String(rounded)
        if text.contains("e") { return text }
        if places == 0 { return String(text.split(separator: ".")[0]) }
        let decimals = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        if decimals == 0 && !text.contains(".") { text += "." }
        return text + String(repeating: "0", count: max(0, places - decimals))
    }

    /// `[low, high]` with `places` decimals each.
    public static func interval(_ low: Double, _ high: Double, places: Int) -> String {
        "[\(fixed(low, places: places)), \(fixed(high, places: places))]"
    }
}

extension NumberText {
    /// `1 replicate`, `2 replicates`: a count with its noun, plural unless the count is 1.
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
