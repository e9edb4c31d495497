import AsyncHTTPClient
import Foundation
import NIOCore

/// What a log stream is read from.
public enum LogSource: Sendable, Hashable {
    /// A service's tasks, merged (`GET /services/{id}/logs`, on a manager).
    case service(id: String)
    /// One task (`GET /tasks/{id}/logs`, on a manager).
    case task(id: String)
    /// One container (`GET /containers/{id}/logs`, on the engine of the node it runs on).
    case container(id: String)

    /// The API path, e.g. `/services/{id}/logs`.
    public var path: String {
        switch self {
        case .service(let id): "/services/\(id)/logs"
        case .task(let id): "/tasks/\(id)/logs"
        case .container(let id): "/containers/\(id)/logs"
        }
    }

    /// True for services and tasks: the manager adds the swarm IDs to each line with
    /// `details=1`, from which the docker CLI makes its `service.slot.task@node |` prefix.
    public var hasSwarmDetails: Bool {
        if case .container = self { return false }
        return true
    }
}

/// Log streams: a long-lived answer that ends when the engine closes it (or the reader stops).
extension DockerClient {
    /// Opens `GET <source>/logs?stdout=1&stderr=1&timestamps=1&tail=N[&follow=1][&details=1]`
    /// and returns its lines as they come.
    ///
    /// Only the answer's head is bounded by `timeout`: a followed stream stays open as long as
    /// the engine keeps it. Cancelling the task that reads it cancels the request (the
    /// connection is closed).
    /// - Parameters:
    ///   - source: the service, task or container.
    ///   - tail: lines to send from the end of the log before new ones (per task for a service).
    ///   - follow: keep the stream open and send new lines as they are written.
    ///   - timeout: seconds to wait for the answer's head (default: the client's timeout).
    /// - Throws: `DockerError.api` for a non-2xx answer (404 when the object is gone),
    ///   `DockerError.transport` when the engine cannot be reached.
    public func logs(_ source: LogSource, tail: Int, follow: Bool, timeout: TimeInterval? = nil) async throws -> LogStream {
        var query = [("stdout", "1"), ("stderr", "1"), ("timestamps", "1"), ("tail", String(max(0, tail)))]
        if follow { query.append(("follow", "1")) }
        if source.hasSwarmDetails { query.append(("details", "1")) }
        let head = try await openStream(path: source.path, query: query, timeout: timeout)
        return LogStream(body: head.body, client: self, details: source.hasSwarmDetails)
    }
}

/// The lines of one log answer, delivered as the batch each received chunk completes (never
/// empty). Single pass; memory stays bounded by the decoder's and assembler's limits.
public struct LogStream: AsyncSequence, Sendable {
    public typealias Element = [LogLine]
    let body: HTTPClientResponse.Body
    let client: DockerClient
    let details: Bool

    /// The single iterator of this answer's body.
    public func makeAsyncIterator() -> Iterator {
        Iterator(bytes: body.makeAsyncIterator(), client: client, assembler: LogLineAssembler(details: details))
    }

    /// Pulls chunks from the body only as batches are consumed (back-pressure reaches the engine).
    public struct Iterator: AsyncIteratorProtocol {
        var bytes: HTTPClientResponse.Body.AsyncIterator
        let client: DockerClient
        var decoder = LogStreamDecoder()
        var assembler: LogLineAssembler
        var ended = false

        /// The next batch of lines; nil once the engine has closed the stream or the task was cancelled.
        /// - Throws: `DockerError.transport` when the connection drops.
        public mutating func next() async throws -> [LogLine]? {
            while !ended {
                guard let chunk = try await bytes.nextChunk(from: client) else {
                    ended = true
                    let last = decoder.finish().compactMap { assembler.add($0) } + assembler.finish()
                    return last.isEmpty ? nil : last
                }
                let lines = decoder.feed(chunk.readableBytesView).compactMap { assembler.add($0) }
                if !lines.isEmpty { return lines }
            }
            return nil
        }
    }
}
