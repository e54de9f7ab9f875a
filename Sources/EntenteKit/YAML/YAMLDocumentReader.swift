import Foundation

/// Reads a YAML file into a ``YAMLNode`` tree, turning every way a file can be
/// unreadable into one diagnostic with a position.
public struct YAMLDocumentReader: Sendable {
    /// The limits enforced while reading.
    public var limits: YAMLLimits

    /// Creates a reader.
    public init(limits: YAMLLimits = .standard) {
        self.limits = limits
    }

    /// Reads and parses `path`; `displayName` is what messages call the file.
    public func read(path: String, displayName: String? = nil) throws -> YAMLNode {
        let name = displayName ?? path
        let data = try InputFile.contents(of: path, name: name, maxBytes: limits.maxBytes)
        return try parse(data: data, file: name)
    }

    /// Parses YAML bytes; `file` names the source in messages.
    public func parse(data: Data, file: String) throws -> YAMLNode {
        func fail(_ message: String, line: Int = 1, column: Int = 1) -> EntenteError {
            .data([Diagnostic(message, at: SourceLocation(file: file, line: line, column: column))])
        }
        if data.count > limits.maxBytes {
            throw fail("file is \(data.count) bytes; expected at most \(limits.maxBytes) bytes (16 MiB)")
        }
        let bytes = [UInt8](data)
        // UTF-32's little-endian mark starts like UTF-16's: test it first.
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            throw fail("file is UTF-32 (it starts with a byte-order mark); expected UTF-8 text — re-save it as UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw fail("file is UTF-16 (it starts with a byte-order mark); expected UTF-8 text — re-save it as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = Self.position(ofByte: nul, in: bytes)
            let found = Self.wideEncoding(bytes).map { "what looks like \($0) without a byte-order mark — re-save it as UTF-8" } ?? "binary data"
            throw fail("file contains a NUL byte; expected UTF-8 text, found \(found)", line: line, column: column)
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8(bytes)
            let (line, column) = Self.position(ofByte: offset, in: bytes)
            throw fail("invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true))); expected UTF-8 text — is the file Latin-1? re-save it as UTF-8",
                       line: line, column: column)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw fail("file is empty; expected a YAML mapping with at least `calendar` and `states`")
        }
        guard let root = try YAMLComposer(text: text, file: file, limits: limits).compose() else {
            throw fail("file holds no YAML document; expected a mapping with `calendar`, `states` and `events`")
        }
        return root
    }

    /// The encoding that text starting with these bytes is in, when it is UTF-16 or UTF-32 without a byte-order mark:
    /// ASCII text then has one (UTF-16) or three (UTF-32) NUL bytes beside each character.
    static func wideEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4 else { return nil }
        let zero = bytes.prefix(4).map { $0 == 0 }
        switch (zero[0], zero[1], zero[2], zero[3]) {
        case (false, true, true, true): return "UTF-32 little-endian"
        case (true, true, true, false): return "UTF-32 big-endian"
        case (false, true, false, true): return "UTF-16 little-endian"
        case (true, false, true, false): return "UTF-16 big-endian"
        default: return nil
        }
    }

    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 character.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return min(offset, max(0, bytes.count - 1))
            case .error: return offset
            }
        }
    }
}
