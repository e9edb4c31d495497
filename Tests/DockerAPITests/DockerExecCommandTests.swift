import XCTest
@testable import DockerAPI

/// The docker CLI command line of `e` for each kind of endpoint.
final class DockerExecCommandTests: XCTestCase {
    func testUnixSocket() throws {
        let endpoint = try DockerEndpoint(parsing: "unix:///run/swarmtop-lab/node2.sock")
        XCTAssertEqual(DockerExecCommand.arguments(endpoint: endpoint, containerID: "c0ffee", command: ["sh"]),
                       ["--host", "unix:///run/swarmtop-lab/node2.sock", "exec", "-it", "c0ffee", "sh"])
    }

    func testTCPWithTLSGivesTheFiles() throws {
        let tls = DockerEndpoint.TLSFiles(certPath: "/certs", verify: true, fileExists: { _ in true })
        let endpoint = try DockerEndpoint(parsing: "tcp://10.0.0.2:2376", tls: tls)
        XCTAssertEqual(DockerExecCommand.arguments(endpoint: endpoint, containerID: "c0ffee", command: ["sh", "-c", "echo a b"]),
                       ["--host", "tcp://10.0.0.2:2376", "--tlsverify", "--tlscacert", "/certs/ca.pem", "--tlscert", "/certs/cert.pem",
                        "--tlskey", "/certs/key.pem", "exec", "-it", "c0ffee", "sh", "-c", "echo a b"])
        let unverified = DockerEndpoint(address: .tcp(host: "node2", port: 2376),
                                        tls: .init(caFile: nil, certFile: nil, keyFile: nil, verify: false))
        XCTAssertEqual(DockerExecCommand.arguments(endpoint: unverified, containerID: "c0ffee", command: ["hostname"]),
                       ["--host", "tcp://node2:2376", "--tls", "exec", "-it", "c0ffee", "hostname"])
        let plain = try DockerEndpoint(parsing: "tcp://node2:2375")
        XCTAssertEqual(DockerExecCommand.arguments(endpoint: plain, containerID: "c0ffee", command: ["sh"]),
                       ["--host", "tcp://node2:2375", "exec", "-it", "c0ffee", "sh"])
    }

    func testSSH() throws {
        let endpoint = try DockerEndpoint(parsing: "ssh://ops@node2:2222")
        XCTAssertEqual(DockerExecCommand.arguments(endpoint: endpoint, containerID: "c0ffee", command: ["sh"]),
                       ["--host", "ssh://ops@node2:2222", "exec", "-it", "c0ffee", "sh"])
    }

    func testTheEnvironmentLosesWhatWouldChooseAnotherEngine() {
        let environment = ["DOCKER_HOST": "tcp://elsewhere:2375", "DOCKER_CONTEXT": "prod", "DOCKER_TLS_VERIFY": "1",
                           "DOCKER_CERT_PATH": "/x", "DOCKER_TLS": "1", "DOCKER_CONFIG": "/cfg", "PATH": "/bin", "TERM": "xterm"]
        XCTAssertEqual(DockerExecCommand.environment(environment), ["DOCKER_CONFIG=/cfg", "PATH=/bin", "TERM=xterm"])
    }
}
