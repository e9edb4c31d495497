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

    /// Client TLS material, as the docker CLI takes it from `DOCKER_CERT_PATH` (`ca.pem`, `cert.pem`,
    /// `key.pem`) or from a context's TLS directory.
    public struct TLSFiles: Sendable, Hashable {
        /// The CA certificate(s) the engine's certificate must be signed by; nil: the system's trust roots.
        public var caFile: String?
        /// The client certificate and its key (PEM); nil: none is sent, and an engine started with
        /// `--tlsverify` refuses the handshake.
        public var certFile: String?
        public var keyFile: String?
        /// Check the engine's certificate (its chain to the CA and its name): `DOCKER_TLS_VERIFY`;
        /// false for `DOCKER_TLS` alone or a context's `SkipTLSVerify`.
        public var verify: Bool

        /// TLS material file by file (a context's TLS directory holds any of the three).
        public init(caFile: String?, certFile: String?, keyFile: String?, verify: Bool) {
            self.caFile = caFile
            self.certFile = certFile
            self.keyFile = keyFile
            self.verify = verify
        }

        /// The files of a docker CLI certificate directory, taken as the CLI takes them: `ca.pem`
        /// always (it must exist), `cert.pem` and `key.pem` only when both exist (else no client
        /// certificate is sent).
        /// - Parameters:
        ///   - certPath: the directory (`DOCKER_CERT_PATH`).
        ///   - verify: check the engine's certificate.
        ///   - fileExists: whether a path exists (the file system's answer by default).
        public init(certPath: String, verify: Bool, fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
            let cert = certPath + "/cert.pem", key = certPath + "/key.pem"
            let client = fileExists(cert) && fileExists(key)
            self.init(caFile: certPath + "/ca.pem", certFile: client ? cert : nil, keyFile: client ? key : nil, verify: verify)
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
    ///
    /// `tcp://` without a port means 2375, with TLS too (as the docker CLI reads it); `tcp://` with
    /// `tls` is TLS, without it plain HTTP. `http://` is always plain HTTP, so it is refused when TLS
    /// is asked for; `https://` needs `tls`. A unix socket ignores `tls`, as the CLI does.
    /// - Parameters:
    ///   - string: `unix:///path`, `tcp://host:port`, `http://host:port`, `https://host:port` or
    ///     `ssh://[user@]host[:port]`.
    ///   - tls: TLS files to use with `tcp://` (the CLI's `DOCKER_TLS_VERIFY`/`DOCKER_CERT_PATH`).
    /// - Throws: `DockerError.invalidEndpoint` for any other form, and for `http://` with `tls`.
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
        if s.hasPrefix("http://"), let tls {
            let variable = tls.verify ? "DOCKER_TLS_VERIFY" : "DOCKER_TLS"
            throw DockerError.invalidEndpoint(string, reason: "http:// is plain HTTP, but \(variable) asks for TLS: use tcp://"
                + s.dropFirst("http://".count) + " for TLS, or unset \(variable) for plain HTTP")
        }
        let schemes: [(String, Int, Bool)] = [("tcp://", 2375, tls != nil), ("http://", 2375, false), ("https://", 2376, true)]
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
    /// `DOCKER_HOST`, `DOCKER_TLS_VERIFY`, `DOCKER_TLS`, `DOCKER_CERT_PATH` (see `tlsFromEnvironment`).
    /// Without `DOCKER_HOST` it is the local socket, or `tcp://localhost:2376` when TLS is on (the
    /// CLI's default TLS host).
    /// - Throws: `DockerError.invalidEndpoint` when `DOCKER_HOST` is malformed, or `http://` with TLS on.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> DockerEndpoint {
        let tls = tlsFromEnvironment(env)
        guard let host = env["DOCKER_HOST"], !host.isEmpty else {
            return tls.map { DockerEndpoint(address: .tcp(host: "localhost", port: 2376), tls: $0) } ?? .defaultSocket
        }
        return try DockerEndpoint(parsing: host, tls: tls)
    }

    /// TLS files as the docker CLI takes them from its environment, or nil when TLS is off.
    ///
    /// TLS is on when `DOCKER_TLS_VERIFY` or `DOCKER_TLS` is set to anything but the empty string
    /// (`DOCKER_TLS_VERIFY=0` too); the engine's certificate is verified whenever
    /// `DOCKER_TLS_VERIFY` is. The files are in `DOCKER_CERT_PATH`, else in `DOCKER_CONFIG`, else
    /// in `~/.docker` (see `TLSFiles.init(certPath:verify:fileExists:)`).
    /// - Parameters:
    ///   - env: the environment.
    ///   - fileExists: whether a path exists (the file system's answer by default).
    public static func tlsFromEnvironment(_ env: [String: String],
                                          fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> TLSFiles? {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        let verify = value("DOCKER_TLS_VERIFY") != nil
        guard verify || value("DOCKER_TLS") != nil else { return nil }
        let path = value("DOCKER_CERT_PATH") ?? value("DOCKER_CONFIG") ?? ((env["HOME"] ?? "") + "/.docker")
        return TLSFiles(certPath: path, verify: verify, fileExists: fileExists)
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
