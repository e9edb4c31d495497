import Foundation

/// JSON decoding as the Engine API needs it: RFC 3339 times with up to nanosecond fractions.
public enum DockerJSON {
    /// A decoder whose dates accept `2026-11-29T11:10:35.123456789Z` and `+01:00` offsets.
    /// Docker's zero time `0001-01-01T00:00:00Z` decodes as `Date.distantPast`.
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let s = try c.decode(String.self)
            guard let date = parseTime(s) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an RFC 3339 time: \(s)")
            }
            return date
        }
        return d
    }

    /// Parses an RFC 3339 time with any number of fraction digits; nil when malformed.
    public static func parseTime(_ s: String) -> Date? {
        // Split off the fraction, which ISO8601DateFormatter does not take beyond milliseconds.
        var main = Substring(s)
        var fraction = 0.0
        if let dot = s.firstIndex(of: ".") {
            let afterDot = s[s.index(after: dot)...]
            let digits = afterDot.prefix { $0.isASCII && $0.isNumber }
            fraction = Double("0." + digits) ?? 0
            main = s[..<dot] + afterDot.dropFirst(digits.count)
        }
        if main.hasPrefix("0001-01-01T00:00:00") { return .distantPast }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        guard let base = f.date(from: String(main)) else { return nil }
        return base.addingTimeInterval(fraction)
    }

    /// Decodes `T` from an engine's body, wrapping failures in `DockerError.malformedResponse`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws -> T {
        do {
            return try decoder().decode(type, from: data)
        } catch {
            throw DockerError.malformedResponse(path: path, reason: String(describing: error).prefix(300).description)
        }
    }
}
