import EntenteCore

/// How an outcome type is read from a scenario file: the EntenteKit half of an outcome type, next to
/// its measure in EntenteCore.
public protocol OutcomeDecoding: OutcomeMeasure {
    /// Keys accepted besides `name` and `type`.
    static var fieldNames: [String] { get }
    /// Keys required.
    static var requiredFields: [String] { get }
    /// Reads the fields; records diagnostics and returns nil when they are wrong.
    static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Self?
}
