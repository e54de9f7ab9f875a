import CYaml

/// Builds a ``YAMLNode`` tree from libyaml's event stream, enforcing ``YAMLLimits`` as the events arrive.
///
/// Composing from events with an explicit stack (rather than Yams' recursive composer) means that the
/// nesting limit is checked on the structure libyaml actually parsed, never on an estimate from the text;
/// that an alias is counted at the full size of its anchor before anything is copied ("billion laughs");
/// that a repeated key is reported where it is repeated; and that an explicit tag (`!!str 1`) is kept, so
/// a typed reader can tell that the value was marked as text.
struct YAMLComposer {
    /// The text to parse (UTF-8, without a byte-order mark).
    let text: String
    /// How messages name the file.
    let file: String
    /// The limits enforced.
    let limits: YAMLLimits

    /// A collection being read.
    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        /// The node count when the collection started, for the expanded size of its anchor.
        var startCount: Int
        var items: [YAMLNode] = []
        var entries: [YAMLNode.Entry] = []
        /// A mapping key read, waiting for its value.
        var pendingKey: YAMLNode?
        /// Each scalar key's first position.
        var keys: [String: SourceLocation] = [:]
    }

    /// The document's root, or nil when the stream holds no document.
    /// Throws ``EntenteError/data(_:)`` for a syntax error, a limit, or repeated keys (all of them, each at its second occurrence).
    func compose() throws -> YAMLNode? {
        _ = Self.libyamlNestingLimit
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw EntenteError.software("libyaml could not allocate a parser")
        }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return try read(&parser)
        }
    }

    /// libyaml refuses (with a message of its own, at the first bracket) a flow collection start while its scanner,
    /// looking up to 1024 characters ahead for a possible key, holds more than its nesting limit (1000 by default)
    /// of open brackets: `[[[[…` would never reach the event that crosses Entente's limit. Its limit is raised once
    /// per process (it is a global of the C library, read only by these parsers), so the events arrive and
    /// Entente's own, much lower limit is reported at the collection that crosses it.
    private static let libyamlNestingLimit: Void = yaml_set_max_nest_level(100_000)

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    private func fail(_ message: String, at location: SourceLocation) -> EntenteError {
        .data([Diagnostic(message, at: location)])
    }

    private func read(_ parser: inout yaml_parser_t) throws -> YAMLNode? {
        var stack: [Frame] = []
        var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        var root: YAMLNode?
        var documents = 0
        var count = 0
        var duplicates: [Diagnostic] = []
        let tooMany = "the document expands to more than \(limits.maxNodes) nodes (anchors and aliases used to inflate it?); expected a scenario of reasonable size"

        /// Hands a finished node to the collection it belongs to (or makes it the root).
        func attach(_ node: YAMLNode) {
            guard var top = stack.popLast() else {
                root = node
                return
            }
            if !top.isMapping {
                top.items.append(node)
            } else if let key = top.pendingKey {
                top.entries.append(.init(key: key.scalarText ?? key.foundDescription, keyLocation: key.location, value: node))
                top.pendingKey = nil
            } else {
                if let text = node.scalarText {
                    if let first = top.keys[text] {
                        duplicates.append(Diagnostic("duplicate key '\(text)' (first given at line \(first.line), column \(first.column)); expected each key once",
                                                     at: node.location))
                    } else {
                        top.keys[text] = node.location
                    }
                }
                top.pendingKey = node
            }
            stack.append(top)
        }

        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw EntenteError.data([syntaxDiagnostic(parser)])
            }
            defer { yaml_event_delete(&event) }
            let here = location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                if !duplicates.isEmpty { throw EntenteError.data(duplicates) }
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw fail("not valid YAML: but found another document (expected a single document in the stream at line 1)", at: here)
                }
            case YAML_SCALAR_EVENT:
                count += 1
                if count > limits.maxNodes { throw fail(tooMany, at: SourceLocation(file: file, line: 1, column: 1)) }
                let scalar = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                var node = YAMLNode(.scalar(value, quoted: quoted), at: here)
                node.tag = name(scalar.tag)
                if let anchor = name(scalar.anchor) { anchors[anchor] = (node, 1) }
                attach(node)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                count += 1
                if count > limits.maxNodes { throw fail(tooMany, at: SourceLocation(file: file, line: 1, column: 1)) }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if stack.count + 1 > limits.maxDepth {
                    throw fail("nesting is deeper than \(limits.maxDepth) levels; expected a flat scenario file", at: here)
                }
                let anchor = isMapping ? name(event.data.mapping_start.anchor) : name(event.data.sequence_start.anchor)
                stack.append(Frame(isMapping: isMapping, location: here, anchor: anchor, startCount: count - 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                let node = YAMLNode(frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items), at: frame.location)
                if let anchor = frame.anchor { anchors[anchor] = (node, count - frame.startCount) }
                attach(node)
            case YAML_ALIAS_EVENT:
                let anchor = name(event.data.alias.anchor) ?? ""
                guard let (node, size) = anchors[anchor] else {
                    throw fail("not valid YAML: found undefined alias '*\(anchor)'; expected an anchor '&\(anchor)' before it", at: here)
                }
                count += size
                if count > limits.maxNodes { throw fail(tooMany, at: SourceLocation(file: file, line: 1, column: 1)) }
                attach(node)
            default:
                break
            }
        }
    }

    /// The message for a libyaml reader, scanner or parser error, at the position libyaml gives.
    /// A tab where indentation is expected gets a message of its own: libyaml's wording does not say what to do.
    private func syntaxDiagnostic(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            let bytes = Array(text.utf8)
            let (line, column) = YAMLDocumentReader.position(ofByte: min(parser.problem_offset, max(0, bytes.count - 1)), in: bytes)
            return Diagnostic("not readable as YAML: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        }
        let at = location(parser.problem_mark)
        if problem.hasPrefix("Maximum nesting level") {
            return Diagnostic("nesting is deeper than \(limits.maxDepth) levels; expected a flat scenario file", at: at)
        }
        if parser.error == YAML_SCANNER_ERROR, problem.contains("tab character") || isTab(atCharacter: parser.problem_mark.index) {
            return Diagnostic("tabs are not allowed for indentation; use spaces", at: at)
        }
        var message = "not valid YAML: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(parser.context_mark.line + 1))"
        }
        return Diagnostic(message, at: at)
    }

    /// True when the `index`-th character (libyaml counts Unicode scalars) is a tab.
    private func isTab(atCharacter index: Int) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        var position = 0
        while let scalar = scalars.next() {
            if position == index { return scalar == "\t" }
            position += 1
        }
        return false
    }
}
