import CSimdJSON
import Foundation

/// Decodes Engine API answers into `Decodable` models: simdjson (Debian's libsimdjson) parses
/// the bytes, and a `Decoder` reads only the members a model asks for. The engines' lists are
/// big (a 10,000-task `/tasks` is 19 MB of JSON of which swarmtop reads a tenth); Foundation's
/// `JSONDecoder` spent about 0.4 s on one, mostly turning every key of every object it opened
/// into a string.
///
/// It decodes as `JSONDecoder` with RFC 3339 dates does: unknown members are ignored, a
/// missing or `null` member is nil for an optional, numbers convert when exact, `Date` reads
/// an RFC 3339 string (`DockerJSON.parseTime`).
enum EngineJSONDecoder {
    /// - Throws: `DecodingError.dataCorrupted` when the bytes are not JSON; the other
    ///   `DecodingError`s when the JSON does not fit `T` (with the coding path).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        var root = sj_value()
        var message: UnsafePointer<CChar>?
        let document = data.withUnsafeBytes { bytes in
            sj_parse(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &root, &message)
        }
        guard let document else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription:
                "not JSON: " + (message.map { String(cString: $0) } ?? "unknown error")))
        }
        defer { sj_document_free(document) }
        return try JSONValue(root).decode(type, path: [])
    }
}

/// The `Decoder` of one value.
struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard value.kind == UInt8(ascii: "{") else { throw value.mismatch([String: Any].self, path: codingPath) }
        return KeyedDecodingContainer(KeyedContainer<Key>(object: value, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let elements = value.elements() else { throw value.mismatch([Any].self, path: codingPath) }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath)
    }
}

/// The single value of a `ValueDecoder`.
struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if value.isNull {
            throw JSONValue.null(type, path: codingPath)
        }
        return try value.decode(type, path: codingPath)
    }
}
