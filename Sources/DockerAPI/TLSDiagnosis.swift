import Foundation
import NIOSSL

/// One-line reasons for TLS going wrong between swarmtop and an engine: what happened, and what
/// to change (the settings are the docker CLI's: `DOCKER_TLS_VERIFY`, `DOCKER_CERT_PATH`).
enum TLSDiagnosis {
    /// The reason a TLS connection to `endpoint` failed, or nil when `error` is no TLS failure.
    /// BoringSSL names its reasons in the error text (`WRONG_VERSION_NUMBER`,
    /// `CERTIFICATE_VERIFY_FAILED`, the alert the engine sent); swift-nio-ssl checks the name itself.
    /// - Parameters:
    ///   - error: what the HTTP client threw while connecting.
    ///   - endpoint: the engine's address and TLS files.
    ///   - validity: the engine certificate's validity, when `needsValidity` asked for it and
    ///     `TLSCertificateProbe` could read it.
    ///   - now: the time to hold it against.
    static func handshake(_ error: any Error, endpoint: DockerEndpoint, validity: TLSCertificateProbe.Validity? = nil,
                          now: Date = Date()) -> String? {
        guard let tls = endpoint.tls else { return nil }
        let failed = "tls handshake failed: "
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            let host = if case .tcp(let h, _) = endpoint.address { h } else { endpoint.description }
            return failed + "the engine's certificate is not for \(host) (its subjectAltName names other hosts): connect by a name or address it lists"
        }
        let sslError = error as? NIOSSLError
        let text = String(describing: error)
        func has(_ reasons: String...) -> Bool { reasons.contains { text.contains($0) } }
        if has("WRONG_VERSION_NUMBER", "HTTP_REQUEST") {
            return failed + "the engine speaks plain HTTP; use tcp:// without DOCKER_TLS_VERIFY, or its TLS port (usually 2376)"
        }
        if has("CERTIFICATE_VERIFY_FAILED") {
            if let validity, now > validity.notAfter {
                return failed + "the engine's certificate expired at \(validity.notAfter.formatted(.iso8601))"
            }
            if let validity, now < validity.notBefore {
                return failed + "the engine's certificate is not valid before \(validity.notBefore.formatted(.iso8601)) (is this machine's clock right?)"
            }
            let ca = tls.caFile.map { "the CA in \($0)" } ?? "a CA this system trusts"
            return failed + "certificate not signed by \(ca)" + (validity == nil ? " (or expired, or not yet valid)" : "")
        }
        if has("CERTIFICATE_REQUIRED", "BAD_CERTIFICATE", "UNKNOWN_CA", "UNSUPPORTED_CERTIFICATE", "CERTIFICATE_UNKNOWN") {
            guard let cert = tls.certFile else {
                let beside = tls.caFile.map { " (no cert.pem and key.pem beside \($0))" } ?? ""
                return failed + "the engine wants a client certificate (it runs with --tlsverify) and none was sent" + beside
            }
            return failed + "the engine refused the client certificate \(cert) (not signed by a CA it trusts, or not for client authentication)"
        }
        if has("EOF during handshake") || sslError == .uncleanShutdown {
            return failed + "the engine closed the connection (is this its TLS port?)"
        }
        if case .handshakeFailed? = sslError { return failed + reasonName(text) }
        return nil
    }

    /// True when `handshake` can say more about `error` with the engine certificate's validity:
    /// the certificate failed verification, which BoringSSL does not explain.
    static func needsValidity(_ error: any Error, endpoint: DockerEndpoint) -> Bool {
        endpoint.tls != nil && String(describing: error).contains("CERTIFICATE_VERIFY_FAILED")
    }

    /// BoringSSL's name for the reason in an error's text (`NO_SHARED_CIPHER` of
    /// `error:…:SSL routines:OPENSSL_internal:NO_SHARED_CIPHER at …/handshake.cc:320`), else the text.
    static func reasonName(_ text: String) -> String {
        guard let start = text.range(of: "OPENSSL_internal:")?.upperBound else { return text }
        return String(text[start...].prefix { $0 != " " && $0 != "]" && $0 != ")" })
    }

    /// What an engine's TLS listener answers a plain HTTP request with (Go's `net/http`).
    static let httpToHTTPS = "Client sent an HTTP request to an HTTPS server."

    /// The reason for an answer that means "this port wants TLS", or nil for any other answer.
    /// - Parameters:
    ///   - status: the HTTP status (400 for this answer).
    ///   - body: the answer's body.
    static func plainHTTPAnswer(status: Int, body: Data) -> String? {
        guard status == 400, String(decoding: body.prefix(200), as: UTF8.self).contains(httpToHTTPS) else { return nil }
        return "the engine wants TLS (\"\(httpToHTTPS)\"): set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH"
    }
}
