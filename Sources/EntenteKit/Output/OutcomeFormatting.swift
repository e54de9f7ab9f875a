/// How outcome values are written: flags as 0/1, numbers round-trip, dates as the calendar's labels.
public enum OutcomeFormatting {
    /// Writes one outcome cell.
    public static func write(_ value: Double, kind: OutcomeColumn.Kind, labels: [String], into buffer: inout CSVBuffer) {
        if value.isNaN { buffer.emptyField(); return }
        switch kind {
        case .flag: buffer.field(Int(value))
        case .number: buffer.field(value)
        case .date:
            let step = Int(value)
            if step >= 0 && step < labels.count { buffer.field(labels[step]) } else { buffer.emptyField() }
        }
    }
}
