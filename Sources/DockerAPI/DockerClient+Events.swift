import AsyncHTTPClient
import Foundation
import NIOCore

/// The event stream: `GET /events`, a long-lived answer of one JSON event per line.
extension DockerClient {
    /// Opens `GET /events?filters=…[&since=…]` and returns its events as they come.
    ///
    /// Only the answer's head is bounded by `timeout`: the body stays open for as long as the
    /// engine keeps it (an idle stream sends nothing and is never cut by swarmtop). The stream
    /// ends when the engine closes it (e.g. on shutdown) and throws `DockerError.transport`
    /// when the connection drops.
    /// - Parameters:
    ///   - filter: object types and actions to receive.
    ///   - since: replay events from this time (`seconds.nanoseconds`, see `DockerEvent.sinceParameter`).
    ///   - timeout: seconds to wait for the answer's head (default: the client's timeout).
    /// - Throws: `DockerError.api` for a non-2xx answer, `DockerError.transport` when unreachable.
    public func events(filter: EventFilter, since: String? = nil, timeout: TimeInterval? = nil) async throws -> EventStream {
        EventStream(lines: try await eventLines(filter: filter, since: since, timeout: timeout))
    }

    /// The same stream as `events(filter:since:timeout:)`, each event as the JSON line the
    /// engine sent (what a recording writes down).
    /// - Throws: as `events(filter:since:timeout:)`.
    public func eventLines(filter: EventFilter, since: String? = nil, timeout: TimeInterval? = nil) async throws -> EventLines {
        var query = [("filters", try filter.json())]
        if let since { query.append(("since", since)) }
        let head = try await openStream(path: "/events", query: query, timeout: timeout)
        counters.withLockedValue { $0.eventStreams += 1 }
        return EventLines(body: head.body, client: self)
    }
}

/// The lines of one `/events` answer, one JSON event each, as the engine sent them. Single
/// pass; empty lines skipped, lines over 1 MiB dropped, so memory stays bounded.
public struct EventLines: AsyncSequence, Sendable {
    public typealias Element = Data
    let body: HTTPClientResponse.Body
    let client: DockerClient

    public func makeAsyncIterator() -> Iterator {
        Iterator(bytes: body.makeAsyncIterator(), client: client)
    }

    /// Pulls chunks from the body only as lines are consumed (back-pressure reaches the engine).
    public struct Iterator: AsyncIteratorProtocol {
        var bytes: HTTPClientResponse.Body.AsyncIterator
        let client: DockerClient
        var splitter = LineSplitter()
        var ready: [Data] = []
        var readyIndex = 0

        init(bytes: HTTPClientResponse.Body.AsyncIterator, client: DockerClient) {
            self.bytes = bytes
            self.client = client
        }

        public mutating func next() async throws -> Data? {
            while readyIndex >= ready.count {
                ready.removeAll(keepingCapacity: true)
                readyIndex = 0
                guard let chunk = try await bytes.nextChunk(from: client) else { return nil }
                ready = splitter.feed(chunk.readableBytesView).map { Data($0) }
            }
            defer { readyIndex += 1 }
            return ready[readyIndex]
        }
    }
}

/// The events of one `/events` answer, decoded line by line (`EventLines`); lines that do not
/// decode are skipped (and counted).
public struct EventStream: AsyncSequence, Sendable {
    public typealias Element = DockerEvent
    let lines: EventLines

    public func makeAsyncIterator() -> Iterator {
        Iterator(lines: lines.makeAsyncIterator())
    }

    public struct Iterator: AsyncIteratorProtocol {
        var lines: EventLines.Iterator
        /// Lines that were not an event.
        public private(set) var undecodable = 0

        public mutating func next() async throws -> DockerEvent? {
            while let line = try await lines.next() {
                if let event = try? EngineJSONDecoder.decode(DockerEvent.self, from: line) { return event }
                undecodable += 1
            }
            return nil
        }
    }
}
