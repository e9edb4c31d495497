import DockerAPI
import Foundation
import LabFixtures
import SwarmState
import XCTest

/// Manager failover and a partitioned node on a lab of 3 managers: lab instance 1
/// (`SWARMTOP_LAB_INSTANCE=1 scripts/lab up --nodes 3 --managers 3`, brought up by the tests
/// themselves, idempotent), never the default lab the other tests share.
final class FailoverIntegrationTests: XCTestCase {
    /// The refresh engine on the instance's engines, with every snapshot it published.
    private final class Watch: @unchecked Sendable {
        let engine: RefreshEngine
        let connections: Connections
        private let lock = NSLock()
        private var published: [ClusterSnapshot] = []
        private var task: Task<Void, Never>?

        init(_ connections: Connections) {
            self.connections = connections
            engine = RefreshEngine(connections: connections, intervals: .init(poll: 2, sizes: 60, eventIdle: 10))
            task = Task { [engine] in await engine.run { snapshot in self.lock.withLock { self.published.append(snapshot) } } }
        }

        var snapshots: [ClusterSnapshot] { lock.withLock { published } }
        var last: ClusterSnapshot? { snapshots.last }

        func stop() async {
            task?.cancel()
            await task?.value
            await connections.shutdown()
        }
    }

    /// The first published snapshot (from index `from` on) that satisfies `done`, within `seconds`.
    private func wait(_ watch: Watch, _ seconds: TimeInterval, from: Int = 0, _ what: String,
                      _ done: (ClusterSnapshot) -> Bool) async throws -> ClusterSnapshot {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let hit = watch.snapshots.dropFirst(from).first(where: done) { return hit }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw Lab.Missing(description: "not within \(seconds) s: \(what); last snapshot: endpoint \(watch.last?.endpoint ?? "-"), "
                          + "error \(watch.last?.error ?? "none")")
    }

    /// A snapshot with the whole swarm: 3 nodes, the stack's services and their tasks, every engine listed.
    private static func complete(_ s: ClusterSnapshot) -> Bool {
        s.refreshedAt != nil && s.error == nil && s.nodes.count == 3 && s.services.count >= 5 && !s.tasks.isEmpty
            && s.engines.count == 3 && s.engines.allSatisfy { $0.listedAt != nil }
    }

    func testKillingTheManagerMovesToAnotherWithinSecondsKeepingEveryRow() async throws {
        let lab = try FailoverLab.up()
        let nodes = try lab.unix.map { ($0.0, try DockerEndpoint(parsing: $0.1)) }
        // The first manager named; the others are found in /nodes, through the nodes' engines.
        let connections = try Connections(manager: nodes[0].1, nodeHosts: nodes, timeout: 3)
        let watch = Watch(connections)
        var killed = false
        do {
            // Every manager reachable and ready first: just after another test healed a partition,
            // a manager may still be catching up, and killing the leader then leaves no quorum
            // (seen: "The swarm does not have a leader" for over a minute).
            let before = try await wait(watch, 120, "a complete snapshot on node1, every manager reachable") { s in
                Self.complete(s) && s.nodes.allSatisfy { $0.status?.state == "ready" && ($0.managerStatus.map { $0.reachability == "reachable" } ?? true) }
            }
            let seen = watch.snapshots.count
            let started = Date()
            try FailoverLab.killEngine(1)
            killed = true
            let moved = try await wait(watch, 20, from: seen, "a move to another manager") { $0.managerChange != nil }
            let took = Date().timeIntervalSince(started)
            print("failover: moved \(String(format: "%.1f", took)) s after node1's dockerd was killed: \(moved.managerChange?.text ?? "")")
            XCTAssertLessThan(took, 15)
            XCTAssertTrue([nodes[1].1.description, nodes[2].1.description].contains(moved.endpoint), moved.endpoint)
            let text = try XCTUnwrap(moved.managerChange?.text)
            XCTAssertTrue(text.hasPrefix("manager node1 (\(nodes[0].1)) stopped answering ("), text)
            XCTAssertTrue(text.hasSuffix(": now node2 (\(nodes[1].1))") || text.hasSuffix(": now node3 (\(nodes[2].1))"), text)
            // Nothing was cleared meanwhile: every snapshot since the kill holds every node, service and task.
            for s in watch.snapshots.dropFirst(seen) {
                XCTAssertEqual(Set(s.nodes.map(\.id)), Set(before.nodes.map(\.id)))
                XCTAssertEqual(Set(s.services.map(\.id)), Set(before.services.map(\.id)))
                XCTAssertFalse(s.tasks.isEmpty)
            }
            // A new manager answers a whole round (node1 then listed down) and its event stream is
            // open. It may not be the first one moved to: one picked while the others were still
            // electing a leader (it answered /_ping alone) can fail in turn, and swarmtop moves on.
            let after = try await wait(watch, 60, from: seen, "a full round from another manager with node1 down") { s in
                s.endpoint != nodes[0].1.description && s.managerChange?.to == s.endpoint && s.error == nil
                    && (s.refreshedAt ?? .distantPast) > moved.managerChange!.at
                    && s.nodes.first { $0.hostname == "node1" }?.status?.state == "down"
            }
            XCTAssertEqual(Set(after.services.map(\.id)), Set(before.services.map(\.id)))
            let streams = await watch.engine.counters.streamsOpen
            XCTAssertTrue(streams.contains(after.endpoint), "event streams open: \(streams)")
            XCTAssertEqual(connections.manager.endpoint.description, after.endpoint, "actions go to the new manager")
            let failovers = await watch.engine.counters.failovers
            XCTAssertGreaterThanOrEqual(failovers, 1)
        } catch {
            await watch.stop()
            if killed { try FailoverLab.lab(["restart-node", "1"]) }
            throw error
        }
        await watch.stop()
        try FailoverLab.lab(["restart-node", "1"])
    }

    func testAPartitionedNodeIsShownDownWithItsEngineUnreachableAndComesBack() async throws {
        let lab = try FailoverLab.up()
        // Node engines over TLS (tcp://ADDR:2376): a node cut off from the bridge is out of reach too.
        let tls = DockerEndpoint.tlsFromEnvironment(lab.tlsEnvironment)
        let nodes = try lab.tls.map { ($0.0, try DockerEndpoint(parsing: $0.1, tls: tls)) }
        let connections = try Connections(manager: try DockerEndpoint(parsing: lab.unix[0].1), nodeHosts: nodes, timeout: 3)
        let watch = Watch(connections)
        var partitioned = false
        do {
            _ = try await wait(watch, 60, "a complete snapshot", Self.complete)
            let seen = watch.snapshots.count
            try FailoverLab.lab(["partition-node", "3"])
            partitioned = true
            let started = Date()
            let down = try await wait(watch, 60, from: seen, "node3 down, its engine unreachable") { s in
                s.nodes.first { $0.hostname == "node3" }?.status?.state == "down"
                    && s.engines.first { $0.hostname == "node3" }?.error != nil
            }
            print("partition: node3 shown down \(String(format: "%.1f", Date().timeIntervalSince(started))) s after its veth went down; "
                  + "its engine: \(down.engines.first { $0.hostname == "node3" }?.error ?? "")")
            XCTAssertTrue(down.engines.first { $0.hostname == "node3" }?.error?.contains("10.213.1.13") ?? false)
            XCTAssertEqual(down.engines.filter { $0.error != nil }.map(\.hostname), ["node3"])
            XCTAssertEqual(down.services.count, watch.snapshots[seen - 1].services.count)
            let healed = Date()
            try FailoverLab.lab(["heal-node", "3"])
            partitioned = false
            let back = try await wait(watch, 120, from: watch.snapshots.count, "node3 ready, its engine answering") { s in
                s.nodes.first { $0.hostname == "node3" }?.status?.state == "ready"
                    && s.engines.first { $0.hostname == "node3" }.map { $0.error == nil && ($0.listedAt ?? .distantPast) > healed } ?? false
            }
            print("partition: node3 ready and its engine listed \(String(format: "%.1f", Date().timeIntervalSince(healed))) s after healing")
            XCTAssertNil(back.error)
        } catch {
            await watch.stop()
            if partitioned { try FailoverLab.lab(["heal-node", "3"]) }
            throw error
        }
        await watch.stop()
    }
}

/// Lab instance 1 with 3 managers (`scripts/lab` with `SWARMTOP_LAB_INSTANCE=1`).
enum FailoverLab {
    static let instance = "1"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The instance's endpoints: each node's unix socket, its TLS listener, the TLS environment.
    struct Endpoints {
        var unix: [(String, String)]
        var tls: [(String, String)]
        var tlsEnvironment: [String: String]
    }

    /// Brings the instance up with 3 nodes, all managers (a no-op when it is up so), and reads its endpoints.
    /// - Throws: when `scripts/lab` fails.
    static func up() throws -> Endpoints {
        try lab(["up", "--nodes", "3", "--managers", "3"])
        let unix = try environment(["env"]), tls = try environment(["env", "--tls"])
        func hosts(_ env: [String: String]) -> [(String, String)] {
            (env["SWARMTOP_NODE_HOSTS"] ?? "").split(separator: ",").compactMap { item in
                let parts = item.split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }
        }
        guard hosts(unix).count == 3, unix["SWARMTOP_LAB_MANAGER_HOSTS"]?.split(separator: ",").count == 3 else {
            throw Lab.Missing(description: "lab instance \(instance) is not 3 nodes of which 3 managers: \(unix)")
        }
        return Endpoints(unix: hosts(unix), tls: hosts(tls), tlsEnvironment: tls)
    }

    /// Kills node `i`'s dockerd as a crash would (`restart-node` starts it again).
    static func killEngine(_ i: Int) throws {
        let pidFile = "/run/swarmtop\(instance)-lab/node\(i).pid"
        guard let pid = Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Lab.Missing(description: "no pid in \(pidFile)")
        }
        guard kill(pid, SIGKILL) == 0 else { throw Lab.Missing(description: "kill \(pid) failed") }
    }

    /// `export NAME=VALUE` lines of `scripts/lab ARGS`.
    private static func environment(_ args: [String]) throws -> [String: String] {
        var env: [String: String] = [:]
        for line in try lab(args).split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { env[String(pair[0])] = String(pair[1].split(separator: " ").first ?? "") }
        }
        return env
    }

    /// Runs `scripts/lab ARGS` on the instance.
    /// - Returns: its stdout.
    /// - Throws: when it exits non-zero (with its stderr's end).
    @discardableResult
    static func lab(_ args: [String]) throws -> String {
        let environment = ProcessInfo.processInfo.environment.merging(["SWARMTOP_LAB_INSTANCE": instance]) { _, new in new }
        return try ChildProcess.output(root.appendingPathComponent("scripts/lab").path, args, environment: environment, timeout: 600)
    }
}
