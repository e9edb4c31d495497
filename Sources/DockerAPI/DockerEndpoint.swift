import Foundation

/// Where an Engine API answers: a unix socket or a TCP address, with optional TLS files.
///
/// Parsed from the same strings the docker CLI takes in `-H` / `DOCKER_HOST`:
/// `unix:///var/run/docker.sock`, `tcp://host:2376`, `http://host:2375`, `https://host:2376`,
/// `ssh://user@host:22`.
public struct DockerEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The transport.
    public enum Address: Sendable, Hashable {
        /// A unix domain socket path.
        case unix(path: String)
        /// A TCP host and port.
        case tcp(host: String, port: Int)
        /// An ssh destination whose `docker system dial-stdio` reaches the engine (see `SSHDialer`);
        /// user and port nil when not given (ssh's own config decides).
        case ssh(user: String?, host: String, port: Int?)
    }

    /// Client TLS material, as in `DOCKER_CERT_PATH` (`ca.pem`, `cert.pem`, `key.pem`).
    public struct TLSFiles: Sendable, Hashable {
        public var caFile: String
        public var certFile: String
        public var keyFile: String
        public var verify: Bool

        /// The three files of a docker CLI certificate directory.
        public init(certPath: String, verify: Bool) {
            caFile = certPath + "/ca.pem"
            certFile = certPath + "/cert.pem"
            keyFile = certPath + "/key.pem"
            self.verify = verify
        }
    }

    public var address: Address
    public var tls: TLSFiles?

    public init(address: Address, tls: TLSFiles? = nil) {
        self.address = address
        self.tls = tls
    }

    /// The default endpoint of the docker CLI on Linux.
    public static let defaultSocket = DockerEndpoint(address: .unix(path: "/var/run/docker.sock"))

    /// Parses a `DOCKER_HOST`-style string; a bare `host[:port]` is tcp, as in the CLI's opts/hosts.go.
    /// - Parameters:
    ///   - string: `unix:///path`, `tcp://host:port`, `http://host:port`, `https://host:port` or
    ///     `ssh://[user@]host[:port]`.
    ///   - tls: TLS files to use with `tcp://` (the CLI's `DOCKER_TLS_VERIFY`/`DOCKER_CERT_PATH`).
    /// - Throws: `DockerError.invalidEndpoint` for any other form.
    public init(parsing string: String, tls: TLSFiles? = nil) throws {
        var s = string.trimmingCharacters(in: .whitespaces)
        if !s.isEmpty && !s.contains("://") { s = "tcp://" + s }
        if s.hasPrefix("unix://") {
            let path = String(s.dropFirst("unix://".count))
            guard path.hasPrefix("/") else { throw DockerError.invalidEndpoint(string, reason: "a unix socket path must be absolute") }
            self.init(address: .unix(path: path))
            return
        }
        if s.hasPrefix("ssh://") {
            self.init(address: try Self.sshAddress(string))
            return
        }
        let schemes: [(String, Int, Bool)] = [("tcp://", tls == nil ? 2375 : 2376, tls != nil), ("http://", 2375, false), ("https://", 2376, true)]
        for (scheme, defaultPort, usesTLS) in schemes where s.hasPrefix(scheme) {
            var rest = String(s.dropFirst(scheme.count))
            if let slash = rest.firstIndex(of: "/") { rest = String(rest[..<slash]) }
            if rest.hasPrefix("[") != rest.contains("]") {
                throw DockerError.invalidEndpoint(string, reason: "an IPv6 address needs both brackets, e.g. tcp://[::1]:2375")
            }
            var host = rest
            var port = defaultPort
            if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
                host = String(rest[..<colon])
                guard let p = Int(rest[rest.index(after: colon)...]), (1...65535).contains(p) else {
                    throw DockerError.invalidEndpoint(string, reason: "the port is not a number from 1 to 65535")
                }
                port = p
            }
            host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            guard !host.isEmpty else { throw DockerError.invalidEndpoint(string, reason: "no host") }
            guard host.unicodeScalars.allSatisfy(CharacterSet.urlHostAllowed.contains) else {
                throw DockerError.invalidEndpoint(string, reason: "the host is not a host name or IP address")
            }
            if usesTLS && tls == nil {
                throw DockerError.invalidEndpoint(string, reason: "https needs DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem)")
            }
            self.init(address: .tcp(host: host, port: port), tls: usesTLS ? tls : nil)
            return
        }
        throw DockerError.invalidEndpoint(string, reason: "expected unix://, tcp://, http://, https:// or ssh://")
    }

    /// The endpoint the docker CLI would use from an environment:
    /// `DOCKER_HOST`, `DOCKER_TLS_VERIFY`, `DOCKER_CERT_PATH` (default `~/.docker`).
    /// - Throws: `DockerError.invalidEndpoint` when `DOCKER_HOST` is malformed.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> DockerEndpoint {
        guard let host = env["DOCKER_HOST"], !host.isEmpty else { return .defaultSocket }
        return try DockerEndpoint(parsing: host, tls: tlsFromEnvironment(env))
    }

    /// TLS files named by `DOCKER_TLS_VERIFY` / `DOCKER_CERT_PATH`, or nil when TLS is off.
    public static func tlsFromEnvironment(_ env: [String: String]) -> TLSFiles? {
        let verify = !(env["DOCKER_TLS_VERIFY"] ?? "").isEmpty
        guard verify || env["DOCKER_TLS"] == "1" else { return nil }
        let path = env["DOCKER_CERT_PATH"] ?? ((env["HOME"] ?? "") + "/.docker")
        return TLSFiles(certPath: path, verify: verify)
    }

    /// The string form, as the CLI would print it (`unix:///…`, `tcp://host:port`).
    public var description: String {
        switch address {
        case .unix(let path): return "unix://" + path
        case .tcp(let host, let port):
            let h = host.contains(":") ? "[\(host)]" : host
            return "tcp://\(h):\(port)"
        case .ssh(let user, let host, let port):
            let h = host.contains(":") ? "[\(host)]" : host
            return "ssh://" + (user.map { $0 + "@" } ?? "") + h + (port.map { ":\($0)" } ?? "")
        }
    }
}
