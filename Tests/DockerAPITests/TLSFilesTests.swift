@testable import DockerAPI
import Foundation
import LabFixtures
import NIOSSL
import XCTest

/// Loading TLS files: each error names the file and what it should hold; verification is on
/// unless the files say otherwise.
final class TLSFilesTests: XCTestCase {
    private func directory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("h-tls-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// A CA made with openssl in `dir` (ca.pem).
    private func makeCA(in dir: String) throws {
        let result = try ChildProcess.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=test CA", "-keyout", dir + "/ca-key.pem", "-out", dir + "/ca.pem",
        ])
        XCTAssertEqual(result.status, 0, result.err)
    }

    private func clientError(_ tls: DockerEndpoint.TLSFiles) -> DockerError? {
        do {
            _ = try DockerClient(endpoint: DockerEndpoint(address: .tcp(host: "10.0.0.2", port: 2376), tls: tls))
            return nil
        } catch {
            return error as? DockerError
        }
    }

    func testAMissingCAFileIsNamed() throws {
        let dir = try directory()
        XCTAssertEqual(clientError(.init(certPath: dir, verify: true)),
                       .transport(endpoint: "tcp://10.0.0.2:2376", reason: "cannot read the TLS CA certificate \(dir)/ca.pem: no such file or directory"))
    }

    func testFilesThatAreNotPEMAreNamed() throws {
        let dir = try directory()
        try "not a certificate\n".write(toFile: dir + "/ca.pem", atomically: true, encoding: .utf8)
        guard case .transport(_, let reason)? = clientError(.init(certPath: dir, verify: true)) else { return XCTFail("accepted") }
        XCTAssertTrue(reason.hasPrefix("the TLS CA certificate \(dir)/ca.pem is not PEM that it can use"), reason)
        try makeCA(in: dir)
        try "junk\n".write(toFile: dir + "/key.pem", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: dir + "/ca.pem", toPath: dir + "/cert.pem")
        guard case .transport(_, let keyReason)? = clientError(.init(certPath: dir, verify: true)) else { return XCTFail("accepted") }
        XCTAssertTrue(keyReason.hasPrefix("the TLS client key \(dir)/key.pem is not PEM that it can use"), keyReason)
    }

    func testVerificationIsOnUnlessTurnedOff() throws {
        let dir = try directory()
        try makeCA(in: dir)
        let on = try DockerEndpoint.TLSFiles(certPath: dir, verify: true).clientConfiguration(endpoint: "e")
        XCTAssertEqual(on.certificateVerification, .fullVerification)
        XCTAssertTrue(on.certificateChain.isEmpty, "no cert.pem: no client certificate")
        let off = try DockerEndpoint.TLSFiles(certPath: dir, verify: false).clientConfiguration(endpoint: "e")
        XCTAssertEqual(off.certificateVerification, .none)
    }

    /// A handshake failure without an explanation of ours is named by BoringSSL's reason alone,
    /// not the whole error with its source path (the text is one seen from the lab).
    func testAnUnexplainedHandshakeFailureIsNamedByItsReason() {
        let text = "handshakeFailed(NIOSSL.BoringSSLError.sslError([Error: 268435703 error:100000f7:SSL routines:OPENSSL_internal:"
            + "NO_SHARED_CIPHER at /work/h-tls/.build/checkouts/swift-nio-ssl/Sources/CNIOBoringSSL/ssl/tls_record.cc:127]))"
        XCTAssertEqual(TLSDiagnosis.reasonName(text), "NO_SHARED_CIPHER")
        XCTAssertEqual(TLSDiagnosis.reasonName("something else"), "something else")
    }
}
