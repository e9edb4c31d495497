import DockerAPI
import XCTest

/// `ssh://[user@]host[:port]` as the docker CLI parses it (cli/connhelper/ssh: no password,
/// no query, no fragment, a host required).
final class SSHEndpointTests: XCTestCase {
    func testUserHostAndPortAreKeptAsGiven() throws {
        for s in ["ssh://root@10.213.0.11", "ssh://root@10.213.0.11:2222", "ssh://manager", "ssh://ops@[fd00::1]:22"] {
            XCTAssertEqual(try DockerEndpoint(parsing: s).description, s)
        }
    }

    func testTheUserHostAndPortAreSeparated() throws {
        XCTAssertEqual(try DockerEndpoint(parsing: "ssh://ops@node-1.example:2222").address,
                       .ssh(user: "ops", host: "node-1.example", port: 2222))
        XCTAssertEqual(try DockerEndpoint(parsing: "ssh://node-1").address, .ssh(user: nil, host: "node-1", port: nil))
        XCTAssertEqual(try DockerEndpoint(parsing: "ssh://ops@[fd00::1]").address, .ssh(user: "ops", host: "fd00::1", port: nil))
        XCTAssertEqual(try DockerEndpoint(parsing: "ssh://root@host/").address, .ssh(user: "root", host: "host", port: nil))
    }

    func testWhatTheCLIRefusesIsRefusedWithItsReason() {
        let cases = [
            "ssh://root:secret@host": "plain-text password",
            "ssh://root@": "no host",
            "ssh://root@host?x=1": "query",
            "ssh://root@host#frag": "fragment",
            "ssh://root@host:0": "port",
            "ssh://root@host:ssh": "port",
            "ssh://root@host/var/run/other.sock": "socket path",
        ]
        for (bad, word) in cases {
            XCTAssertThrowsError(try DockerEndpoint(parsing: bad), bad) { error in
                guard case DockerError.invalidEndpoint(let s, let reason) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(s, bad)
                XCTAssertTrue(reason.contains(word), "\(bad): \(reason)")
            }
        }
    }
}
