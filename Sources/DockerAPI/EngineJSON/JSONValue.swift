import CSimdJSON
import Foundation

/// One value of a parsed document, read as the `Decodable` types ask.
struct JSONValue {
    let raw: sj_value
    /// The answer's strings (`StringPool`): every string read from this value is taken from it.
    let strings: StringPool
    init(_ raw: sj_value, strings: StringPool) {
        self.raw = raw
        self.strings = strings
    }

    var kind: UInt8 { UInt8(bitPattern: sj_kind(raw)) }
    var isNull: Bool { kind == UInt8(ascii: "n") }

    /// The kind as a word, for error messages.
    var kindName: String {
        switch kind {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"): "a bool"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }

    func string() -> String? {
        var bytes: UnsafePointer<CChar>?
        var length = 0
        guard sj_string(raw, &bytes, &length), let bytes else { return nil }
        return strings.string(UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// An integer type from an integral number (or a double that is one exactly).
    func integer<I: FixedWidthInteger>(_ type: I.Type) -> I? {
        var signed: Int64 = 0, unsigned: UInt64 = 0, double = 0.0
        if sj_int64(raw, &signed) { return I(exactly: signed) }
        if sj_uint64(raw, &unsigned) { return I(exactly: unsigned) }
        if kind == UInt8(ascii: "d"), sj_double(raw, &double) { return I(exactly: double) }
        return nil
    }

    func double() -> Double? {
        var value = 0.0
        return sj_double(raw, &value) ? value : nil
    }

    func bool() -> Bool? {
        var value = false
        return sj_bool(raw, &value) ? value : nil
    }

    /// The members of an object, in document order; nil for other values.
    func members() -> [sj_member]? {
        guard kind == UInt8(ascii: "{") else { return nil }
        let count = sj_count(raw)
        return [sj_member](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = sj_members(raw, buffer.baseAddress, count)
        }
    }

    /// The elements of an array; nil for other values.
    func elements() -> [JSONValue]? {
        guard kind == UInt8(ascii: "[") else { return nil }
        let count = sj_count(raw)
        let raws = [sj_value](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = sj_elements(raw, buffer.baseAddress, count)
        }
        return raws.map { JSONValue($0, strings: strings) }
    }

    /// The member named `key` of an object.
    func member(_ key: String) -> JSONValue? {
        var key = key
        var out = sj_value()
        let found = key.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { sj_find(raw, $0.baseAddress, $0.count, &out) }
        }
        return found ? JSONValue(out, strings: strings) : nil
    }

    /// Decodes `T`: dates, labels and scalars directly, other types through a `Decoder` of
    /// this value.
    /// - Throws: `DecodingError.typeMismatch` (with `path`) when the value is of another kind.
    func decode<T: Decodable>(_ type: T.Type, path: [any CodingKey]) throws -> T {
        // `unsafeBitCast` where T is known to be the decoded type: `as! T` would go through
        // the runtime's dynamic cast, which walks a whole dictionary to cast it to itself.
        if T.self == Date.self {
            guard let text = string() else { throw mismatch(type, path: path) }
            guard let date = DockerJSON.parseTime(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "not an RFC 3339 time: \(text)"))
            }
            return unsafeBitCast(date, to: T.self)
        }
        if T.self == [String: String].self {
            return unsafeBitCast(try labels(path: path), to: T.self)
        }
        if let scalar = T.self as? any JSONScalar.Type {
            return try read(scalar, as: type, path: path)
        }
        return try T(from: ValueDecoder(value: self, codingPath: path))
    }

    /// Reads the scalar type `S`, which is `T`.
    private func read<S: JSONScalar, T>(_ scalar: S.Type, as type: T.Type, path: [any CodingKey]) throws -> T {
        guard let value = S.read(self) else { throw mismatch(type, path: path) }
        return unsafeBitCast(value, to: T.self)
    }

    /// An object of strings (labels, options) read in one pass.
    private func labels(path: [any CodingKey]) throws -> [String: String] {
        guard let members = members() else { throw mismatch([String: String].self, path: path) }
        var labels: [String: String] = [:]
        labels.reserveCapacity(members.count)
        for member in members {
            let key = strings.string(UnsafeRawBufferPointer(start: member.key, count: member.key_length))
            let memberValue = JSONValue(member.value, strings: strings)
            guard let value = memberValue.string() else {
                throw memberValue.mismatch(String.self, path: path + [AnyKey(stringValue: key)])
            }
            labels[key] = value
        }
        return labels
    }

    /// The error of a `null` where `type` was wanted.
    static func null(_ type: Any.Type, path: [any CodingKey]) -> DecodingError {
        .valueNotFound(type, .init(codingPath: path, debugDescription: "Found null instead of \(type)."))
    }

    func mismatch(_ type: Any.Type, path: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(kindName) instead."))
    }
}

extension sj_member {
    /// The member's key.
    var name: String { String(decoding: UnsafeRawBufferPointer(start: key, count: key_length), as: UTF8.self) }
}

/// The types read straight from a JSON scalar.
protocol JSONScalar: Decodable {
    static func read(_ value: JSONValue) -> Self?
}

extension String: JSONScalar { static func read(_ value: JSONValue) -> String? { value.string() } }
extension Bool: JSONScalar { static func read(_ value: JSONValue) -> Bool? { value.bool() } }
extension Double: JSONScalar { static func read(_ value: JSONValue) -> Double? { value.double() } }
extension Float: JSONScalar { static func read(_ value: JSONValue) -> Float? { value.double().map(Float.init) } }
extension Int: JSONScalar {}
extension Int8: JSONScalar {}
extension Int16: JSONScalar {}
extension Int32: JSONScalar {}
extension Int64: JSONScalar {}
extension UInt: JSONScalar {}
extension UInt8: JSONScalar {}
extension UInt16: JSONScalar {}
extension UInt32: JSONScalar {}
extension UInt64: JSONScalar {}

extension JSONScalar where Self: FixedWidthInteger {
    static func read(_ value: JSONValue) -> Self? { value.integer(Self.self) }
}
