/// An RFC 4180 CSV writer into a byte buffer: LF line ends, fields quoted only when needed,
/// numbers in shortest round-trip form, missing values as empty cells.
public struct CSVBuffer: Sendable {
    /// The bytes so far.
    public private(set) var bytes: [UInt8] = []
    private var atLineStart = true

    /// Creates an empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// A buffer holding `header` as its first row.
    public init(header: [String]) {
        self.init()
        for name in header { field(name) }
        endRow()
    }

    private mutating func separator() {
        if !atLineStart { bytes.append(UInt8(ascii: ",")) }
        atLineStart = false
    }

    /// A text field, quoted when it holds a comma, quote or line break.
    public mutating func field(_ text: String) {
        separator()
        let utf8 = text.utf8
        if utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// A field whose bytes are known to need no quoting (ids, date labels), appended as they are.
    public mutating func plainField(_ utf8: [UInt8]) {
        separator()
        bytes.append(contentsOf: utf8)
    }

    /// An integer field, written digit by digit (no String is built).
    public mutating func field(_ value: Int) {
        separator()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// A number in shortest round-trip form; NaN writes an empty cell.
    public mutating func field(_ value: Double) {
        separator()
        guard !value.isNaN else { return }
        bytes.append(contentsOf: CSVBuffer.format(value).utf8)
    }

    /// An empty cell.
    public mutating func emptyField() { separator() }

    /// Ends the row with LF.
    public mutating func endRow() {
        bytes.append(10)
        atLineStart = true
    }

    /// Empties the buffer, keeping its storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        atLineStart = true
    }

    /// Shortest round-trip decimal: `0.1`, `1e-05`, `3.0`; integral values print with `.0`.
    public static func format(_ value: Double) -> String {
        value == 0 ? "0.0" : value.description
    }
}
