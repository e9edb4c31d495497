import Foundation
import LabFixtures
import XCTest

/// The manager named by a docker context, with nothing but `DOCKER_CONFIG`: the lab's contexts
/// (`scripts/lab env --contexts`) and `docker context use lab-node1`, no `DOCKER_HOST`.
final class ContextEndToEndTests: XCTestCase {
    /// A private copy of the lab's DOCKER_CONFIG (so `docker context use` changes nobody else's)
    /// with `lab-node1` current.
    private func labContexts() throws -> String {
        _ = try E2E.labEnvironment()
        let lab = try Self.sh("'\(E2E.root.path)/scripts/lab' env --contexts")
        let line = try XCTUnwrap(lab.split(separator: "\n").first { $0.hasPrefix("export DOCKER_CONFIG=") }, lab)
        let shared = String(line.dropFirst("export DOCKER_CONFIG=".count))
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("swarmtop-ctx-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: shared + "/contexts", toPath: copy + "/contexts")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: copy) }
        XCTAssertEqual(try Self.sh("DOCKER_CONFIG='\(copy)' docker context use lab-node1"), "lab-node1")
        return copy
    }

    /// Output of `sh -c script` with `DOCKER_HOST`, `DOCKER_CONTEXT` and `SWARMTOP_NODE_HOSTS` unset;
    /// throws when it fails.
    private static func sh(_ script: String) throws -> String {
        try ChildProcess.output("/bin/sh", ["-c", "unset DOCKER_HOST DOCKER_CONTEXT SWARMTOP_NODE_HOSTS; " + script])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The binary with only these variables (and PATH, LANG, an empty config home); status, stdout, stderr.
    private func run(_ args: [String], _ environment: [String: String]) throws -> (status: Int32, out: String, err: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("swarmtop-home-\(UUID().uuidString)").path
        return try E2E.run(args, environment: environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                                                                   "LANG": "C.UTF-8", "HOME": home, "XDG_CONFIG_HOME": home + "/.config"]) { a, _ in a })
    }

    func testTheCurrentContextNamesTheLabManager() throws {
        let config = try labContexts()
        let printed = try run(["--print-config"], ["DOCKER_CONFIG": config])
        XCTAssertEqual(printed.status, 0, printed.err)
        XCTAssertTrue(printed.out.contains("# manager: unix:///run/swarmtop-lab/node1.sock from context lab-node1 "
                                           + "(current context in \(config)/config.json)"), printed.out)
        let snapshot = try run(["snapshot", "--format", "json"], ["DOCKER_CONFIG": config])
        XCTAssertEqual(snapshot.status, 0, snapshot.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(snapshot.out.utf8)) as? [String: Any])
        XCTAssertEqual(object["endpoint"] as? String, "unix:///run/swarmtop-lab/node1.sock")
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.compactMap { $0["hostname"] as? String }, ["node1", "node2"])
        // The docker CLI, with the same DOCKER_CONFIG, reaches the same engine: its node and API version.
        let cli = try Self.sh("DOCKER_CONFIG='\(config)' docker version --format '{{.Server.APIVersion}}'; "
                              + "DOCKER_CONFIG='\(config)' docker info --format '{{.Swarm.NodeID}}'").split(separator: "\n").map(String.init)
        XCTAssertEqual(object["api_version"] as? String, cli.first)
        XCTAssertEqual(nodes.first { $0["id"] as? String == cli.last }?["hostname"] as? String, "node1", "\(cli) \(nodes)")
    }

    func testTheDashboardsStatusLineNamesTheContext() throws {
        let config = try labContexts()
        let t = try Tmux("unset DOCKER_HOST DOCKER_CONTEXT SWARMTOP_NODE_HOSTS; '\(E2E.binary)' --pane services; sleep 60",
                         width: 140, height: 30, environment: ["DOCKER_CONFIG": config, "LANG": "C.UTF-8", "TERM": "tmux-256color"])
        try t.waitFor("the lab's services and the context in the status line") {
            $0.contains("lab_web") && $0.contains("unix:///run/swarmtop-lab/node1.sock (context lab-node1)")
        }
    }

    func testAContextFlagBeatsDockerHostAndAnUnknownOneExits64NamingTheFile() throws {
        let config = try labContexts()
        let flag = try run(["--print-config", "-c", "lab-node2"], ["DOCKER_CONFIG": config, "DOCKER_HOST": "unix:///nowhere.sock"])
        XCTAssertEqual(flag.status, 0, flag.err)
        XCTAssertTrue(flag.out.contains("# manager: unix:///run/swarmtop-lab/node2.sock from context lab-node2 (flag --context)"), flag.out)
        let unknown = try run(["snapshot", "--context", "nope"], ["DOCKER_CONFIG": config])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.err.contains("context \"nope\" does not exist: no \(config)/contexts/meta/"), unknown.err)
        XCTAssertTrue(unknown.err.contains("(from flag --context)"), unknown.err)
        let meta = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: config + "/contexts/meta")
            .map { "\(config)/contexts/meta/\($0)" }.first { $0.hasSuffix("/meta.json") && (try? String(contentsOfFile: $0, encoding: .utf8))?.contains("lab-node2") == true })
        try "{\"Name\": \"lab-node2\", ".write(toFile: meta, atomically: true, encoding: .utf8)
        let malformed = try run(["snapshot", "-c", "lab-node2"], ["DOCKER_CONFIG": config])
        XCTAssertEqual(malformed.status, 64)
        XCTAssertTrue(malformed.err.contains("\(meta): not a docker context's meta.json"), malformed.err)
        let both = try run(["snapshot", "-c", "lab-node1", "-H", "unix:///x.sock"], ["DOCKER_CONFIG": config])
        XCTAssertEqual(both.status, 64)
        XCTAssertTrue(both.err.contains("conflicting options: cannot specify both --host and --context"), both.err)
    }

    /// `:context NAME` switches the running dashboard to another swarm: here node1's engine again,
    /// but over TLS through a context of its own; an unknown name is refused and nothing changes.
    func testColonContextSwitchesTheRunningDashboard() throws {
        let config = try labContexts()
        let tls = try Self.sh("'\(E2E.root.path)/scripts/lab' env --tls")
        func value(_ name: String) throws -> String {
            let line = try XCTUnwrap(tls.split(separator: "\n").first { $0.hasPrefix("export \(name)=") }, tls)
            return String(line.dropFirst("export \(name)=".count))
        }
        let (host, certs) = (try value("DOCKER_HOST"), try value("DOCKER_CERT_PATH"))
        _ = try Self.sh("DOCKER_CONFIG='\(config)' docker context create lab-tls --docker "
                        + "'host=\(host),ca=\(certs)/ca.pem,cert=\(certs)/cert.pem,key=\(certs)/key.pem'")
        let t = try Tmux("unset DOCKER_HOST DOCKER_CONTEXT SWARMTOP_NODE_HOSTS; '\(E2E.binary)' --pane services; sleep 60",
                         width: 140, height: 30, environment: ["DOCKER_CONFIG": config, "LANG": "C.UTF-8", "TERM": "tmux-256color"])
        try t.waitFor("the lab through lab-node1") { $0.contains("lab_web") && $0.contains("(context lab-node1)") }
        try t.send(":", "context nope", "Enter")
        try t.waitFor("the unknown context refused") { $0.contains("not switched: context \"nope\" does not exist") }
        try t.send(":", "context lab-t", "Tab", "Enter")
        let screen = try t.waitFor("the lab through lab-tls") {
            $0.contains("lab_web") && $0.contains("\(host) (context lab-tls)") && $0.contains("context lab-tls")
        }
        XCTAssertFalse(screen.contains("(context lab-node1)"), screen)
    }
}
