/// Every failure the Engine API client reports.
public enum DockerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The engine answered with an HTTP error; `message` is the `{"message": …}` of its body
    /// (or the raw body when it was not JSON). E.g. 503 "This node is not a swarm manager…".
    case api(status: Int, message: String)
    /// No answer: connection refused, socket missing, timeout, TLS files that cannot be read.
    case transport(endpoint: String, reason: String)
    /// TLS and the engine disagree: the handshake failed (a plain HTTP port, a certificate not
    /// signed by the CA, not for this host, no client certificate) or the engine wants TLS and
    /// got plain HTTP. `reason` says which, and what setting to change.
    case tls(endpoint: String, reason: String)
    /// The engine answered 2xx, but the body did not decode as expected.
    case malformedResponse(path: String, reason: String)
    /// A `DOCKER_HOST` / `--host` string that is not an endpoint.
    case invalidEndpoint(String, reason: String)
    /// The engine's API is older than swarmtop supports.
    case unsupportedVersion(server: String, minimum: String)
    /// A 3xx answer, not followed: the Engine API never redirects, and following would send the
    /// request (a service spec, its `Env` included) to `location`.
    case redirected(status: Int, location: String)
    /// A request other than GET or HEAD on a read-only client (`--read-only`); nothing was sent.
    case readOnly(method: String, path: String)

    /// The HTTP status for `.api`, nil otherwise.
    public var status: Int? {
        if case .api(let status, _) = self { return status }
        return nil
    }

    /// A one-line explanation for the status line.
    public var description: String {
        switch self {
        case .api(let status, let message): return "engine said \(status): \(message)"
        case .transport(let endpoint, let reason): return "cannot reach \(endpoint): \(reason)"
        case .tls(let endpoint, let reason): return "\(endpoint): \(reason)"
        case .malformedResponse(let path, let reason): return "malformed answer to \(path): \(reason)"
        case .invalidEndpoint(let s, let reason): return "invalid endpoint \"\(s)\": \(reason)"
        case .unsupportedVersion(let server, let minimum): return "engine API \(server) is older than the minimum \(minimum)"
        case .redirected(let status, let location):
            return "engine answered \(status), a redirect to \(location): not followed (the Engine API never redirects)"
        case .readOnly(let method, let path): return "refused \(method) \(path): swarmtop is read-only (--read-only)"
        }
    }
}
