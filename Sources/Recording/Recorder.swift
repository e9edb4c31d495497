import Foundation
import SwarmState

/// Records a live swarm (`swarmtop --record FILE`, `swarmtop record FILE`): takes every
/// observation from any thread (the refresh engine's `observe`), writes it to a
/// `RecordingWriter`, and flushes at least once a second, so that a crash loses at most the
/// last second. A write error stops the recording; `close` reports it.
public final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var writer: RecordingWriter?
    private var lastFlush: Date
    private var failure: String?
    /// The recording's path.
    public let path: String

    /// Creates the file at `path` and writes its header.
    /// - Parameters:
    ///   - path: the recording to create (overwritten when it exists).
    ///   - endpoint: the manager endpoint recorded.
    ///   - swarmtop: swarmtop's version.
    ///   - start: when recording begins.
    /// - Throws: `RecordingError` when the file cannot be created.
    public init(path: String, endpoint: String, swarmtop: String, start: Date = Date()) throws {
        self.path = path
        writer = try RecordingWriter(path: path, header: RecordingHeader(swarmtop: swarmtop, endpoint: endpoint, start: start))
        lastFlush = start
    }

    /// Writes `observation` (flushing when the last flush is a second old).
    public func observe(_ observation: EngineObservation) {
        lock.withLock {
            perform { try $0.append(observation) }
            flushIfDue(now: Date())
        }
    }

    /// Flushes when the last flush is a second old or more (the caller's ticker, once a second).
    public func tick(now: Date = Date()) {
        lock.withLock { flushIfDue(now: now) }
    }

    /// Flushes once a second (`tick`) until the returned task is cancelled: a recording whose
    /// swarm is quiet still reaches the disk within a second.
    public func tickEverySecond() -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                tick()
            }
        }
    }

    /// Bytes of the file so far (all of them once closed).
    public var fileBytes: Int { lock.withLock { writer?.fileBytes ?? closedBytes } }
    private var closedBytes = 0

    /// Ends the recording (the gzip stream is closed).
    /// - Returns: why recording stopped early or could not be closed, nil when all went well.
    public func close() -> String? {
        lock.withLock {
            perform { try $0.close() }
            closedBytes = writer?.fileBytes ?? closedBytes
            writer = nil
            return failure
        }
    }

    /// Ends the recording, as `close`.
    /// - Throws: `RecordingError` with why recording stopped early or could not be closed.
    public func finish() throws {
        if let failure = close() { throw RecordingError(failure) }
    }

    private func flushIfDue(now: Date) {
        guard now.timeIntervalSince(lastFlush) >= 1 else { return }
        lastFlush = now
        perform { try $0.flush() }
    }

    /// Runs `body` on the writer; a failure stops the recording and is kept for `close`.
    private func perform(_ body: (RecordingWriter) throws -> Void) {
        guard let writer else { return }
        do {
            try body(writer)
        } catch {
            failure = "recording \(path) stopped: \(error)"
            closedBytes = writer.fileBytes
            self.writer = nil
        }
    }
}
