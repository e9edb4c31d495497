import Foundation

/// JSON that leaves the process (`swarmtop snapshot --format json`, the action log): what
/// `JSONEncoder` writes, with C1 controls, DEL, the line separators and invisible characters
/// (`DisplayText.isUnprintable`: zero-width, bidi overrides, fillers, tags) written as `\u`
/// escapes, which `JSONEncoder` leaves raw. A `\u009b` or `\u202e` in a
/// name then cannot act on the terminal that shows the file or reorder what it shows; a JSON
/// reader decodes the same text.
public enum JSONText {
    /// `value` encoded by `encoder`, then escaped.
    /// - Throws: what `encoder.encode` throws (`EncodingError`).
    public static func encode(_ value: some Encodable, with encoder: JSONEncoder) throws -> Data {
        escaped(try encoder.encode(value))
    }

    /// UTF-8 JSON text with those characters as `\u` escapes (UTF-16 surrogate pairs above
    /// U+FFFF). Such characters can only stand inside strings, where the escape means the same.
    public static func escaped(_ json: Data) -> Data {
        let text = String(decoding: json, as: UTF8.self)
        guard text.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.unicodeScalars.append(scalar); continue }
            for unit in String(scalar).utf16 { out += "\\u" + String(format: "%04x", unit) }
        }
        return Data(out.utf8)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x7F && DisplayText.isUnprintable(scalar)
    }
}
