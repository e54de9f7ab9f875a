import CYaml
import Foundation
import Yams

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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EntenteError.noInput("\(name): no such file")
        }
        guard !isDirectory.boolValue else {
            throw EntenteError.noInput("\(name): is a directory, expected a YAML file")
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = attributes[.size] as? Int, size > limits.maxBytes {
            throw EntenteError.data([Diagnostic(
                "file is \(size) bytes; expected at most \(limits.maxBytes) bytes (16 MiB) for a scenario or sweep file",
                at: SourceLocation(file: name, line: 1, column: 1))])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EntenteError.noInput("\(name): cannot be read (check its permissions)")
        }
        return try parse(data: data, file: name)
    }

    /// Parses YAML bytes; `file` names the source in messages.
    public func parse(data: Data, file: String) throws -> YAMLNode {
        let start = SourceLocation(file: file, line: 1, column: 1)
        func fail(_ message: String, line: Int = 1, column: Int = 1) -> EntenteError {
            .data([Diagnostic(message, at: SourceLocation(file: file, line: line, column: column))])
        }
        if data.count > limits.maxBytes {
            throw fail("file is \(data.count) bytes; expected at most \(limits.maxBytes) bytes (16 MiB)")
        }
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw fail("file is UTF-16 (it starts with a byte-order mark); expected UTF-8 text — re-save it as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = Self.position(ofByte: nul, in: bytes)
            throw fail("file contains a NUL byte; expected UTF-8 text, found binary data", line: line, column: column)
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
        if let (line, column) = Self.excessiveNesting(in: bytes, limit: limits.maxDepth) {
            throw fail("nesting is deeper than \(limits.maxDepth) levels; expected a flat scenario file", line: line, column: column)
        }
        // Count the nodes with aliases expanded *before* Yams composes the tree: Yams hashes every
        // mapping key to find duplicates, and hashing an alias of a "billion laughs" structure used
        // as a key takes exponential time, long before the conversion budget below is reached.
        if let count = Self.expandedNodeCount(text, limit: limits.maxNodes), count > limits.maxNodes {
            throw fail("the document expands to more than \(limits.maxNodes) nodes (anchors and aliases used to inflate it?); expected a scenario of reasonable size")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw EntenteError.data([Self.diagnostic(for: error, file: file)])
        } catch {
            throw fail("not valid YAML: \(error)")
        }
        guard let root else {
            throw fail("file holds no YAML document; expected a mapping with `calendar`, `states` and `events`")
        }
        var budget = limits.maxNodes
        guard let converted = Self.convert(root, file: file, budget: &budget, fallback: start) else {
            throw fail("the document expands to more than \(limits.maxNodes) nodes (anchors and aliases used to inflate it?); expected a scenario of reasonable size")
        }
        return converted
    }

    /// The number of nodes `text` expands to, each alias counted at the full size of its anchor,
    /// from libyaml's event stream (linear time, no tree built); stops counting once past `limit`.
    /// Nil when libyaml reports a syntax error: composing the document then reports it with its position.
    static func expandedNodeCount(_ text: String, limit: Int) -> Int? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Int? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizes: [String: Int] = [:]                   // anchor → expanded size of its node
            var open: [(anchor: String?, start: Int)] = []   // collections being read
            var total = 0
            while total <= limit {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? { pointer.map { String(cString: $0) } }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return total
                case YAML_SCALAR_EVENT:
                    total += 1
                    if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), total))
                    total += 1
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), total))
                    total += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let (anchor, start) = open.popLast(), let anchor { sizes[anchor] = total - start }
                case YAML_ALIAS_EVENT:
                    total += name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                default:
                    break
                }
            }
            return total
        }
    }

    static func convert(_ node: Node, file: String, budget: inout Int, fallback: SourceLocation) -> YAMLNode? {
        budget -= 1
        if budget < 0 { return nil }
        let location = node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? fallback
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return YAMLNode(.scalar(scalar.string, quoted: quoted), at: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let converted = convert(item, file: file, budget: &budget, fallback: location) else { return nil }
                items.append(converted)
            }
            return YAMLNode(.sequence(items), at: location)
        case .mapping(let mapping):
            var entries: [YAMLNode.Entry] = []
            for (key, value) in mapping {
                guard let convertedKey = convert(key, file: file, budget: &budget, fallback: location),
                      let convertedValue = convert(value, file: file, budget: &budget, fallback: location)
                else { return nil }
                let keyText = convertedKey.scalarText ?? convertedKey.foundDescription
                entries.append(.init(key: keyText, keyLocation: convertedKey.location, value: convertedValue))
            }
            return YAMLNode(.mapping(entries), at: location)
        case .alias:
            return YAMLNode(.scalar("", quoted: false), at: location)
        }
    }

    /// Yams reports 0-based marks inside its errors' text but 1-based `Mark`s; normalise to one message.
    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "not valid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return Diagnostic(message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic("duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping; expected each key once",
                              at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, _, let yaml):
            let bytes = Array(yaml.utf8)
            let (line, column) = position(ofByte: min(offset ?? 0, max(0, bytes.count - 1)), in: bytes)
            return Diagnostic("not readable as YAML: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        default:
            return Diagnostic("not valid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
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

    /// A cheap upper bound on nesting depth, checked before the recursive parser sees the text.
    static func excessiveNesting(in bytes: [UInt8], limit: Int) -> (Int, Int)? {
        var line = 1
        var lineStart = 0
        var flowDepth = 0
        var blockDepth = 0
        var indent = 0
        var atLineStart = true
        var quote: UInt8 = 0
        var lastSignificant: UInt8 = 0  // the last byte of the line that is not a space; 0 at a line's start
        var index = 0
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        while index < bytes.count {
            let byte = bytes[index]
            defer { index += 1 }
            if byte == newline {
                line += 1
                lineStart = index + 1
                atLineStart = true
                indent = 0
                blockDepth = 0
                lastSignificant = 0
                if quote == UInt8(ascii: "'") { quote = 0 }
                continue
            }
            if quote != 0 {
                if byte == quote {
                    quote = 0
                    lastSignificant = byte
                }
                continue
            }
            let previous = index > lineStart ? bytes[index - 1] : space
            let next = index + 1 < bytes.count ? bytes[index + 1] : newline
            switch byte {
            case space where atLineStart:
                indent += 1
            case UInt8(ascii: "#") where previous == space:
                // A comment: skip to the end of the line.
                while index + 1 < bytes.count && bytes[index + 1] != newline { index += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // Only a quote where a scalar can start opens a quoted string: at the start of a line or after
                // an indicator. One inside a plain scalar (`name: he said "hi`, `it's`) is text, and must not
                // hide the rest of the file from this estimate.
                if Self.scalarStarters.contains(lastSignificant) {
                    quote = byte
                }
                atLineStart = false
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                atLineStart = false
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
                atLineStart = false
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                // Block indicators each open one level; dashes inside dates do not.
                if (previous == space || byte == UInt8(ascii: ":")) && (next == space || next == newline) {
                    blockDepth += 1
                }
                atLineStart = false
            default:
                atLineStart = false
            }
            if byte != space && byte != UInt8(ascii: "\t") && quote == 0 { lastSignificant = byte }
            if flowDepth + blockDepth + indent / 2 > limit { return (line, index - lineStart + 1) }
        }
        return nil
    }

    /// Bytes after which a quoted scalar may start (0: the start of a line).
    static let scalarStarters: [UInt8] = [0, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"),
                                          UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")]
}
