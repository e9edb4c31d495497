import DockerAPI
import Foundation
import SwarmState
import XCTest

/// The refresh engine on the lab with `--node-host-template` alone: the node engines come from
/// the swarm's node list, not from a list given one by one.
final class NodeHostTemplateIntegrationTests: XCTestCase {
    func testTheTemplateAloneFollowsEveryNodesEngine() async throws {
        let manager = try DockerEndpoint(parsing: Lab.managerURL())
        let connections = try Connections(manager: manager, nodeHosts: [],
                                          template: NodeHostTemplate("unix:///run/swarmtop-lab/{hostname}.sock"), timeout: 5)
        XCTAssertEqual(connections.clientsMade, 0)
        let engine = RefreshEngine(connections: connections, intervals: .init(poll: 2, sizes: 5))
        let seen = AsyncStream<ClusterSnapshot> { continuation in
            let task = Task { await engine.run { continuation.yield($0) } }
            continuation.onTermination = { _ in task.cancel() }
        }
        let started = Date()
        var last: ClusterSnapshot?
        for await s in seen {
            last = s
            let reach = s.engineReach
            if s.nodes.count == 2, reach.count == 2, reach.values.allSatisfy({ $0 == .ok }) { break }
            if Date().timeIntervalSince(started) > 30 { break }
        }
        let s = try XCTUnwrap(last)
        let took = Date().timeIntervalSince(started)
        await connections.shutdown()
        XCTAssertEqual(s.engines.map(\.hostname), ["node1", "node2"], "\(s.engines.map { ($0.hostname, $0.error) })")
        XCTAssertEqual(s.engines.map(\.origin), ["template", "template"])
        XCTAssertEqual(s.engines.map(\.endpoint), ["unix:///run/swarmtop-lab/node1.sock", "unix:///run/swarmtop-lab/node2.sock"])
        XCTAssertEqual(Set(s.engineReach.values), [.ok], "\(s.engineReach)")
        XCTAssertTrue(s.engines[1].containers.contains { $0.serviceName == "lab_agent" }, "node2's containers")
        // node1's engine is the manager's: one client, one stream; node2's client was made when first needed.
        XCTAssertEqual(connections.clientsMade, 1)
        print("template only: both engines ok \(String(format: "%.2f", took)) s after start; node clients made: \(connections.clientsMade)")
    }

    /// Contexts as the context store would give them (h-context reads them; here a dictionary):
    /// the current context `lab-node1` names node2's engine `lab-node2`.
    func testContextsWithTheCurrentContextsPrefixNameEachNodesEngine() async throws {
        let manager = try DockerEndpoint(parsing: Lab.managerURL())
        let contexts = ["lab-node1": manager, "lab-node2": try DockerEndpoint(parsing: "unix:///run/swarmtop-lab/node2.sock")]
        let connections = try Connections(manager: manager, nodeHosts: [], contexts: contexts, currentContext: "lab-node1", timeout: 5)
        let engine = RefreshEngine(connections: connections, intervals: .init(poll: 2, sizes: 5))
        let seen = AsyncStream<ClusterSnapshot> { continuation in
            let task = Task { await engine.run { continuation.yield($0) } }
            continuation.onTermination = { _ in task.cancel() }
        }
        let started = Date()
        var last: ClusterSnapshot?
        for await s in seen {
            last = s
            if s.nodes.count == 2, s.engineReach.count == 2, s.engineReach.values.allSatisfy({ $0 == .ok }) { break }
            if Date().timeIntervalSince(started) > 30 { break }
        }
        await connections.shutdown()
        let s = try XCTUnwrap(last)
        XCTAssertEqual(s.engines.map(\.origin), ["context lab-node1", "context lab-node2"])
        XCTAssertEqual(Set(s.engineReach.values), [.ok], "\(s.engineReach)")
    }
}
