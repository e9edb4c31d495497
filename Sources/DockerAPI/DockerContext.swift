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
    /// TLS only on tcp, with the context's `ca.pem`, `cert.pem` and `key.pem`.
    /// - Throws: `DockerContextError.missingTLSFile` naming a missing file;
    ///   `.unusable` for a host that does not parse, or `SkipTLSVerify` without TLS files.
    public func endpoint() throws(DockerContextError) -> DockerEndpoint {
        let plain: DockerEndpoint
        do { plain = try DockerEndpoint(parsing: host) } catch {
            throw .unusable(context: name, metaFile: metaFile, reason: (error as? DockerError)?.description ?? "\(error)")
        }
        guard case .tcp = plain.address, tlsDirectory != nil || skipTLSVerify else { return plain }
        guard let tlsDirectory else {
            throw DockerContextError.unusable(context: name, metaFile: metaFile,
                                              reason: "SkipTLSVerify without TLS files (ca.pem, cert.pem, key.pem) is not supported")
        }
        let files = DockerEndpoint.TLSFiles(certPath: tlsDirectory, verify: !skipTLSVerify)
        for file in [files.caFile, files.certFile, files.keyFile] where !FileManager.default.fileExists(atPath: file) {
            throw DockerContextError.missingTLSFile(context: name, file: file)
        }
        return DockerEndpoint(address: plain.address, tls: files)
    }
}
