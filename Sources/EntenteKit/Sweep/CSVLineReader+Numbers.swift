import Foundation

/// Reading numbers straight from a row's bytes (``CSVLineReader/nextRowBytes()``), without a String
/// per field: what lets `entente analyze` read a 600,000-row runs.csv in a fraction of a second.
extension CSVLineReader {
    /// Fills `starts` with the byte offset at which each field of `row` starts, plus one past the end
    /// (so field k is `starts[k] ..< starts[k + 1] − 1`); false, leaving `starts` undefined, when the
    /// row holds a quote and must be split with ``fields(of:)``.
    public static func fieldStarts(_ row: ArraySlice<UInt8>, into starts: inout [Int]) -> Bool {
        starts.removeAll(keepingCapacity: true)
        starts.append(row.startIndex)
        var index = row.startIndex
        while index < row.endIndex {
            let byte = row[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return false }
            if byte == UInt8(ascii: ",") { starts.append(index) }
        }
        starts.append(row.endIndex + 1)
        return true
    }

    private static func range(_ starts: [Int], _ field: Int) -> Range<Int> { starts[field]..<(starts[field + 1] - 1) }

    /// Field `field` read as a Double exactly as `Double(String)` would, NaN when it is empty or not a number.
    public static func number(_ row: ArraySlice<UInt8>, _ starts: [Int], _ field: Int) -> Double {
        let bytes = range(starts, field)
        guard !bytes.isEmpty, bytes.count < 64 else { return bytes.isEmpty ? .nan : Double(String(decoding: row[bytes], as: UTF8.self)) ?? .nan }
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &text) { raw -> Double in
            var offset = 0
            for index in bytes { raw[offset] = row[index]; offset += 1 }
            let start = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &end)
            guard end == start + offset, Self.isPlainNumber(raw, count: offset) else {
                return Double(String(decoding: row[bytes], as: UTF8.self)) ?? .nan
            }
            return value
        }
    }

    /// True when the bytes are only digits, sign, point and exponent (what CSVBuffer writes), so strtod
    /// and Swift's parser agree; anything else (`nan`, `inf`, hex, spaces) goes through `Double(String)`.
    private static func isPlainNumber(_ raw: UnsafeMutableRawBufferPointer, count: Int) -> Bool {
        for offset in 0..<count {
            switch raw[offset] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return false
            }
        }
        return true
    }

    /// Field `field` as a whole number, nil when it is not one.
    public static func integer(_ row: ArraySlice<UInt8>, _ starts: [Int], _ field: Int) -> Int? {
        let bytes = range(starts, field)
        guard !bytes.isEmpty, bytes.count <= 18 else { return bytes.isEmpty ? nil : Int(String(decoding: row[bytes], as: UTF8.self)) }
        var value = 0
        for index in bytes {
            let digit = Int(row[index]) - 48
            guard (0...9).contains(digit) else { return Int(String(decoding: row[bytes], as: UTF8.self)) }
            value = value * 10 + digit
        }
        return value
    }

    /// True when field `field` is exactly `text`.
    public static func field(_ row: ArraySlice<UInt8>, _ starts: [Int], _ field: Int, equals text: String) -> Bool {
        let bytes = range(starts, field)
        return bytes.count == text.utf8.count && zip(row[bytes], text.utf8).allSatisfy { $0 == $1 }
    }
}
