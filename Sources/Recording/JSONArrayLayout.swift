import Foundation

/// A JSON array of objects cut into the exact bytes of each element, so that it can be put
/// back together byte for byte: `head + elements.joined(",") + tail`. Each element keeps the
/// white space around it; `head` ends with `[` and `tail` starts with `]`.
struct JSONArrayLayout: Equatable {
    /// The bytes up to and including `[`.
    var head: Data
    /// Every element with its `ID` (or `Id`) and its bytes (white space around it included).
    var elements: [(id: String, bytes: Data)]
    /// The bytes from `]` on (e.g. `]\n`).
    var tail: Data

    static func == (a: Self, b: Self) -> Bool {
        a.head == b.head && a.tail == b.tail && a.elements.elementsEqual(b.elements) { $0.id == $1.id && $0.bytes == $1.bytes }
    }

    /// The body again.
    var bytes: Data {
        var out = head
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(element.bytes)
        }
        out.append(tail)
        return out
    }

    /// Cuts `body`, or returns nil when it is not a non-empty array of objects that each have a
    /// distinct string `ID` or `Id` (such a body is recorded whole).
    init?(_ body: Data) {
        let bytes = [UInt8](body)
        var i = 0
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return nil }
        head = Data(bytes[0...i])
        var elements: [(id: String, bytes: Data)] = []
        var seen = Set<String>()
        var start = i + 1
        var depth = 0
        var inString = false
        var escaped = false
        var end: Int?
        i += 1
        scan: while i < bytes.count {
            let byte = bytes[i]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"): depth -= 1
                case UInt8(ascii: "]") where depth == 0:
                    end = i
                    break scan
                case UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: ",") where depth == 0:
                    guard let id = Self.id(of: bytes[start..<i]), seen.insert(id).inserted else { return nil }
                    elements.append((id, Data(bytes[start..<i])))
                    start = i + 1
                default: break
                }
            }
            i += 1
        }
        guard let end, let id = Self.id(of: bytes[start..<end]), seen.insert(id).inserted else { return nil }
        elements.append((id, Data(bytes[start..<end])))
        self.elements = elements
        tail = Data(bytes[end...])
        // Only what parses as this layout is cut: anything odd is recorded whole.
        guard self.bytes == body else { return nil }
    }

    init(head: Data, elements: [(id: String, bytes: Data)], tail: Data) {
        self.head = head
        self.elements = elements
        self.tail = tail
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The `ID` or `Id` of one element, an object.
    private static func id(of element: ArraySlice<UInt8>) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(element)) as? [String: Any] else { return nil }
        return (object["ID"] ?? object["Id"]) as? String
    }
}
