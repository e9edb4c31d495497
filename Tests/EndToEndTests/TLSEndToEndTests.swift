import Foundation
import LabFixtures
import XCTest

extension E2E {
    /// A CA that is not the lab's (`ca.pem`, `ca-key.pem` in `dir`), made with openssl.
    static func makeOtherCA(in dir: String) throws {
        _ = try ChildProcess.output("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=not the lab CA", "-keyout", dir + "/ca-key.pem", "-out", dir + "/ca.pem",
        ])
    }

    /// What `scripts/lab env --tls` exports (the lab's engines over TLS) plus LANG and TERM.
    static func labTLSEnvironment() throws -> [String: String] {
        let text = try ChildProcess.run(root.appendingPathComponent("scripts/lab").path, ["env", "--tls"]).out
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color"]
        for line in text.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { env[String(pair[0])] = String(pair[1]) }
        }
        guard env["DOCKER_TLS_VERIFY"] == "1", env["DOCKER_CERT_PATH"] != nil else {
            XCTFail("scripts/lab env --tls printed no TLS environment: \(text)")
            throw CancellationError()
        }
        return env
    }
}

/// The binary over TLS: the lab's TLS listeners (`scripts/lab env --tls`), and plaintext refused.
extension CommandLineEndToEndTests {
    func testHTTPWithDockerTLSVerifyIsRefusedAtStartUp() throws {
        for args in [["--print-config"], ["snapshot"]] {
            let result = try run(args, environment: ["DOCKER_HOST": "http://10.213.0.11:2376", "DOCKER_TLS_VERIFY": "1",
                                                     "DOCKER_CERT_PATH": "/nonexistent"])
            XCTAssertEqual(result.status, 64, "\(args): \(result.err)")
            XCTAssertTrue(result.err.contains("invalid endpoint \"http://10.213.0.11:2376\": http:// is plain HTTP, but DOCKER_TLS_VERIFY "
                                              + "asks for TLS: use tcp://10.213.0.11:2376 for TLS, or unset DOCKER_TLS_VERIFY for plain HTTP"),
                          "\(args): \(result.err)")
        }
    }

    func testSnapshotOverTLSFillsEveryList() throws {
        let env = try E2E.labTLSEnvironment()
        XCTAssertTrue(env["DOCKER_HOST"]?.hasPrefix("tcp://") == true)
        let result = try run(["snapshot", "--format", "json"], environment: env)
        XCTAssertEqual(result.status, 0, result.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        XCTAssertEqual(object["endpoint"] as? String, env["DOCKER_HOST"])
        let services = try XCTUnwrap(object["services"] as? [[String: Any]])
        XCTAssertTrue(services.contains { $0["name"] as? String == "lab_web" }, "\(services)")
        let containers = try XCTUnwrap(object["containers"] as? [[String: Any]])
        XCTAssertEqual(Set(containers.compactMap { $0["node"] as? String }), ["node1", "node2"], "both node engines over TLS")
        XCTAssertEqual((object["errors"] as? [Any])?.count, 0, "\(object["errors"] ?? "")")
    }

    func testSnapshotWithTheWrongCANamesTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("h-tls-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        var env = try E2E.labTLSEnvironment()
        try E2E.makeOtherCA(in: dir)
        for name in ["cert.pem", "key.pem"] { try FileManager.default.copyItem(atPath: env["DOCKER_CERT_PATH"]! + "/" + name, toPath: dir + "/" + name) }
        env["DOCKER_CERT_PATH"] = dir
        env["SWARMTOP_NODE_HOSTS"] = nil
        let result = try run(["snapshot", "--timeout", "5"], environment: env)
        XCTAssertEqual(result.status, 1, result.err)
        let host = env["DOCKER_HOST"]!
        XCTAssertTrue(result.out.contains("error: manager (\(host)): \(host): tls handshake failed: certificate not signed by the CA in \(dir)/ca.pem"),
                      result.out)
    }
}

/// The dashboard in tmux over the lab's TLS listeners.
final class TLSDashboardEndToEndTests: XCTestCase {
    func testTheDashboardFillsOverTLS() throws {
        let t = try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; sleep 60", environment: try E2E.labTLSEnvironment())
        try t.waitFor("both nodes, node1 leading") { $0.contains("node1") && $0.contains("node2") && $0.contains("Leader") }
        try t.send("2")
        try t.waitFor("lab_web") { $0.contains("lab_web") && $0.contains("lab_scribbler") }
        try t.send("4")
        try t.waitFor("writable layers from both node engines over TLS", timeout: 40) {
            $0.range(of: #"B \(virtual [0-9.]+[kMG]?B\)"#, options: .regularExpression) != nil && $0.contains("node2")
        }
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testAWrongCAIsNamedOnTheStatusLine() throws {
        let dir = "/tmp/htls-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        var env = try E2E.labTLSEnvironment()
        try E2E.makeOtherCA(in: dir)
        env["DOCKER_CERT_PATH"] = dir
        env["SWARMTOP_NODE_HOSTS"] = nil
        let t = try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; sleep 60", width: 240, environment: env)
        let screen = try t.waitFor("the CA named") { $0.contains("certificate not signed by the CA in \(dir)/ca.pem") }
        XCTAssertTrue(screen.contains("tls handshake failed"), screen)
        try t.send("q")
        try t.waitFor("exit=0")
    }
}
