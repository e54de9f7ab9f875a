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
