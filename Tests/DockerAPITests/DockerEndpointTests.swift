import DockerAPI
import XCTest

final class DockerEndpointTests: XCTestCase {
    func testUnixSocket() throws {
        let e = try DockerEndpoint(parsing: "unix:///run/swarmtop-lab/node1.sock")
        XCTAssertEqual(e.address, .unix(path: "/run/swarmtop-lab/node1.sock"))
        XCTAssertEqual(e.description, "unix:///run/swarmtop-lab/node1.sock")
    }

    func testTCPWithAndWithoutPort() throws {
        XCTAssertEqual(try DockerEndpoint(parsing: "tcp://10.0.0.2:2375").address, .tcp(host: "10.0.0.2", port: 2375))
        XCTAssertEqual(try DockerEndpoint(parsing: "tcp://manager").address, .tcp(host: "manager", port: 2375))
        XCTAssertEqual(try DockerEndpoint(parsing: "tcp://[::1]:2375").address, .tcp(host: "::1", port: 2375))
        XCTAssertEqual(try DockerEndpoint(parsing: "tcp://[::1]:2375").description, "tcp://[::1]:2375")
    }

    func testTLSFromEnvironmentSelectsPort2376AndFiles() throws {
        let env = ["DOCKER_HOST": "tcp://127.0.0.1", "DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/certs"]
        let e = try DockerEndpoint.fromEnvironment(env)
        XCTAssertEqual(e.address, .tcp(host: "127.0.0.1", port: 2376))
        XCTAssertEqual(e.tls?.caFile, "/certs/ca.pem")
        XCTAssertEqual(e.tls?.keyFile, "/certs/key.pem")
        XCTAssertEqual(e.tls?.verify, true)
    }

    func testDefaultIsTheLocalSocket() throws {
        XCTAssertEqual(try DockerEndpoint.fromEnvironment([:]), .defaultSocket)
    }

    func testMalformedEndpointsAreRefusedWithAReason() {
        for bad in ["unix://relative.sock", "tcp://:2375", "tcp://host:99999", "tcp://host:x", "https://host", "tcp://[::1", "tcp://::1]:2375"] {
            XCTAssertThrowsError(try DockerEndpoint(parsing: bad), bad) { error in
                guard case DockerError.invalidEndpoint(let s, let reason) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(s, bad)
                XCTAssertFalse(reason.isEmpty)
            }
        }
    }

    /// The CLI's opts/hosts.go: a host without a scheme is tcp (`DOCKER_HOST=10.0.0.1:2375`).
    func testBareHostAndPortMeansTCP() throws {
        XCTAssertEqual(try DockerEndpoint(parsing: "10.0.0.1:2375").address, .tcp(host: "10.0.0.1", port: 2375))
        XCTAssertEqual(try DockerEndpoint(parsing: "manager").address, .tcp(host: "manager", port: 2375))
        XCTAssertEqual(try DockerEndpoint(parsing: "[::1]:99").description, "tcp://[::1]:99")
        XCTAssertThrowsError(try DockerEndpoint(parsing: "\u{1B}[2Jx\u{202E}"), "controls are no host (url.Parse refuses them too)")
    }

    /// `ssh://[user@]host[:port]` is carried through (the CLI's connhelper/ssh.ParseURL).
    func testSSHIsParsedWithUserHostAndPort() throws {
        let e = try DockerEndpoint(parsing: "ssh://ops@manager:2222")
        XCTAssertEqual(e.address, .ssh(user: "ops", host: "manager", port: 2222))
        XCTAssertEqual(e.description, "ssh://ops@manager:2222")
        XCTAssertEqual(try DockerEndpoint(parsing: "ssh://manager").address, .ssh(user: nil, host: "manager", port: nil))
        XCTAssertEqual(try DockerEndpoint(parsing: "ssh://manager").description, "ssh://manager")
        for bad in ["ssh://user:secret@host", "ssh://host/path", "ssh://"] {
            XCTAssertThrowsError(try DockerEndpoint(parsing: bad), bad)
        }
    }
}
