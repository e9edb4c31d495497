import AsyncHTTPClient
import Foundation
import NIOCore

/// Long-lived answers (`/events`, followed logs): only the head is waited for.
extension DockerClient {
    /// Sends a GET and returns its 2xx answer as soon as the head has arrived, the body left
    /// open for the caller to read for as long as the engine keeps it.
    /// - Parameters:
    ///   - path: the API path without version, e.g. `/events`.
    ///   - query: parameters, encoded.
    ///   - timeout: seconds to wait for the head (default: the client's timeout).
    /// - Throws: `DockerError.api` for a non-2xx answer (with the engine's message),
    ///   `DockerError.redirected` for a 3xx, `DockerError.transport` when the engine cannot be reached in time,
    ///   `DockerError.tls` when TLS and the engine disagree.
    func openStream(path: String, query: [(String, String)], timeout: TimeInterval?) async throws -> HTTPClientResponse {
        let request = try await makeRequest(method: .GET, path: path, query: query)
        let deadline = timeout ?? self.timeout
        let head: HTTPClientResponse
        let start = ContinuousClock.now
        do {
            head = try await http.execute(request, timeout: .milliseconds(Seconds.milliseconds(deadline)))
        } catch {
            counters.withLockedValue { $0.failures += 1 }
            throw await transportError(error, since: start)
        }
        counters.withLockedValue { $0.requests += 1 }
        guard (200..<300).contains(Int(head.status.code)) else {
            let bytes = (try? await head.body.collect(upTo: 1 << 16)) ?? ByteBuffer()
            throw failure(status: Int(head.status.code), headers: head.headers, body: Data(bytes.readableBytesView))
        }
        return head
    }
}

extension HTTPClientResponse.Body.AsyncIterator {
    /// The next chunk of a long-lived answer from `client`, counted in its statistics.
    /// - Returns: nil when the engine has ended the answer or the reading task was cancelled.
    /// - Throws: `DockerError.transport` when the connection drops.
    mutating func nextChunk(from client: DockerClient) async throws -> ByteBuffer? {
        let chunk: ByteBuffer?
        do {
            chunk = try await next()
        } catch is CancellationError {
            return nil
        } catch {
            if Task.isCancelled { return nil }
            throw DockerError.transport(endpoint: client.endpoint.description, reason: DockerClient.describe(error))
        }
        if let chunk { client.counters.withLockedValue { $0.bytesReceived += chunk.readableBytes } }
        return chunk
    }
}
