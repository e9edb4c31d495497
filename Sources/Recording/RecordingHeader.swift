import Foundation

/// The first line of a recording: what wrote it, which swarm, and when it began (the times of
/// the lines after it count from `start`). See docs/RECORDING.md.
public struct RecordingHeader: Sendable, Hashable, Codable {
    /// The format's version this reader writes and reads.
    public static let currentFormat = 1

    /// Always `swarmtop-recording`: tells a recording from another gzip file.
    public var kind = "swarmtop-recording"
    /// The format's version, `currentFormat` when written by this swarmtop.
    public var format: Int
    /// The version of swarmtop that wrote it, e.g. `0.1.0`.
    public var swarmtop: String
    /// The manager endpoint recorded, e.g. `unix:///run/swarmtop-lab/node1.sock`.
    public var endpoint: String
    /// When the recording began, to the millisecond.
    public var start: Date

    /// A header of the current format.
    /// - Parameters:
    ///   - swarmtop: swarmtop's version.
    ///   - endpoint: the manager endpoint.
    ///   - start: when recording begins (the file keeps it to the millisecond).
    public init(swarmtop: String, endpoint: String, start: Date) {
        format = Self.currentFormat
        self.swarmtop = swarmtop
        self.endpoint = endpoint
        self.start = start
    }

    /// The header as its line, with the newline.
    func line() throws -> Data {
        try RecordingLine.encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads a header line.
    /// - Throws: `RecordingError` when the line is not a swarmtop recording's header, or of a
    ///   format this swarmtop does not read.
    static func parse(_ line: Data) throws -> RecordingHeader {
        guard let header = try? RecordingLine.decoder.decode(RecordingHeader.self, from: line), header.kind == "swarmtop-recording" else {
            throw RecordingError("not a swarmtop recording (its first line is not a recording header)")
        }
        guard header.format == currentFormat else {
            throw RecordingError("recording format \(header.format) is not readable by this swarmtop (it reads format \(currentFormat))")
        }
        return header
    }
}

/// A recording that cannot be written or read, with what is wrong, e.g.
/// `line 12: unknown kind "foo"`.
public struct RecordingError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String

    /// - Parameter description: what is wrong.
    public init(_ description: String) {
        self.description = description
    }
}
