/// Every failure the Engine API client reports.
public enum DockerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The engine answered with an HTTP error; `message` is the `{"message": …}` of its body
    /// (or the raw body when it was not JSON). E.g. 503 "This node is not a swarm manager…".
    case api(status: Int, message: String)
    /// No answer: connection refused, socket missing, timeout, TLS failure.
    case transport(endpoint: String, reason: String)
    /// The engine answered 2xx, but the body did not decode as expected.
    case malformedResponse(path: String, reason: String)
    /// A `DOCKER_HOST` / `--host` string that is not an endpoint.
    case invalidEndpoint(String, reason: String)
    /// The engine's API is older than swarmtop supports.
    case unsupportedVersion(server: String, minimum: String)

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
        case .malformedResponse(let path, let reason): return "malformed answer to \(path): \(reason)"
        case .invalidEndpoint(let s, let reason): return "invalid endpoint \"\(s)\": \(reason)"
        case .unsupportedVersion(let server, let minimum): return "engine API \(server) is older than the minimum \(minimum)"
        }
    }
}
