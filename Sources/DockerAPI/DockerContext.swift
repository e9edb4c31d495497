import Foundation

/// One docker context of the store, as `docker context create` wrote it: its docker endpoint's
/// host and `SkipTLSVerify` from `meta.json`, and its TLS folder when it has one.
public struct DockerContext: Sendable, Equatable {
    /// The context's name, e.g. `prod`.
    public let name: String
    /// `Endpoints.docker.Host`, e.g. `ssh://ops@manager`, `tcp://10.0.0.1:2376`, `unix:///var/run/docker.sock`.
    public let host: String
    /// `Endpoints.docker.SkipTLSVerify`: TLS without verifying the engine's certificate.
    public let skipTLSVerify: Bool
    /// The `meta.json` it was read from, for messages.
    public let metaFile: String
    /// `contexts/tls/<sha256 of name>/docker` when that folder exists.
    public let tlsDirectory: String?

    /// The endpoint the docker CLI connects to for this context (cli/context/docker/load.go):
    /// TLS only on tcp, with whichever of the context's `ca.pem` (else the system's roots) and
    /// `cert.pem` + `key.pem` (else no client certificate) it holds; `SkipTLSVerify` alone is
    /// TLS without verification.
    /// - Throws: `DockerContextError.missingTLSFile` naming the half of a client certificate that
    ///   is missing; `.unusable` for a host that does not parse.
    public func endpoint() throws(DockerContextError) -> DockerEndpoint {
        let plain: DockerEndpoint
        do { plain = try DockerEndpoint(parsing: host) } catch {
            throw .unusable(context: name, metaFile: metaFile, reason: (error as? DockerError)?.description ?? "\(error)")
        }
        guard case .tcp = plain.address, tlsDirectory != nil || skipTLSVerify else { return plain }
        let paths = ["ca.pem", "cert.pem", "key.pem"].map { file in tlsDirectory.map { $0 + "/" + file } }
        let present = paths.map { path in path.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil } }
        if (present[1] == nil) != (present[2] == nil), let missing = present[1] == nil ? paths[1] : paths[2] {
            throw DockerContextError.missingTLSFile(context: name, file: missing)
        }
        return DockerEndpoint(address: plain.address,
                              tls: .init(caFile: present[0], certFile: present[1], keyFile: present[2], verify: !skipTLSVerify))
    }
}
