/// Turns the frames of a log stream into `LogLine`s: splits off the timestamp (and the details),
/// drops the newline, joins the parts of a message the engine cut (it sends a message longer
/// than 16 KiB as frames without a newline, each with its own timestamp), and bounds a line's
/// length. Pure; one per stream.
public struct LogLineAssembler: Sendable {
    /// True when the stream was asked `details=1` (services and tasks): a details field follows the timestamp.
    public let details: Bool
    /// The longest message kept, in bytes; the rest is counted in `LogLine.cutBytes`.
    public let maxLineBytes: Int
    /// Each stream's message begun in a frame without a newline: its line and bytes so far.
    private var partial: [LogLine.Stream: (line: LogLine, bytes: [UInt8])] = [:]

    /// - Parameters:
    ///   - details: whether the request asked `details=1`.
    ///   - maxLineBytes: the longest message kept, in bytes (10,000 by default).
    public init(details: Bool, maxLineBytes: Int = 10_000) {
        self.details = details
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// Adds a frame.
    /// - Returns: the line it completes; nil while the message continues in a later frame.
    public mutating func add(_ frame: LogFrame) -> LogLine? {
        let (timestamp, detailField, body) = split(frame.payload[...])
        var text = body
        let complete = text.last == UInt8(ascii: "\n") || frame.cutBytes > 0
        if text.last == UInt8(ascii: "\n") { text = text.dropLast() }
        if complete, text.last == UInt8(ascii: "\r") { text = text.dropLast() }
        var (line, bytes) = partial.removeValue(forKey: frame.stream)
            ?? (LogLine(stream: frame.stream, timestamp: timestamp, details: detailField, message: ""), [])
        let room = max(0, maxLineBytes - bytes.count)
        bytes += text.prefix(room)
        line.cutBytes += max(0, text.count - room) + frame.cutBytes
        guard complete else {
            partial[frame.stream] = (line, bytes)
            return nil
        }
        line.message = String(decoding: bytes, as: UTF8.self)
        return line
    }

    /// Ends the stream.
    /// - Returns: the messages still waiting for their end, as lines.
    public mutating func finish() -> [LogLine] {
        defer { partial = [:] }
        return partial.values.sorted { $0.line.stream.rawValue < $1.line.stream.rawValue }.map { line, bytes in
            var line = line
            line.message = String(decoding: bytes, as: UTF8.self)
            return line
        }
    }

    /// `<timestamp> [<details> ]<message>`: the fields up to the first (second) space, and the rest.
    private func split(_ payload: ArraySlice<UInt8>) -> (String, String, ArraySlice<UInt8>) {
        var rest = payload
        let timestamp = field(&rest)
        let detailField = details ? field(&rest) : ""
        return (timestamp, detailField, rest)
    }

    /// The bytes up to the first space, as text, removed from `rest` with the space.
    private func field(_ rest: inout ArraySlice<UInt8>) -> String {
        guard let space = rest.firstIndex(of: UInt8(ascii: " ")) else { return "" }
        defer { rest = rest[(space + 1)...] }
        return String(decoding: rest[..<space], as: UTF8.self)
    }
}
