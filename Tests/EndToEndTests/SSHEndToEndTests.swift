import Foundation
import LabFixtures
import XCTest

/// The binary over ssh, set up the way README says: `eval "$(scripts/lab env --ssh)"`.
final class SSHEndToEndTests: XCTestCase {
    func testSnapshotOverSSHFillsEveryListAndLeavesNothingBehind() throws {
        try snapshotOverSSH(#"eval "$(scripts/lab env --ssh)" && exec "$0" snapshot --format json --timeout 20 --host "$DOCKER_HOST""#)
    }

    /// README's Done-when: every node's engine over ssh from one template, no `--node-host`.
    func testSnapshotWithAnSSHNodeHostTemplateFillsEveryNode() throws {
        let object = try snapshotOverSSH(#"eval "$(scripts/lab env --ssh)" && unset SWARMTOP_NODE_HOSTS && "#
            + #"exec "$0" snapshot --format json --timeout 20 --host "$DOCKER_HOST" --node-host-template 'ssh://root@{addr}'"#)
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.first { $0["hostname"] as? String == "node2" }?["engine_origin"] as? String, "template", "\(nodes)")
    }

    /// Runs `script` (with the binary as `$0`, from the repository) and checks the snapshot it
    /// prints: the lab's services and both nodes' containers over ssh, no error, no socket left.
    @discardableResult
    private func snapshotOverSSH(_ script: String) throws -> [String: Any] {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("h-ssh-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: tmp) }
        // The manager and both node engines over ssh://root@<node addr>, nothing over a local socket.
        let result = try ChildProcess.run("/bin/sh", ["-c", #"cd "$1" && shift && "# + script, E2E.binary, E2E.root.path], environment: [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TMPDIR": tmp, "LANG": "C.UTF-8",
        ])
        XCTAssertEqual(result.status, 0, result.err + result.out)
        let o = Data(result.out.utf8)

        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: o) as? [String: Any])
        XCTAssertEqual(object["endpoint"] as? String, "ssh://root@10.213.0.11")
        XCTAssertEqual((object["errors"] as? [Any])?.count, 0, "\(object["errors"] ?? "")")
        let services = try XCTUnwrap(object["services"] as? [[String: Any]])
        XCTAssertTrue(services.contains { $0["name"] as? String == "lab_web" }, "\(services)")
        let containers = try XCTUnwrap(object["containers"] as? [[String: Any]])
        XCTAssertEqual(Set(containers.compactMap { $0["node"] as? String }), ["node1", "node2"], "both node engines asked over ssh")
        // The private socket directories are gone once swarmtop has exited.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp), [])
        return object
    }
}
