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
    /// An array that is an array in the JSON too is decoded an element at a time (`ElementwiseDecodable`).
    /// - Throws: `DecodingError.dataCorrupted` when the bytes are not JSON; the other
    ///   `DecodingError`s when the JSON does not fit `T` (with the coding path).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { bytes in
            if let array = T.self as? any ElementwiseDecodable.Type,
               bytes.first(where: { !" \t\n\r".utf8.contains($0) }) == UInt8(ascii: "[") {
                // `unsafeBitCast`: `A` is `T` (see `JSONValue.decode` on dynamic casts).
                func elements<A: ElementwiseDecodable>(_: A.Type) throws -> T { unsafeBitCast(try A.decodeElements(bytes), to: T.self) }
                return try elements(array)
            }
            return try parse(bytes, strings: StringPool()) { try $0.decode(type, path: []) }
        }
    }

    /// Parses `bytes` as one JSON document and reads its root with `read` while it lives, its
    /// strings taken from `strings`.
    /// - Throws: `DecodingError.dataCorrupted` when the bytes are not JSON; what `read` throws.
    static func parse<R>(_ bytes: UnsafeRawBufferPointer, strings: StringPool, read: (JSONValue) throws -> R) throws -> R {
        var root = sj_value()
        var message: UnsafePointer<CChar>?
        guard let document = sj_parse(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &root, &message) else {
            throw notJSON(message)
        }
        defer { sj_document_free(document) }
        return try read(JSONValue(root, strings: strings))
    }

    static func notJSON(_ message: UnsafePointer<CChar>?) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "not JSON: " + (message.map { String(cString: $0) } ?? "unknown error")))
    }
}

/// A JSON array decoded an element at a time: `sj_array_next` finds each element's bytes and
/// each is parsed alone, so the parser's buffers (about 15 bytes per byte parsed) follow the
/// biggest element, a few kB, instead of the whole answer (a 19 MB `/tasks` of 10,000 tasks
/// needed some 290 MB, kept between answers).
protocol ElementwiseDecodable {
    /// - Throws: as `EngineJSONDecoder.decode`; an element's errors carry its index.
    static func decodeElements(_ bytes: UnsafeRawBufferPointer) throws -> Self
}

extension Array: ElementwiseDecodable where Element: Decodable {
    static func decodeElements(_ bytes: UnsafeRawBufferPointer) throws -> [Element] {
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var elements: [Element] = []
        var offset = 0, start = 0, end = 0
        var message: UnsafePointer<CChar>?
        let strings = StringPool()
        while true {
            switch sj_array_next(base, bytes.count, &offset, &start, &end, &message) {
            case 1:
                let path = [AnyKey(intValue: elements.count)]
                elements.append(try EngineJSONDecoder.parse(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), strings: strings) { value in
                    if value.isNull { throw JSONValue.null(Element.self, path: path) }
                    return try value.decode(Element.self, path: path)
                })
            case 0: return elements
            default: throw EngineJSONDecoder.notJSON(message)
            }
        }
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
