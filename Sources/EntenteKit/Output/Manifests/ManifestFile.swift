import Foundation

/// One kind of manifest.json (run, compare, sweep, validate, attribute, landscape, …): a `Codable`
/// struct holding a ``ManifestHeader`` and the command's own fields. This is the one definition each
/// manifest is written and read with.
///
/// The bytes are those `JSONEncoder` writes with sorted keys, pretty-printed, slashes unescaped, plus a
/// final newline; a `nil` that the file records as `null` is a ``NullWhenAbsent`` field.
public protocol ManifestFile: Codable {
    /// The fields common to every manifest.
    var header: ManifestHeader { get set }
    /// The bytes of manifest.json (default: ``ManifestJSON/encode(_:)``).
    func encoded() throws -> [UInt8]
}

extension ManifestFile {
    /// The JSON bytes of manifest.json.
    public func encoded() throws -> [UInt8] {
        try ManifestJSON.encode(self)
    }

    /// Reads `folder/manifest.json`; nil when it is missing or is not this kind of manifest.
    public static func decoded(folder: String) -> Self? {
        guard let data = FileManager.default.contents(atPath: folder + "/manifest.json") else { return nil }
        return try? JSONDecoder().decode(Self.self, from: data)
    }
}

/// How manifests are turned into bytes (shared by every ``ManifestFile``).
public enum ManifestJSON {
    /// Sorted keys, pretty-printed, `/` unescaped, ending in a newline.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value)) + [10]
    }
}

/// An optional manifest field written as `null` when absent (a plain optional is left out), and read
/// back as nil when it is `null` or missing.
@propertyWrapper
public struct NullWhenAbsent<Value: Codable & Sendable>: Codable, Sendable {
    /// The value, nil for `null`.
    public var wrappedValue: Value?

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension NullWhenAbsent: Equatable where Value: Equatable {}

extension KeyedDecodingContainer {
    /// A missing ``NullWhenAbsent`` field reads as nil.
    public func decode<Value>(_ type: NullWhenAbsent<Value>.Type, forKey key: Key) throws -> NullWhenAbsent<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullWhenAbsent(wrappedValue: nil)
    }
}
