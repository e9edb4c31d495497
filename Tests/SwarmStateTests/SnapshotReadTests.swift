import Foundation
import LabFixtures
import SwarmState
import XCTest

/// `swarmtop snapshot`'s one read, without the lab: engines answering what the lab answered.
final class SnapshotReadTests: XCTestCase {
    static let node1 = "unix:///run/swarmtop-lab/node1.sock"
    static let node2 = "unix:///run/swarmtop-lab/node2.sock"

    func read(manager: CapturedEngine, node2: CapturedEngine) async throws -> ClusterSnapshot {
        let connections = try Connections(manager: DockerEndpoint(parsing: Self.node1), nodeHosts: [],
                                          template: NodeHostTemplate("unix:///run/swarmtop-lab/{hostname}.sock"), timeout: 1,
                                          readers: { $0.description == Self.node2 ? node2 : manager })
        let snapshot = await SnapshotRead.fetch(connections)
        await connections.shutdown()
        return snapshot
    }

    static func manager() throws -> CapturedEngine {
        try CapturedEngine(node1, answers: [
            EnginePath.info: "refresh/info.json", EnginePath.nodes: "refresh/nodes.json",
            EnginePath.services: "refresh/services.json", EnginePath.tasks: "refresh/tasks.json",
            EnginePath.containers(size: true): "refresh/containers-size-node1.json",
        ])
    }

    func testTheManagerThenEveryNodesContainersWithSizes() async throws {
        let node2 = try CapturedEngine(Self.node2, answers: [EnginePath.containers(size: true): "refresh/containers-size-node2.json"])
        let s = try await read(manager: Self.manager(), node2: node2)
        XCTAssertNil(s.error)
        XCTAssertNotNil(s.refreshedAt)
        XCTAssertEqual(s.apiVersion, "1.41")
        XCTAssertEqual(s.tasks.count, 23)
        XCTAssertEqual(s.engines.map(\.hostname), ["node1", "node2"])
        XCTAssertEqual(s.engines[1].containers, try LabFixtures.decode([ContainerSummary].self, "refresh/containers-size-node2.json"))
        XCTAssertNotNil(s.engines[1].sizesAt)
        XCTAssertEqual(node2.count(EnginePath.containers(size: false)), 0, "one query per engine: the one with sizes")
    }

    func testAFailingEngineHasItsErrorAndTheOthersTheirRows() async throws {
        let node2 = try CapturedEngine(Self.node2, answers: [:])
        node2.fail(EnginePath.containers(size: true), .transport(endpoint: Self.node2, reason: "connection refused"))
        let manager = try Self.manager()
        let s = try await read(manager: manager, node2: node2)
        XCTAssertEqual(s.engines[1].error, "cannot reach \(Self.node2): connection refused")
        XCTAssertEqual(s.engines[0].containers.count, 12)
        XCTAssertNil(s.error)
        // The manager failing: its error, no refresh time, no engines from a node list it did not give.
        let worker = try CapturedEngine(Self.node1, answers: [EnginePath.info: "refresh/info.json"])
        worker.fail(EnginePath.nodes, try CapturedEngine.error("error-worker-503.json"))
        let failed = try await read(manager: worker, node2: node2)
        XCTAssertEqual(failed.error, "engine said 503: This node is not a swarm manager. Worker nodes can't be used to view or modify "
                       + "cluster state. Please run this command on a manager node or promote the current node to a manager.")
        XCTAssertNil(failed.refreshedAt)
        XCTAssertEqual(failed.engines, [])
    }
}
