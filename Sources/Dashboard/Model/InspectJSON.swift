import Foundation

/// A JSON document as inspect (`i`) reads it: any answer of the engine, kept whole, read by
/// key where a section needs a member (no `Decodable` model: inspect shows what the engine
/// said, members swarmtop does not know included, in the raw view).
public indirect enum InspectJSON: Sendable, Hashable, Decodable {
    /// `null`, and what a missing member reads as.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integral number that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array, in order.
    case array([InspectJSON])
    /// An object, by key (the engine's order is kept only in the raw view, `InspectRawJSON`).
    case object([String: InspectJSON])

    /// Decodes any JSON value: a bool before a number (the decoder refuses a number as a bool),
    /// an integer before another number.
    /// - Throws: `DecodingError` when the value is not JSON.
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null }
        else if let bool = try? value.decode(Bool.self) { self = .bool(bool) }
        else if let integer = try? value.decode(Int64.self) { self = .integer(integer) }
        else if let number = try? value.decode(Double.self) { self = .number(number) }
        else if let string = try? value.decode(String.self) { self = .string(string) }
        else if let array = try? value.decode([InspectJSON].self) { self = .array(array) }
        else { self = .object(try value.decode([String: InspectJSON].self)) }
    }

    /// Parses an engine's answer.
    /// - Throws: `DecodingError` when `data` is not JSON.
    public static func parse(_ data: Data) throws -> InspectJSON {
        try JSONDecoder().decode(InspectJSON.self, from: data)
    }

    /// The member `key` of an object; `.null` for a missing one or another kind of value.
    public subscript(_ key: String) -> InspectJSON {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    /// The members of `path`, one key after another: `json["Spec", "TaskTemplate"]`.
    public subscript(_ first: String, _ rest: String...) -> InspectJSON {
        rest.reduce(self[first]) { $0[$1] }
    }

    /// A string's value; nil for other values.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A string's value, or a number or bool as the docker CLI prints it; nil for null, arrays, objects.
    public var text: String? {
        switch self {
        case .string(let s): s
        case .integer(let n): String(n)
        case .number(let d): InspectFormat.float(d)
        case .bool(let b): String(b)
        default: nil
        }
    }

    /// An integral number; nil for other values.
    public var integer: Int64? {
        switch self {
        case .integer(let n): n
        case .number(let d): Int64(exactly: d)
        default: nil
        }
    }

    /// A bool's value; nil for other values.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// An array's elements; empty for other values.
    public var elements: [InspectJSON] {
        if case .array(let a) = self { return a }
        return []
    }

    /// An object's members; empty for other values.
    public var members: [String: InspectJSON] {
        if case .object(let m) = self { return m }
        return [:]
    }

    /// An array of strings (`Args`, `Env`, `Constraints`); strings only, empty for other values.
    public var strings: [String] { elements.compactMap(\.string) }

    /// An object of strings (labels) as `key=value` lines sorted by key, as the docker CLI's
    /// templates range over a map; a value that is not a string is left out.
    public var labelLines: [String] {
        members.sorted { $0.key < $1.key }.compactMap { key, value in value.string.map { $0.isEmpty ? key : "\(key)=\($0)" } }
    }

    /// True for `null` (and so for a member that is missing).
    public var isNull: Bool { self == .null }
}

/// The raw view of inspect (`J`): an answer pretty-printed as `docker inspect` does, members in
/// the engine's order, two spaces an indent level, every value as the engine wrote it.
public enum InspectRawJSON {
    /// `data` (an engine's JSON answer) re-indented, one line a member or element (`{}` and `[]`
    /// kept on one line). Lines are not escaped.
    public static func lines(_ data: Data) -> [String] {
        let bytes = [UInt8](data)
        var lines: [String] = []
        var line: [UInt8] = []
        var depth = 0
        var inString = false, escaping = false
        func newLine() {
            lines.append(String(decoding: line, as: UTF8.self))
            line = Array(repeating: UInt8(ascii: " "), count: 2 * depth)
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            defer { i += 1 }
            if inString {
                line.append(b)
                if escaping { escaping = false } else if b == UInt8(ascii: "\\") { escaping = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "\""):
                inString = true
                line.append(b)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                line.append(b)
                let close = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if let next = bytes[(i + 1)...].firstIndex(where: { !isSpace($0) }), bytes[next] == close {
                    line.append(close)
                    i = next
                } else {
                    depth += 1
                    newLine()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
                newLine()
                line.append(b)
            case UInt8(ascii: ","):
                line.append(b)
                newLine()
            case UInt8(ascii: ":"):
                line += [b, UInt8(ascii: " ")]
            default:
                line.append(b)
            }
        }
        if !line.allSatisfy(isSpace) { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\t")
    }
}
