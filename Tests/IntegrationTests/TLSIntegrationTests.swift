import DockerAPI
import Foundation
import XCTest

/// swarmtop's client against the lab's real TLS listeners (dockerd --tlsverify on tcp://ADDR:2376,
/// see `LabTLS`): it works with the right certificates and fails closed, with a reason that says
/// what to change, with wrong ones and with TLS on the wrong side.
final class TLSIntegrationTests: XCTestCase {
    /// The error `client` throws when asked for `/_ping`'s version; fails the test when it answers.
    private func failure(_ endpoint: DockerEndpoint, file: StaticString = #filePath, line: UInt = #line) async throws -> DockerError {
        let client = try DockerClient(endpoint: endpoint, timeout: 5)
        defer { Task { await client.shutdown() } }
        do {
            let v = try await client.apiVersion()
            XCTFail("\(endpoint) answered (API \(v))", file: file, line: line)
            throw CancellationError()
        } catch let error as DockerError {
            return error
        }
    }

    /// A TLS endpoint of the manager with the files of `dir`.
    private func manager(certPath dir: String) throws -> DockerEndpoint {
        var env = try LabTLS.environment()
        env["DOCKER_CERT_PATH"] = dir
        return try DockerEndpoint.fromEnvironment(env)
    }

    func testTheLabsCertificatesListServicesOverTLS() async throws {
        let endpoint = try LabTLS.manager()
        XCTAssertEqual(endpoint.tls?.verify, true)
        XCTAssertNotNil(endpoint.tls?.certFile)
        let client = try DockerClient(endpoint: endpoint, timeout: 10)
        defer { Task { await client.shutdown() } }
        let services = try await client.services().map(\.spec.name)
        XCTAssertTrue(services.contains("lab_web"), "\(services)")
        // Every node engine too: SWARMTOP_NODE_HOSTS of `env --tls` name the TLS listeners.
        for pair in try LabTLS.environment()["SWARMTOP_NODE_HOSTS"]!.split(separator: ",") {
            let hostname = String(pair.prefix { $0 != "=" }), url = String(pair.drop { $0 != "=" }.dropFirst())
            let node = try DockerClient(endpoint: DockerEndpoint(parsing: url, tls: endpoint.tls), timeout: 10)
            defer { Task { await node.shutdown() } }
            let name = try await node.info().name
            XCTAssertEqual(name, hostname)
        }
    }

    func testACertificateNotSignedByTheCAIsRefusedNamingTheCAFile() async throws {
        let dir = try LabTLS.temporaryDirectory(self)
        try LabTLS.makeCA(in: dir)
        try LabTLS.copyLabFiles(["cert.pem", "key.pem"], to: dir)
        let error = try await failure(try manager(certPath: dir))
        XCTAssertEqual(error.description, "\(try LabTLS.manager()): tls handshake failed: certificate not signed by the CA in \(dir)/ca.pem")
    }

    /// BoringSSL says only CERTIFICATE_VERIFY_FAILED for a certificate signed by the right CA but
    /// out of date: swarmtop looks at its dates (an openssl s_server with such a certificate).
    func testAnExpiredOrNotYetValidCertificateSaysWhen() async throws {
        let cases = [("20200101000000Z", "20200102000000Z", "the engine's certificate expired at 2020-01-02T00:00:00Z"),
                     ("20990101000000Z", "20990102000000Z", "the engine's certificate is not valid before 2099-01-01T00:00:00Z (is this machine's clock right?)")]
        for (start, end, reason) in cases {
            let dir = try LabTLS.temporaryDirectory(self)
            try LabTLS.makeCA(in: dir)
            try LabTLS.makeServerCertificate(in: dir, start: start, end: end)
            let port = try LabTLS.tlsServer(certificateIn: dir, self)
            let tls = DockerEndpoint.TLSFiles(caFile: dir + "/ca.pem", certFile: nil, keyFile: nil, verify: true)
            let error = try await failure(DockerEndpoint(address: .tcp(host: "127.0.0.1", port: port), tls: tls))
            XCTAssertEqual(error.description, "tcp://127.0.0.1:\(port): tls handshake failed: " + reason)
        }
    }

    func testPlainHTTPToTheTLSPortSaysToTurnTLSOn() async throws {
        let address = try LabTLS.managerAddress()
        let error = try await failure(try DockerEndpoint(parsing: "tcp://" + address))
        XCTAssertEqual(error.description, "tcp://\(address): the engine wants TLS (\"Client sent an HTTP request to an HTTPS server.\"): "
                       + "set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH")
    }

    /// node1's engine through a plain TCP relay to its unix socket: a real engine speaking plain HTTP on tcp.
    func testTLSToAPlainHTTPPortSaysItSpeaksPlainHTTP() async throws {
        let socket = String(try Lab.managerURL().dropFirst("unix://".count))
        let port = try LabTLS.relay(to: socket, self)
        let plain = try DockerClient(endpoint: DockerEndpoint(parsing: "tcp://127.0.0.1:\(port)"), timeout: 5)
        defer { Task { await plain.shutdown() } }
        let name = try await plain.info().name
        XCTAssertEqual(name, "node1", "the relay reaches the engine in plain HTTP")
        let tls = try LabTLS.manager().tls
        let error = try await failure(try DockerEndpoint(parsing: "tcp://127.0.0.1:\(port)", tls: tls))
        XCTAssertEqual(error.description, "tcp://127.0.0.1:\(port): tls handshake failed: the engine speaks plain HTTP; "
                       + "use tcp:// without DOCKER_TLS_VERIFY, or its TLS port (usually 2376)")
    }

    /// The lab's engine reached as 127.0.0.1 (a relay to its TLS port): its certificate names 10.213.0.11 and node1 only.
    func testACertificateForAnotherNameIsRefused() async throws {
        let port = try LabTLS.relay(to: try LabTLS.managerAddress(), self)
        let error = try await failure(try DockerEndpoint(parsing: "tcp://127.0.0.1:\(port)", tls: try LabTLS.manager().tls))
        XCTAssertEqual(error.description, "tcp://127.0.0.1:\(port): tls handshake failed: the engine's certificate is not for 127.0.0.1 "
                       + "(its subjectAltName names other hosts): connect by a name or address it lists")
    }

    func testNoClientCertificateSaysTheEngineWantsOne() async throws {
        let dir = try LabTLS.temporaryDirectory(self)
        try LabTLS.copyLabFiles(["ca.pem"], to: dir)
        let endpoint = try manager(certPath: dir)
        XCTAssertNil(endpoint.tls?.certFile, "no cert.pem: none is sent, as the docker CLI does")
        let error = try await failure(endpoint)
        XCTAssertEqual(error.description, "\(endpoint): tls handshake failed: the engine wants a client certificate "
                       + "(it runs with --tlsverify) and none was sent (no cert.pem and key.pem beside \(dir)/ca.pem)")
    }

    func testAClientCertificateTheEngineDoesNotTrustIsNamed() async throws {
        let dir = try LabTLS.temporaryDirectory(self)
        try LabTLS.makeCA(in: dir)
        try LabTLS.makeClientCertificate(in: dir)
        try FileManager.default.removeItem(atPath: dir + "/ca.pem")
        try LabTLS.copyLabFiles(["ca.pem"], to: dir)
        let endpoint = try manager(certPath: dir)
        let error = try await failure(endpoint)
        XCTAssertEqual(error.description, "\(endpoint): tls handshake failed: the engine refused the client certificate "
                       + "\(dir)/cert.pem (not signed by a CA it trusts, or not for client authentication)")
    }
}
