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
        var query = [("filters", try filter.json())]
        if let since { query.append(("since", since)) }
        let head = try await openStream(path: "/events", query: query, timeout: timeout)
        counters.withLockedValue { $0.eventStreams += 1 }
        return EventStream(body: head.body, client: self)
    }
}

/// The events of one `/events` answer, decoded line by line. Single pass; lines that do not
/// decode are skipped (and counted), lines over 1 MiB dropped, so memory stays bounded.
public struct EventStream: AsyncSequence, Sendable {
    public typealias Element = DockerEvent
    let body: HTTPClientResponse.Body
    let client: DockerClient

    public func makeAsyncIterator() -> Iterator {
        Iterator(bytes: body.makeAsyncIterator(), client: client)
    }

    /// Pulls chunks from the body only as events are consumed (back-pressure reaches the engine).
    public struct Iterator: AsyncIteratorProtocol {
        var bytes: HTTPClientResponse.Body.AsyncIterator
        let client: DockerClient
        var splitter = LineSplitter()
        var ready: [DockerEvent] = []
        var readyIndex = 0
        /// Lines that were not an event.
        public private(set) var undecodable = 0

        init(bytes: HTTPClientResponse.Body.AsyncIterator, client: DockerClient) {
            self.bytes = bytes
            self.client = client
        }

        public mutating func next() async throws -> DockerEvent? {
            while readyIndex >= ready.count {
                ready.removeAll(keepingCapacity: true)
                readyIndex = 0
                guard let chunk = try await bytes.nextChunk(from: client) else { return nil }
                for line in splitter.feed(chunk.readableBytesView) {
                    if let event = try? EngineJSONDecoder.decode(DockerEvent.self, from: Data(line)) { ready.append(event) } else { undecodable += 1 }
                }
            }
            defer { readyIndex += 1 }
            return ready[readyIndex]
        }
    }
}
