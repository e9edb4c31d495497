import Foundation

/// JSON decoding as the Engine API needs it: RFC 3339 times with up to nanosecond fractions.
public enum DockerJSON {
    /// A decoder whose dates accept `2026-11-29T11:10:35.123456789Z`, no fraction, and `+01:00` offsets.
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

    /// Parses an RFC 3339 time with any number of fraction digits (Foundation's
    /// `Date.ISO8601FormatStyle`, about 1 µs a date); nil when malformed.
    public static func parseTime(_ s: String) -> Date? {
        if s.hasPrefix("0001-01-01T00:00:00") { return .distantPast }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(s)
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
