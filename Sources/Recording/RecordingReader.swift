import Foundation
import SwarmState

/// Reads a recording file from its start, an observation at a time, decompressing as it goes
/// (memory: a chunk of the file, the current line, the previous answer per engine and path).
/// A file cut short (its writer crashed) ends at its last complete line.
public final class RecordingReader {
    /// The recording's header.
    public let header: RecordingHeader
    private let path: String
    private let lines: GzipLines
    private var decoder: ObservationDecoder

    /// Opens the recording at `path` and reads its header.
    /// - Throws: `RecordingError` when the file cannot be opened, is not gzip, or does not
    ///   start with a header of a format this swarmtop reads.
    public init(path: String) throws {
        lines = try GzipLines(path: path)
        self.path = path
        guard let first = try lines.next() else { throw RecordingError("\(path): empty, not a swarmtop recording") }
        do {
            header = try RecordingHeader.parse(first)
        } catch {
            throw RecordingError("\(path): \(error)")
        }
        decoder = ObservationDecoder(start: header.start)
    }

    /// The next observation, nil at the end of the recording.
    /// - Throws: `RecordingError` naming the file and line for a line that cannot be read.
    public func next() throws -> EngineObservation? {
        guard let line = try lines.next() else { return nil }
        do {
            return try decoder.decode(line)
        } catch {
            throw RecordingError("\(path):\(lines.number): \(error)")
        }
    }

    /// Every observation left (for tests and short recordings).
    public func readAll() throws -> [EngineObservation] {
        var all: [EngineObservation] = []
        while let observation = try next() { all.append(observation) }
        return all
    }
}
