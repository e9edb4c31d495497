import Foundation
import NIOSSL

extension DockerEndpoint.TLSFiles {
    /// The TLS client configuration for these files: the CA file's certificates as the only trust
    /// roots (the system's when there is none), the client certificate when there is one, and the
    /// engine's chain and name verified unless `verify` is false (`DOCKER_TLS` alone, `SkipTLSVerify`).
    /// - Parameter endpoint: the engine's address, for the error.
    /// - Throws: `DockerError.transport` naming a file that cannot be read or holds no PEM of its kind.
    func clientConfiguration(endpoint: String) throws -> TLSConfiguration {
        var t = TLSConfiguration.makeClientConfiguration()
        if let caFile {
            t.trustRoots = .certificates(try read(caFile, as: "CA certificate", endpoint: endpoint, Self.certificates))
        }
        if let certFile, let keyFile {
            t.certificateChain = try read(certFile, as: "client certificate", endpoint: endpoint, Self.certificates).map { .certificate($0) }
            t.privateKey = .privateKey(try read(keyFile, as: "client key", endpoint: endpoint) { try NIOSSLPrivateKey(bytes: $0, format: .pem) })
        }
        if !verify { t.certificateVerification = .none }
        return t
    }

    /// Reads `path` and decodes it, naming the file (and what it should hold) in the error.
    private func read<T>(_ path: String, as what: String, endpoint: String, _ decode: ([UInt8]) throws -> T) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = access(path, R_OK) == 0 ? "not a readable file" : String(cString: strerror(errno)).lowercased()
            throw DockerError.transport(endpoint: endpoint, reason: "cannot read the TLS \(what) \(path): \(reason)")
        }
        do {
            return try decode(Array(data))
        } catch {
            throw DockerError.transport(endpoint: endpoint, reason: "the TLS \(what) \(path) is not PEM that it can use (\(error))")
        }
    }

    /// The certificates of a PEM file, at least one.
    /// - Throws: `NIOSSLError.failedToLoadCertificate` for a file without any.
    private static func certificates(_ pem: [UInt8]) throws -> [NIOSSLCertificate] {
        let list = try NIOSSLCertificate.fromPEMBytes(pem)
        guard !list.isEmpty else { throw NIOSSLError.failedToLoadCertificate }
        return list
    }
}
