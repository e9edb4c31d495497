import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL

/// A client of one Docker Engine: HTTP over a unix socket, TCP (optionally TLS) or ssh (`SSHDialer`), with the
/// API version negotiated from `/_ping` on first use and renegotiated after a transport error.
///
/// Redirects are never followed (the Engine API never redirects, and following one would send
/// the request, a service spec with its `Env` included, to another address): a 3xx answer is
/// `DockerError.redirected`. A read-only client (`--read-only`) sends only GET and HEAD.
///
/// Thread-safe; all operations are `async` and never block the caller's thread.
/// Call `shutdown()` before dropping the last reference.
public final class DockerClient: Sendable {
    /// Where this client connects.
    public let endpoint: DockerEndpoint
    /// Per-request deadline, in seconds, unless an operation passes its own.
    public let timeout: TimeInterval
    /// True when the client refuses every method but GET and HEAD, before the request is built.
    public let readOnly: Bool
    let http: HTTPClient
    /// The ssh processes of an `ssh://` endpoint, nil for any other.
    public let sshDialer: SSHDialer?
    private let negotiated = NIOLockedValueBox<APIVersion?>(nil)
    let counters = NIOLockedValueBox(RequestStatistics())
    /// Largest body accepted, in bytes (a swarm of 10,000 tasks lists in about 30 MB).
    static let maxBody = 256 << 20

    /// - Parameters:
    ///   - endpoint: the engine's address.
    ///   - timeout: default per-request deadline in seconds.
    ///   - readOnly: refuse every request but GET and HEAD (`DockerError.readOnly`), sending nothing.
    ///   - idleTimeout: seconds a connection stays open with no request before it is closed.
    ///   - environment: for `ssh://`, the environment ssh runs in (PATH finds it, SSH_AUTH_SOCK
    ///     names the agent).
    /// - Throws: `DockerError.transport` naming a TLS file that cannot be read or is not PEM, or when an `ssh://`
    ///   endpoint's local socket cannot be made.
    public init(endpoint: DockerEndpoint, timeout: TimeInterval = 10, readOnly: Bool = false, idleTimeout: TimeInterval = 60,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.endpoint = endpoint
        if case .ssh(let user, let host, let port) = endpoint.address {
            sshDialer = try SSHDialer(user: user, host: host, port: port, environment: environment)
        } else {
            sshDialer = nil
        }
        self.timeout = timeout
        self.readOnly = readOnly
        var config = HTTPClient.Configuration()
        config.redirectConfiguration = .disallow
        config.connectionPool.idleTimeout = .milliseconds(Seconds.milliseconds(idleTimeout))
        // Fail at once when the engine refuses: the refresh engine retries on its own cadence,
        // and "connection refused" shown now beats "timed out" shown after the whole timeout.
        config.connectionPool.retryConnectionEstablishment = false
        config.timeout.connect = .seconds(Seconds.whole(max(1, timeout)))
        if let tls = endpoint.tls { config.tlsConfiguration = try tls.clientConfiguration(endpoint: endpoint.description) }
        http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: config)
    }

    /// Closes the connection pool (and ends the ssh processes of an `ssh://` endpoint). The
    /// client must not be used afterwards.
    public func shutdown() async {
        try? await http.shutdown()
        await sshDialer?.shutdown()
    }

    /// The version in use, negotiating it first if needed.
    /// - Throws: `DockerError` when `/_ping` fails or the engine is too old.
    public func apiVersion() async throws -> APIVersion {
        if let v = negotiated.withLockedValue({ $0 }) { return v }
        let response = try await send(method: .GET, path: EnginePath.ping, versioned: false)
        let v = try APIVersion.negotiate(server: response.headers.first(name: "API-Version"))
        negotiated.withLockedValue { $0 = v }
        return v
    }

    /// What this client has asked of its engine so far: requests answered, bytes received
    /// (bodies, event streams included), failures. For the status line and benchmarks.
    public var statistics: RequestStatistics { counters.withLockedValue { $0 } }

    /// A raw engine answer.
    public struct Response: Sendable {
        /// HTTP status code.
        public var status: Int
        public var headers: HTTPHeaders
        public var body: Data
    }

    /// Sends a request and returns the 2xx answer.
    /// - Parameters:
    ///   - method: HTTP method.
    ///   - path: the API path without version, e.g. `/services`; `query` is appended encoded.
    ///   - versioned: prefix the path with `/v<negotiated>`.
    ///   - body: a JSON body, sent with `Content-Type: application/json`.
    ///   - timeout: deadline in seconds (default: the client's).
    /// - Throws: `DockerError.api` for a non-2xx answer (status and the engine's message),
    ///   `DockerError.redirected` for a 3xx, `DockerError.readOnly` for a write on a read-only
    ///   client, `DockerError.transport` when the engine cannot be reached in time,
    ///   `DockerError.tls` when TLS and the engine disagree (see `TLSDiagnosis`).
    public func send(method: HTTPMethod, path: String, query: [(String, String)] = [], versioned: Bool = true,
                     body: Data? = nil, timeout: TimeInterval? = nil) async throws -> Response {
        let request = try await makeRequest(method: method, path: path, query: query, versioned: versioned, body: body)
        let deadline = timeout ?? self.timeout
        let http = self.http
        let start = ContinuousClock.now
        let answer: (status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer)
        do {
            // async-http-client's deadline ends when the head arrives: bound the body too, so
            // that an engine that stalls mid-answer cannot hold a refresh forever.
            answer = try await Self.within(deadline) {
                let head = try await http.execute(request, timeout: .milliseconds(Seconds.milliseconds(deadline)))
                return (head.status, head.headers, try await head.body.collect(upTo: Self.maxBody))
            }
        } catch {
            counters.withLockedValue { $0.failures += 1 }
            negotiated.withLockedValue { $0 = nil }  // the engine may come back as another version
            throw await transportError(error, since: start)
        }
        counters.withLockedValue { $0.requests += 1; $0.bytesReceived += answer.body.readableBytes }
        // The body's own storage, not a copy: a 19 MB `/tasks` is not held twice.
        let data = answer.body.getData(at: answer.body.readerIndex, length: answer.body.readableBytes, byteTransferStrategy: .noCopy) ?? Data()
        let status = Int(answer.status.code)
        guard (200..<300).contains(status) else { throw failure(status: status, headers: answer.headers, body: data) }
        return Response(status: status, headers: answer.headers, body: data)
    }

    /// The error for a non-2xx answer: a redirect names where it pointed, a TLS port's answer to
    /// plain HTTP says to turn TLS on, anything else carries the engine's message.
    func failure(status: Int, headers: HTTPHeaders, body: Data) -> DockerError {
        if let reason = TLSDiagnosis.plainHTTPAnswer(status: status, body: body) {
            return .tls(endpoint: endpoint.description, reason: reason)
        }
        if (300..<400).contains(status) {
            return .redirected(status: status, location: headers.first(name: "Location") ?? "no Location header")
        }
        return .api(status: status, message: Self.engineMessage(body))
    }

    /// Builds a request for `path` (versioned unless told otherwise), with the headers every
    /// engine request needs.
    /// - Throws: `DockerError.readOnly` for a write on a read-only client (before anything is
    ///   sent, the version negotiation included); `DockerError` when the version cannot be negotiated.
    func makeRequest(method: HTTPMethod, path: String, query: [(String, String)], versioned: Bool = true,
                     body: Data? = nil) async throws -> HTTPClientRequest {
        if readOnly, method != .GET, method != .HEAD { throw DockerError.readOnly(method: method.rawValue, path: path) }
        let prefix = versioned ? "/v\(try await apiVersion())" : ""
        var components = URLComponents()
        components.path = prefix + path
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        // Percent-encode characters URLComponents leaves in queries but Go's parser reads
        // otherwise: `+` (a space) and `;` (Go 1.17+ drops the whole parameter, filters included).
        let uri = (components.percentEncodedPath) + (components.percentEncodedQuery.map {
            "?" + $0.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: ";", with: "%3B")
        } ?? "")
        var request = HTTPClientRequest(url: baseURL + uri)
        request.method = method
        // The engine answers 400 "missing required Host header" over a unix socket without one.
        request.headers.add(name: "Host", value: hostHeader)
        request.headers.add(name: "User-Agent", value: "swarmtop")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        return request
    }

    /// Runs `operation`, throwing `HTTPClientError.deadlineExceeded` (and cancelling it) when it
    /// takes more than `seconds`.
    static func within<T: Sendable>(_ seconds: TimeInterval, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(nanoseconds: Seconds.nanoseconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw HTTPClientError.deadlineExceeded }
            return value
        }
    }

    /// GETs `path` (its own query, e.g. an `EnginePath`'s, comes before `query`) and decodes its
    /// JSON body as `T`.
    /// - Throws: `DockerError` (`.api`, `.transport`, `.malformedResponse`).
    public func get<T: Decodable>(_ type: T.Type, _ path: String, query: [(String, String)] = [],
                                  timeout: TimeInterval? = nil) async throws -> T {
        let (bare, own) = EnginePath.split(path)
        let response = try await send(method: .GET, path: bare, query: own + query, timeout: timeout)
        return try DockerJSON.decode(type, from: response.body, path: path)
    }

    /// The message of a Docker error body `{"message": "..."}` without swarmkit's gRPC prefix
    /// (`rpc error: code = FailedPrecondition desc = `, which pushed the reason off the status
    /// line); for a body that is not the engine's JSON, its first line (an HTML page is named as
    /// one: the endpoint is not a Docker engine).
    public static func engineMessage(_ data: Data) -> String {
        struct Body: Decodable { var message: String }
        if let body = try? EngineJSONDecoder.decode(Body.self, from: data) {
            guard body.message.hasPrefix("rpc error: code = "), let desc = body.message.range(of: " desc = ") else { return body.message }
            return String(body.message[desc.upperBound...])
        }
        let raw = String(decoding: data.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if raw.first == "<" { return "an HTML page, not the Engine API's JSON (is this a Docker engine?)" }
        return raw.split(separator: "\n").first.map(String.init) ?? "no message"
    }

    /// The error for a request that got no answer: a TLS failure explained (`TLSDiagnosis`; a
    /// certificate that failed verification is looked at again by `TLSCertificateProbe`), else
    /// `DockerError.transport` with a short reason.
    func unreachable(_ error: any Error) async -> DockerError {
        var validity: TLSCertificateProbe.Validity?
        if TLSDiagnosis.needsValidity(error, endpoint: endpoint), case .tcp(let host, let port) = endpoint.address {
            validity = await TLSCertificateProbe.validity(host: host, port: port, timeout: min(timeout, 5))
        }
        if let reason = TLSDiagnosis.handshake(error, endpoint: endpoint, validity: validity) {
            return .tls(endpoint: endpoint.description, reason: reason)
        }
        return .transport(endpoint: endpoint.description, reason: Self.describe(error))
    }

    /// A short reason for a transport failure (connection refused, timeout, …).
    static func describe(_ error: any Error) -> String {
        if let e = error as? HTTPClientError, e == .deadlineExceeded || e == .readTimeout || e == .connectTimeout {
            return "timed out"
        }
        if let e = error as? IOError { return String(cString: strerror(e.errnoCode)).lowercased() }
        return String(describing: error)
    }

    private var baseURL: String {
        func unix(_ path: String) -> String {
            "http+unix://" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? path)
        }
        switch endpoint.address {
        case .unix(let path): return unix(path)
        case .ssh: return unix(sshDialer?.socketPath ?? "")  // the dialer's local socket
        case .tcp(let host, let port):
            let h = host.contains(":") ? "[\(host)]" : host
            return (endpoint.tls == nil ? "http://" : "https://") + "\(h):\(port)"
        case .ssh: return "http://api.moby.localhost"  // refused in init until the ssh transport exists
        }
    }

    private var hostHeader: String {
        switch endpoint.address {
        case .unix, .ssh: return "api.moby.localhost"
        case .tcp(let host, let port): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }
}
