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

    func testTLSFromEnvironmentTakesTheCertPathFiles() throws {
        let env = ["DOCKER_HOST": "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/certs"]
        let e = try DockerEndpoint.fromEnvironment(env)
        XCTAssertEqual(e.address, .tcp(host: "127.0.0.1", port: 2376))
        XCTAssertEqual(e.tls?.caFile, "/certs/ca.pem")
        XCTAssertEqual(e.tls?.verify, true)
        let files = DockerEndpoint.tlsFromEnvironment(env) { _ in true }
        XCTAssertEqual(files?.certFile, "/certs/cert.pem")
        XCTAssertEqual(files?.keyFile, "/certs/key.pem")
    }

    /// `DOCKER_TLS_VERIFY` or `DOCKER_TLS` set to anything (`0` too) turns TLS on, as in the docker
    /// CLI (cli/flags/options.go: `os.Getenv(...) != ""`); only `DOCKER_TLS_VERIFY` verifies.
    func testTLSIsOnWheneverTheDockerCLIWouldUseIt() {
        let cases: [([String: String], Bool?)] = [
            ([:], nil),
            (["DOCKER_TLS_VERIFY": ""], nil),
            (["DOCKER_TLS": ""], nil),
            (["DOCKER_TLS_VERIFY": "1"], true),
            (["DOCKER_TLS_VERIFY": "0"], true),
            (["DOCKER_TLS_VERIFY": "false"], true),
            (["DOCKER_TLS": "1"], false),
            (["DOCKER_TLS": "true"], false),
            (["DOCKER_TLS": "1", "DOCKER_TLS_VERIFY": "1"], true),
        ]
        for (env, verify) in cases {
            XCTAssertEqual(DockerEndpoint.tlsFromEnvironment(env)?.verify, verify, "\(env)")
        }
    }

    /// `http://` is plaintext: with TLS asked for it is refused, naming the variable and the fix.
    func testHTTPWithTLSAskedForIsRefused() {
        for variable in ["DOCKER_TLS_VERIFY", "DOCKER_TLS"] {
            let env = ["DOCKER_HOST": "http://10.0.0.2:2375", variable: "1", "DOCKER_CERT_PATH": "/certs"]
            XCTAssertThrowsError(try DockerEndpoint.fromEnvironment(env), variable) { error in
                guard case DockerError.invalidEndpoint(let s, let reason) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(s, "http://10.0.0.2:2375")
                XCTAssertEqual(reason, "http:// is plain HTTP, but \(variable) asks for TLS: use tcp://10.0.0.2:2375 for TLS, or unset \(variable) for plain HTTP")
            }
        }
        XCTAssertEqual(try DockerEndpoint(parsing: "http://10.0.0.2:2375").tls, nil, "plain HTTP when TLS is not asked for")
    }

    /// The CLI reads `tcp://host` as port 2375 with TLS too (`DOCKER_HOST=tcp://10.213.0.11
    /// DOCKER_TLS_VERIFY=1 docker version`: "Cannot connect to the Docker daemon at
    /// tcp://10.213.0.11:2375"); with no `DOCKER_HOST`, TLS means tcp://localhost:2376.
    func testDefaultPortsAreTheDockerCLIs() throws {
        let tls = ["DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/certs"]
        let e = try DockerEndpoint.fromEnvironment(tls.merging(["DOCKER_HOST": "tcp://10.0.0.2"]) { a, _ in a })
        XCTAssertEqual(e.address, .tcp(host: "10.0.0.2", port: 2375))
        XCTAssertNotNil(e.tls)
        let local = try DockerEndpoint.fromEnvironment(tls)
        XCTAssertEqual(local.description, "tcp://localhost:2376")
        XCTAssertEqual(local.tls?.verify, true)
    }

    /// `DOCKER_CERT_PATH`, else `DOCKER_CONFIG`, else `~/.docker` (cli/flags/options.go: the
    /// cert path defaults to config.Dir()).
    func testCertPathDefaultsToTheConfigDirectory() {
        XCTAssertEqual(DockerEndpoint.tlsFromEnvironment(["DOCKER_TLS_VERIFY": "1", "DOCKER_CONFIG": "/cfg", "HOME": "/h"])?.caFile, "/cfg/ca.pem")
        XCTAssertEqual(DockerEndpoint.tlsFromEnvironment(["DOCKER_TLS_VERIFY": "1", "HOME": "/h"])?.caFile, "/h/.docker/ca.pem")
        XCTAssertEqual(DockerEndpoint.tlsFromEnvironment(["DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/c", "DOCKER_CONFIG": "/cfg"])?.caFile, "/c/ca.pem")
    }

    /// Without cert.pem and key.pem both in the directory no client certificate is sent (the CLI
    /// drops a default cert or key file that does not exist); ca.pem is always taken.
    func testClientCertificateOnlyWhenBothFilesExist() {
        let only: (Set<String>) -> DockerEndpoint.TLSFiles = { present in
            DockerEndpoint.TLSFiles(certPath: "/c", verify: true) { present.contains($0) }
        }
        XCTAssertEqual(only(["/c/cert.pem", "/c/key.pem"]).certFile, "/c/cert.pem")
        XCTAssertEqual(only(["/c/cert.pem", "/c/key.pem"]).keyFile, "/c/key.pem")
        XCTAssertNil(only(["/c/cert.pem"]).certFile)
        XCTAssertNil(only(["/c/cert.pem"]).keyFile)
        XCTAssertNil(only([]).certFile)
        XCTAssertEqual(only([]).caFile, "/c/ca.pem")
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
