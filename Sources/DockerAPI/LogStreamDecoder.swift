/// Splits the bytes of a log stream (`GET /containers|services|tasks/{id}/logs`) into frames,
/// whatever the chunk boundaries: pure, fed chunk by chunk.
///
/// A container without a TTY answers *multiplexed*: each frame is an 8-byte header (stream type
/// byte, 0 stdin, 1 stdout, 2 stderr; three zero bytes; the payload length, big-endian UInt32)
/// and then the payload, one log message. A container with a TTY answers *raw* bytes, stdout
/// only, lines ending in `\r\n`. The framing is told from the first byte: swarmtop always asks
/// `timestamps=1`, so a raw stream starts with a timestamp's digit and a multiplexed one with a
/// stream type byte (0, 1 or 2).
public struct LogStreamDecoder: Sendable {
    /// How the engine frames the stream.
    public enum Framing: Sendable, Equatable {
        /// 8-byte headers (a container without a TTY; services and tasks).
        case multiplexed
        /// Raw bytes, one line per frame (a container with a TTY).
        case raw
    }

    /// The longest payload kept, in bytes; the rest of a longer frame (or raw line) is skipped
    /// and counted in `LogFrame.cutBytes`, so a hostile length cannot make the decoder buffer
    /// gigabytes. The engine itself cuts log messages at 16 KiB.
    public let maxPayload: Int
    /// The framing, once the first byte has told it (or as given).
    public private(set) var framing: Framing?

    private var header: [UInt8] = []
    private var stream = LogLine.Stream.stdout
    /// Payload bytes still expected for the current multiplexed frame; nil while reading a header.
    private var remaining: Int?
    private var payload: [UInt8] = []
    private var cut = 0

    /// - Parameters:
    ///   - framing: the framing when known (e.g. from `Config.Tty`); nil to tell it from the first byte.
    ///   - maxPayload: the longest payload kept, in bytes.
    public init(framing: Framing? = nil, maxPayload: Int = 1 << 20) {
        self.framing = framing
        self.maxPayload = max(1, maxPayload)
    }

    /// Feeds the next chunk of the body.
    /// - Returns: the frames it completes, in order (none while a frame is still incomplete).
    public mutating func feed<C: Collection>(_ bytes: C) -> [LogFrame] where C.Element == UInt8 {
        let chunk = Array(bytes)
        guard let first = chunk.first else { return [] }
        if framing == nil { framing = first <= 2 ? .multiplexed : .raw }
        var frames: [LogFrame] = []
        var i = 0
        while i < chunk.count {
            i = framing == .raw ? splitLine(chunk, from: i, into: &frames) : demultiplex(chunk, from: i, into: &frames)
        }
        return frames
    }

    /// Ends the stream.
    /// - Returns: a raw stream's last line when it had no newline; nothing for a multiplexed
    ///   stream (a truncated frame is dropped: its length was not received).
    public mutating func finish() -> [LogFrame] {
        defer { (payload, cut, header, remaining) = ([], 0, [], nil) }
        guard framing == .raw, !payload.isEmpty || cut > 0 else { return [] }
        return [LogFrame(stream: .stdout, payload: payload, cutBytes: cut)]
    }

    /// Reads header bytes, or as much of the current payload as `chunk` holds from `i`.
    /// - Returns: the index of the first byte not read.
    private mutating func demultiplex(_ chunk: [UInt8], from i: Int, into frames: inout [LogFrame]) -> Int {
        guard let left = remaining else {
            header.append(chunk[i])
            guard header.count == 8 else { return i + 1 }
            stream = LogLine.Stream(rawValue: header[0]) ?? .stdout
            let length = header[4...7].reduce(0) { $0 << 8 | Int($1) }
            header.removeAll(keepingCapacity: true)
            if length == 0 { frames.append(LogFrame(stream: stream, payload: [], cutBytes: 0)) } else { remaining = length }
            return i + 1
        }
        let n = min(left, chunk.count - i)
        keep(chunk[i..<i + n])
        if n == left {
            frames.append(LogFrame(stream: stream, payload: payload, cutBytes: cut))
            (payload, cut, remaining) = ([], 0, nil)
        } else {
            remaining = left - n
        }
        return i + n
    }

    /// Reads raw bytes from `i` up to and including the next newline, which ends a frame.
    /// - Returns: the index of the first byte not read.
    private mutating func splitLine(_ chunk: [UInt8], from i: Int, into frames: inout [LogFrame]) -> Int {
        guard let newline = chunk[i...].firstIndex(of: UInt8(ascii: "\n")) else {
            keep(chunk[i...])
            return chunk.count
        }
        keep(chunk[i...newline])
        if cut > 0 { payload[payload.count - 1] = UInt8(ascii: "\n") }  // a cut line still ends in its newline
        frames.append(LogFrame(stream: .stdout, payload: payload, cutBytes: cut))
        (payload, cut) = ([], 0)
        return newline + 1
    }

    private mutating func keep(_ bytes: ArraySlice<UInt8>) {
        let room = max(0, maxPayload - payload.count)
        payload.append(contentsOf: bytes.prefix(room))
        cut += max(0, bytes.count - room)
    }
}

/// One frame of a log stream: a log message (or a part of one) as the engine sent it.
public struct LogFrame: Sendable, Equatable {
    /// Where the container wrote it.
    public var stream: LogLine.Stream
    /// The bytes kept: with `timestamps=1`, `<RFC 3339 time> [<details> ]<message>`, ending in
    /// `\n` unless the engine cut a long message into parts.
    public var payload: [UInt8]
    /// Bytes skipped past `LogStreamDecoder.maxPayload`.
    public var cutBytes: Int
}
