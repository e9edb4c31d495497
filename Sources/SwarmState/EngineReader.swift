import Foundation

/// What the refresh engine asks of one engine, and nothing more: reads by `EnginePath`, the
/// event stream as JSON lines, `/_ping`. `DockerClient` is the real one; tests give the
/// refresh engine answers captured from the lab instead (through `Connections`' `readers`).
public protocol EngineReader: Sendable {
    /// Where the engine is.
    var endpoint: DockerEndpoint { get }
    /// Per-request deadline, in seconds, unless a read passes its own.
    var timeout: TimeInterval { get }

    /// `GET path`, e.g. `EnginePath.tasks`: the 2xx answer's body as sent.
    /// - Parameter timeout: seconds; nil for `timeout`.
    /// - Throws: `DockerError`.
    func read(_ path: String, timeout: TimeInterval?) async throws -> Data

    /// Opens `GET /events?filters=…[&since=…]`: each event as the engine's JSON line, until the
    /// engine closes the stream (the sequence ends) or the connection drops (it throws).
    /// - Parameter since: replay events from this time (`DockerEvent.sinceParameter`).
    /// - Throws: `DockerError` when the stream cannot be opened.
    func openEvents(filter: EventFilter, since: String?) async throws -> AsyncThrowingStream<Data, any Error>

    /// `GET /_ping` (unversioned): returns when the engine answers.
    /// - Throws: `DockerError`.
    func ping() async throws

    /// The API version spoken with the engine (negotiated from `/_ping` on first use).
    /// - Throws: `DockerError`.
    func apiVersion() async throws -> APIVersion
}

extension DockerClient: EngineReader {
    public func openEvents(filter: EventFilter, since: String?) async throws -> AsyncThrowingStream<Data, any Error> {
        let lines = try await eventLines(filter: filter, since: since)
        let iterator = LineIterator(lines.makeAsyncIterator())
        return AsyncThrowingStream { try await iterator.next() }
    }

    public func ping() async throws {
        _ = try await send(method: .GET, path: EnginePath.ping, versioned: false)
    }
}

/// An `EventLines` iterator that an `AsyncThrowingStream(unfolding:)` can pull from: only the
/// stream's single consumer calls `next`, one call at a time, so it needs no lock.
private final class LineIterator: @unchecked Sendable {
    private var iterator: EventLines.Iterator
    init(_ iterator: EventLines.Iterator) { self.iterator = iterator }
    func next() async throws -> Data? { try await iterator.next() }
}
