import Foundation

/// JSON decoding as the Engine API needs it: RFC 3339 times with up to nanosecond fractions.
public enum DockerJSON {
    /// Parses an RFC 3339 time with any number of fraction digits (Foundation's
    /// `Date.ISO8601FormatStyle`, about 1 µs a date); nil when malformed.
    public static func parseTime(_ s: String) -> Date? {
        if s.hasPrefix("0001-01-01T00:00:00") { return .distantPast }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(s)
    }

    /// Decodes `T` from an engine's body (`EngineJSONDecoder`: simdjson, RFC 3339 dates),
    /// wrapping failures in `DockerError.malformedResponse`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws -> T {
        do {
            return try EngineJSONDecoder.decode(type, from: data)
        } catch {
            throw DockerError.malformedResponse(path: path, reason: String(describing: error).prefix(300).description)
        }
    }
}
