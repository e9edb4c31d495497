import Foundation
import XCTest

/// `--node-host-template` on the lab: every node's engine from one setting, nothing per node.
final class NodeHostTemplateEndToEndTests: XCTestCase {
    /// The lab's manager only: no `SWARMTOP_NODE_HOSTS`.
    private func managerOnly() throws -> [String: String] {
        var env = try E2E.labEnvironment()
        env["SWARMTOP_NODE_HOSTS"] = nil
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return env
    }

    private func snapshot(_ args: [String]) throws -> [String: Any] {
        let result = try E2E.run(["snapshot", "--format", "json"] + args, environment: try managerOnly())
        XCTAssertEqual(result.status, 0, result.err)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any], result.out)
    }

    /// A folder of sockets by node hostname: node1's links to its lab engine, node2's to nothing.
    private func halfDeadSockets() throws -> String {
        let dir = "/tmp/h-nodes-e2e-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/node1.sock", withDestinationPath: "/run/swarmtop-lab/node1.sock")
        try FileManager.default.createSymbolicLink(atPath: dir + "/node2.sock", withDestinationPath: dir + "/gone.sock")
        return dir
    }

    func testTheTemplateAloneReachesEveryNodesEngine() throws {
        let object = try snapshot(["--node-host-template", "unix:///run/swarmtop-lab/{hostname}.sock"])
        let containers = try XCTUnwrap(object["containers"] as? [[String: Any]])
        XCTAssertEqual(Set(containers.compactMap { $0["node"] as? String }), ["node1", "node2"], "both node engines asked")
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.map { $0["engine"] as? String }, ["engine: ok", "engine: ok"], "\(nodes)")
        XCTAssertEqual(nodes.map { $0["engine_origin"] as? String }, ["template", "template"])
        XCTAssertEqual((object["errors"] as? [Any])?.count, 0, "\(object["errors"] ?? "")")
    }

    func testANodeWhoseTemplatedSocketIsDeadIsUnreachableWhileTheRestWorks() throws {
        let dir = try halfDeadSockets()
        let object = try snapshot(["--node-host-template", "unix://\(dir)/{hostname}.sock", "--timeout", "2"])
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        let engine = Dictionary(uniqueKeysWithValues: nodes.map { ($0["hostname"] as? String ?? "", $0["engine"] as? String ?? "") })
        XCTAssertEqual(engine["node1"], "engine: ok")
        XCTAssertTrue(engine["node2"]?.hasPrefix("unreachable: cannot reach unix://\(dir)/node2.sock") ?? false, "\(engine)")
        let containers = try XCTUnwrap(object["containers"] as? [[String: Any]])
        XCTAssertEqual(Set(containers.compactMap { $0["node"] as? String }), ["node1"])
    }

    func testWithoutAnySettingOtherNodesAreNotConfigured() throws {
        let object = try snapshot([])
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.map { $0["engine"] as? String }, ["engine: ok", "not configured"], "\(nodes)")
        XCTAssertEqual(nodes.map { $0["engine_origin"] as? String }, ["manager", nil])
    }

    func testAMalformedTemplateExits64() throws {
        let result = try E2E.run(["snapshot", "--node-host-template", "ssh://ops@{host}"], environment: try managerOnly())
        XCTAssertEqual(result.status, 64, result.err)
        XCTAssertTrue(result.err.contains("unknown placeholder {host} in node host template \"ssh://ops@{host}\": use {hostname}, {addr} or {id} "
                                          + "(from flag --node-host-template)"), result.err)
        var env = try managerOnly()
        env["SWARMTOP_NODE_HOST_TEMPLATE"] = "tcp://{addr"
        let fromEnv = try E2E.run(["--print-config"], environment: env)
        XCTAssertEqual(fromEnv.status, 64, fromEnv.err)
        XCTAssertTrue(fromEnv.err.contains("(from environment SWARMTOP_NODE_HOST_TEMPLATE)"), fromEnv.err)
    }

    /// (The tmux server may hold the lab's `SWARMTOP_NODE_HOSTS` from whoever started it: `env -u` drops it.)
    func testTheDashboardShowsEachNodesEngineAndBothNodesContainers() throws {
        let dir = try halfDeadSockets()
        var env = try managerOnly()
        env["SWARMTOP_NODE_HOST_TEMPLATE"] = "unix://\(dir)/{hostname}.sock"
        let t = try Tmux("env -u SWARMTOP_NODE_HOSTS '\(E2E.binary)' --timeout 2; sleep 60", width: 200, environment: env)
        let nodes = try t.waitFor("node1 ok, node2 unreachable") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("node1") && $0.contains(" ok ") }
                && screen.split(separator: "\n").contains { $0.hasPrefix("node2") && $0.contains("unreachable: cannot") }
        }
        XCTAssertTrue(nodes.contains("ENGINE"), nodes)
        try t.send("?")
        try t.waitFor("the help says how to name the engines") { $0.contains("--node-host-template ssh://user@{hostname}") }
        try t.send("q")

        // The whole lab through the template alone: both nodes' containers, both engines ok.
        let all = try Tmux("env -u SWARMTOP_NODE_HOSTS '\(E2E.binary)'; sleep 60", width: 200,
                           environment: env.merging(["SWARMTOP_NODE_HOST_TEMPLATE": "unix:///run/swarmtop-lab/{hostname}.sock"]) { _, b in b })
        try all.waitFor("both engines ok") { screen in
            screen.split(separator: "\n").filter { ($0.hasPrefix("node1") || $0.hasPrefix("node2")) && $0.contains(" ok ") }.count == 2
        }
        try all.send("4")
        try all.waitFor("containers of both nodes") { screen in
            let rows = screen.split(separator: "\n")
            return rows.contains { $0.contains("lab_agent") && $0.contains("node1") } && rows.contains { $0.contains("lab_agent") && $0.contains("node2") }
        }
        try all.send("q")
    }
}
