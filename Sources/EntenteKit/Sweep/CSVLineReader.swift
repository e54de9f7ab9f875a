import Foundation

/// Reads a CSV file row by row in constant memory (RFC 4180: quoted fields may hold commas, quotes and newlines).
public struct CSVLineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var discarded = 0
    private var finished = false
    private var newlines = 0
    /// 1-based line of the file on which the last row returned starts.
    public private(set) var line = 0

    /// Opens `path`.
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EntenteError.noInput("cannot read \(path)")
        }
        self.handle = handle
    }

    /// Reads more bytes; `index` (an offset into the buffer) is kept pointing at the same byte.
    private mutating func fill(keeping index: inout Int) -> Bool {
        if finished { return false }
        let data = handle.readData(ofLength: 1 << 20)
        if data.isEmpty { finished = true; return false }
        let relative = index - position
        buffer.removeSubrange(0..<position)
        discarded += position
        position = 0
        index = relative
        buffer.append(contentsOf: data)
        return true
    }

    /// The next row's fields, or nil at the end. A last line without its newline is not returned
    /// (it is a row cut short by a crash).
    public mutating func next() -> [String]? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = position
        let quote = UInt8(ascii: "\"")
        let startLine = newlines + 1
        var seen = 0
        while true {
            if index >= buffer.count && !fill(keeping: &index) { return nil }
            let byte = buffer[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index >= buffer.count { _ = fill(keeping: &index) }
                    if index < buffer.count && buffer[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 10 { seen += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote: quoted = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case 10:
                fields.append(String(decoding: field, as: UTF8.self))
                position = index
                newlines += seen + 1
                line = startLine
                return fields
            default: field.append(byte)
            }
        }
    }

    /// The next row's bytes without its line break — quotes, commas and all — or nil at the end, for
    /// readers that parse numbers in bulk without making a String per field (`entente analyze` reads
    /// hundreds of thousands of rows). Rows end as for ``next()``: at a newline outside quotes; a last
    /// line without its newline is not returned.
    public mutating func nextRowBytes() -> ArraySlice<UInt8>? {
        var index = position
        var quoted = false
        let startLine = newlines + 1
        var seen = 0
        while true {
            if index >= buffer.count && !fill(keeping: &index) { return nil }
            let byte = buffer[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == 10 {
                if quoted { seen += 1; continue }
                let row = buffer[position..<(index - 1)]
                position = index
                newlines += seen + 1
                line = startLine
                return row
            }
        }
    }

    /// The fields of one row returned by ``nextRowBytes()``, unquoted (RFC 4180).
    public static func fields(of row: ArraySlice<UInt8>) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = row.startIndex
        while index < row.endIndex {
            let byte = row[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < row.endIndex && row[index] == byte { field.append(byte); index += 1 } else { quoted = false }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else {
                field.append(byte)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }

    /// 1-based line on which the next row starts (after the last, the line a cut row is on).
    public var nextLine: Int { newlines + 1 }

    /// True when bytes follow the last complete row: a last line without its newline, cut short.
    /// Meaningful once ``next()`` has returned nil.
    public var hasCutLine: Bool { finished && position < buffer.count }

    /// Byte offset in the file just after the last complete row returned.
    public var consumedBytes: Int { discarded + position }
}
