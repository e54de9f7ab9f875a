/// What a decoder knows while reading one file: the problems found so far and the ids declared.
///
/// Decoding never stops at the first problem: each reader records a ``Diagnostic``
/// and returns nil, and the loader reports them all at once.
public struct DecodeContext: Sendable {
    /// Problems found so far, in file order of discovery.
    public internal(set) var diagnostics: [Diagnostic] = []
    /// State id → index, in declaration order.
    public internal(set) var stateIndex: [String: Int] = [:]
    /// Bloc id → index, in declaration order.
    public internal(set) var blocIndex: [String: Int] = [:]
    /// Armed groups (`kind: group`) by state index, with their `salience_scale`.
    public internal(set) var salienceScales: [Int: Double] = [:]
    /// Each bloc's lifetime in steps: founded (nil: from the start) and dissolved (nil: never within the calendar).
    public internal(set) var blocLifetimes: [(from: Int?, until: Int?)] = []
    /// Members listed under each bloc's `members`, by bloc index (for outcomes that need the start).
    public internal(set) var blocMembers: [[Int]] = []
    /// Event id → index in the events list.
    public internal(set) var eventIndex: [String: Int] = [:]
    /// Event id → type name, for references that need a particular type.
    public internal(set) var eventTypes: [String: String] = [:]
    /// Diplomatic kinds declared under `kinds:` → their delta at intensity 1.
    public internal(set) var declaredKinds: [String: Double] = [:]
    /// Every tag some event carries, so a variant removing a tag no event has is refused.
    public internal(set) var eventTags: Set<String> = []
    /// The calendar, once decoded; date checks are skipped without one.
    public internal(set) var calendar: SimulationCalendar?
    /// Locations of values set by `--set` or a variant: a date there past the calendar's end means "never".
    public internal(set) var overrideLocations: Set<SourceLocation> = []

    /// Records a problem.
    public mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(message, at: location))
    }

    /// A state's index, or a diagnostic naming what was expected.
    public mutating func state(_ node: YAMLNode, field: String) -> Int? {
        guard let id = identifier(node, field: field) else { return nil }
        if let index = stateIndex[id] { return index }
        error("'\(field)' names unknown state '\(id)'; expected one of the ids under `states`\(DidYouMean.hint(for: id, among: stateIndex.keys.sorted()))",
              at: node.location)
        return nil
    }

    /// True when state `index` is an armed group (`kind: group`).
    public func isGroup(_ index: Int) -> Bool { salienceScales[index] != nil }

    /// A bloc's index, or a diagnostic naming what was expected.
    public mutating func bloc(_ node: YAMLNode, field: String) -> Int? {
        guard let id = identifier(node, field: field) else { return nil }
        if let index = blocIndex[id] { return index }
        error("'\(field)' names unknown bloc '\(id)'; expected one of the ids under `blocs`\(DidYouMean.hint(for: id, among: blocIndex.keys.sorted()))",
              at: node.location)
        return nil
    }

    /// An id: a scalar of letters, digits, `_` and `-`.
    public mutating func identifier(_ node: YAMLNode, field: String) -> String? {
        guard let text = node.scalarText, !node.isNull else {
            error("'\(field)' must be an id; expected a name such as ARM, found \(node.foundDescription)", at: node.location)
            return nil
        }
        let allowed = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        guard allowed, !text.isEmpty, text.count <= 64 else {
            error("'\(field)' must be an id of ASCII letters, digits, '_' or '-' (at most 64); found \(node.foundDescription)", at: node.location)
            return nil
        }
        return text
    }

    /// Free text (names, notes).
    public mutating func text(_ node: YAMLNode, field: String) -> String? {
        guard let text = node.scalarText else {
            error("'\(field)' must be text; found \(node.foundDescription)", at: node.location)
            return nil
        }
        return text
    }

    /// A finite number within `range`.
    public mutating func number(_ node: YAMLNode, field: String, range: ClosedRange<Double>? = nil) -> Double? {
        guard case .scalar(let text, _) = node.kind, !node.isNull else {
            error("'\(field)' must be a number; found \(node.foundDescription)", at: node.location)
            return nil
        }
        guard Self.textReason(node) == nil, let value = Self.parseNumber(text) else {
            error("'\(field)' must be a number; found the text \(node.foundDescription)\(Self.textReason(node) ?? "")", at: node.location)
            return nil
        }
        guard value.isFinite else {
            error("'\(field)' must be a finite number; found \(node.foundDescription)", at: node.location)
            return nil
        }
        if let range, !range.contains(value) {
            error("'\(field)' must be between \(NumberText.plain(range.lowerBound)) and \(NumberText.plain(range.upperBound)); found \(NumberText.plain(value))", at: node.location)
            return nil
        }
        return value
    }

    /// An integer within `range`.
    public mutating func integer(_ node: YAMLNode, field: String, range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let text, _) = node.kind, !node.isNull else {
            error("'\(field)' must be a whole number; found \(node.foundDescription)", at: node.location)
            return nil
        }
        let digits = Self.textReason(node) == nil ? Self.removingDigitSeparators(text) : nil
        guard let digits, let value = Int(digits) else {
            // Digits too many for Int are a whole number out of range, not "not a whole number".
            let unsigned = digits.map { $0.first == "-" || $0.first == "+" ? $0.dropFirst() : Substring($0) } ?? ""
            if let digits, !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && $0.isNumber }) {
                error("'\(field)' must be between \(range.lowerBound) and \(range.upperBound); found \(digits)", at: node.location)
            } else {
                error("'\(field)' must be a whole number; found the text \(node.foundDescription)\(Self.textReason(node) ?? "")", at: node.location)
            }
            return nil
        }
        guard range.contains(value) else {
            error("'\(field)' must be between \(range.lowerBound) and \(range.upperBound); found \(value)", at: node.location)
            return nil
        }
        return value
    }

    /// Why a scalar that may look like a number is text: quotes, or a tag other than `!!int`/`!!float`; nil otherwise.
    static func textReason(_ node: YAMLNode) -> String? {
        if case .scalar(_, true) = node.kind { return " (quoted, so it is text; write a number without quotes)" }
        guard let tag = node.tag, tag != "tag:yaml.org,2002:int", tag != "tag:yaml.org,2002:float" else { return nil }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        return " (the tag \(shown) makes it text; remove the tag)"
    }

    /// `true` or `false` (also yes/no, on/off).
    public mutating func boolean(_ node: YAMLNode, field: String) -> Bool? {
        switch node.scalarText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("'\(field)' must be true or false; found \(node.foundDescription)", at: node.location)
            return nil
        }
    }

    /// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that names a real month and day.
    public mutating func date(_ node: YAMLNode, field: String) -> CalendarDate? {
        guard let text = node.scalarText, let fields = CalendarDate.fields(of: text) else {
            error("'\(field)' must be a date YYYY, YYYY-MM or YYYY-MM-DD; found \(node.foundDescription)", at: node.location)
            return nil
        }
        if let problem = CalendarDate.problem(year: fields.year, month: fields.month, day: fields.day) {
            error("'\(field)' date \(text) does not exist: \(problem)", at: node.location)
            return nil
        }
        return CalendarDate(parsing: text)
    }

    /// The step of a date inside the calendar.
    public mutating func step(_ node: YAMLNode, field: String) -> Int? {
        guard let date = date(node, field: field) else { return nil }
        guard let calendar else { return nil }
        if overrideLocations.contains(node.location), calendar.stepOrBeyond(date) >= calendar.stepCount {
            return calendar.stepCount  // moved past the end by a variant or --set: never happens within the horizon
        }
        guard let step = calendar.step(containing: date) else {
            error("'\(field)' date \(node.scalarText ?? "") falls outside the calendar; expected a date from \(calendar.start) to \(calendar.end)", at: node.location)
            return nil
        }
        return step
    }

    /// A step for an optional bound such as `by:` or `at:` of an outcome: a date, which may lie after the end.
    /// `inclusive` bounds (`by:`) take the last day of the period written (`by: 2023` counts all of 2023).
    public mutating func boundStep(_ node: YAMLNode, field: String, inclusive: Bool = false) -> Int? {
        guard let date = date(node, field: field), let calendar else { return nil }
        let step = calendar.stepOrBeyond(inclusive ? date.lastDay : date)
        guard step >= 0 else {
            error("'\(field)' date \(node.scalarText ?? "") is before the calendar starts (\(calendar.start))", at: node.location)
            return nil
        }
        return step
    }

    /// A list of scalars decoded by `element`.
    public mutating func list<T>(_ node: YAMLNode, field: String, element: (inout DecodeContext, YAMLNode) -> T?) -> [T]? {
        guard let items = node.items else {
            error("'\(field)' must be a list such as [A, B]; found \(node.foundDescription)", at: node.location)
            return nil
        }
        var result: [T] = []
        var ok = true
        for item in items {
            if let value = element(&self, item) { result.append(value) } else { ok = false }
        }
        return ok ? result : nil
    }

    /// Parses a YAML number as written by people (`1e-3`, `0.5`, `.5`, `-2`, `1_000`).
    /// An underscore must stand between two digits: `_1000` and `1000_` are text, not numbers.
    public static func parseNumber(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        guard let cleaned = removingDigitSeparators(text), let first = cleaned.unicodeScalars.first,
              first == "-" || first == "+" || first == "." || ("0"..."9").contains(first),
              !cleaned.lowercased().hasPrefix("0x"), !cleaned.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" })
        else { return nil }
        return Double(cleaned)
    }

    /// `text` without its digit-group underscores (`1_000` → `1000`); nil when an underscore is not between two digits.
    static func removingDigitSeparators(_ text: String) -> String? {
        guard text.contains("_") else { return text }
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "_" {
            guard index > 0, index + 1 < characters.count,
                  characters[index - 1].isASCII, characters[index - 1].isNumber,
                  characters[index + 1].isASCII, characters[index + 1].isNumber else { return nil }
        }
        return text.replacingOccurrences(of: "_", with: "")
    }
}
