import Foundation
import SwarmState

/// Writes a recording file: the header, then one line per observation, gzip-compressed as it
/// goes. What is written becomes readable at each `flush` (a sync flush of the gzip stream), so
/// a crash loses only what came after the last one; `close` ends the gzip stream. Memory stays
/// bounded: the previous answer per engine and path, and zlib's window.
/// Not thread-safe: one owner (`Recorder` serializes its use).
public final class RecordingWriter {
    /// The recording's header, as a reader reads it back (its `start` to the millisecond).
    public let header: RecordingHeader
    private let file: FileHandle
    private let deflater: GzipDeflater
    private var encoder: ObservationEncoder
    /// Bytes of the file written so far.
    public private(set) var fileBytes = 0
    /// Bytes of lines before compression, the header's included.
    public private(set) var lineBytes = 0

    /// Creates (or truncates) the file at `path` and writes the header.
    /// - Throws: `RecordingError` when the file cannot be created, `GzipError` when zlib cannot start.
    public init(path: String, header: RecordingHeader) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw RecordingError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        self.file = file
        // Line times count from the start the reader will parse from these very bytes.
        let line = try header.line()
        self.header = try RecordingHeader.parse(line)
        deflater = try GzipDeflater()
        encoder = ObservationEncoder(start: self.header.start)
        try put(line)
        try flush()
    }

    /// Appends one observation (compressed, in memory until zlib lets it out or the next `flush`).
    /// - Throws: `RecordingError` when the file cannot be written.
    public func append(_ observation: EngineObservation) throws {
        try put(try encoder.encode(observation))
    }

    /// Makes everything appended so far readable in the file.
    /// - Throws: `RecordingError` when the file cannot be written.
    public func flush() throws {
        try write(try deflater.flush())
    }

    /// Ends the gzip stream and closes the file.
    /// - Throws: `RecordingError` when the file cannot be written.
    public func close() throws {
        try write(try deflater.finish())
        try file.close()
    }

    private func put(_ line: Data) throws {
        lineBytes += line.count
        try write(try deflater.compress(line))
    }

    private func write(_ bytes: Data) throws {
        guard !bytes.isEmpty else { return }
        do {
            try file.write(contentsOf: bytes)
        } catch {
            throw RecordingError("cannot write the recording: \(error.localizedDescription)")
        }
        fileBytes += bytes.count
    }
}
