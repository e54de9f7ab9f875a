import EntenteCore

/// How an event type is read from a scenario file: the EntenteKit half of an event type, next to
/// its effect in EntenteCore (`ArmsTransfer.swift` there, `ArmsTransfer+Decoding.swift` here).
public protocol EventDecoding: EventEffect {
    /// The keys this type accepts besides the common ones (`id`, `at`, `step`, `type`, `tags`, `note`).
    static var fieldNames: [String] { get }
    /// The keys this type requires.
    static var requiredFields: [String] { get }
    /// Reads the type's fields; records diagnostics and returns nil when they are wrong.
    static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Self?
}
