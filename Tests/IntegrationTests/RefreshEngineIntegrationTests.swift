import DockerAPI
import Foundation
import SwarmState
import XCTest

/// The refresh engine against the lab: a full snapshot from every engine, and a dead node
/// engine that marks only its own rows stale.
final class RefreshEngineIntegrationTests: XCTestCase {
    /// The first snapshot that satisfies `done`, within 30 s; shuts the connections down either way.
    private func snapshot(_ connections: Connections, where done: @escaping @Sendable (ClusterSnapshot) -> Bool)
        async throws -> ClusterSnapshot {
        do {
            let s = try await firstSnapshot(connections, where: done)
            await connections.shutdown()
            return s
        } catch {
            await connections.shutdown()
            throw error
        }
    }

    private func firstSnapshot(_ connections: Connections, where done: @escaping @Sendable (ClusterSnapshot) -> Bool)
        async throws -> ClusterSnapshot {
        let engine = RefreshEngine(connections: connections, intervals: .init(poll: 0.5, sizes: 2))
        let stream = AsyncStream<ClusterSnapshot> { continuation in
            let task = Task { await engine.run { continuation.yield($0) } }
            continuation.onTermination = { _ in task.cancel() }
        }
        let deadline = Date().addingTimeInterval(30)
        for await s in stream {
            if done(s) { return s }
            if Date() > deadline { break }
        }
        throw Lab.Missing(description: "no complete snapshot within 30 s")
    }

    func testASnapshotHoldsTheSwarmAndEveryNodesContainersWithSizes() async throws {
        let nodes = try Lab.nodeURLs().map { ($0.0, try DockerEndpoint(parsing: $0.1)) }
        let connections = try Connections(manager: DockerEndpoint(parsing: Lab.managerURL()), nodeHosts: nodes, timeout: 5)
        // Containers started after a size query have no size until the next one: wait for a
        // snapshot where every running web container has been measured. (The engine leaves
        // `SizeRw` out when it is 0; `SizeRootFs` is always there once measured.)
        let s = try await snapshot(connections) { s in
            s.refreshedAt != nil && s.engines.allSatisfy { e in
                e.sizesAt != nil && e.containers.filter { $0.serviceName == "lab_web" && $0.state == "running" }
                    .allSatisfy { $0.sizeRootFs != nil }
            }
        }
        XCTAssertNil(s.error)
        XCTAssertEqual(s.apiVersion, try Lab.docker(["version", "--format", "{{.Server.APIVersion}}"]))
        XCTAssertEqual(s.nodes.count, nodes.count)
        XCTAssertTrue(Set(s.services.map(\.name)).isSuperset(of: ["lab_web", "lab_viz", "lab_agent", "lab_scribbler"]))
        XCTAssertEqual(s.placement.map(\.node.hostname).first, "node1")
        for e in s.engines {
            XCTAssertNil(e.error, e.hostname)
            let web = e.containers.filter { $0.serviceName == "lab_web" && $0.state == "running" }
            XCTAssertFalse(web.isEmpty, "no web container on \(e.hostname)")
            XCTAssertTrue(web.allSatisfy { ($0.sizeRootFs ?? 0) > ($0.sizeRw ?? 0) }, "virtual size not above SizeRw on \(e.hostname)")
        }
    }

    func testADeadNodeEngineMarksOnlyItsOwnRowsStale() async throws {
        var nodes = try Lab.nodeURLs().map { ($0.0, try DockerEndpoint(parsing: $0.1)) }
        nodes.append(("ghost", try DockerEndpoint(parsing: "unix:///run/swarmtop-lab/ghost.sock")))
        let connections = try Connections(manager: DockerEndpoint(parsing: Lab.managerURL()), nodeHosts: nodes, timeout: 2)
        let s = try await snapshot(connections) { s in
            s.refreshedAt != nil && s.engines.dropLast().allSatisfy { $0.listedAt != nil } && s.engines.last?.error != nil
        }
        XCTAssertNil(s.error)
        XCTAssertTrue(s.engines.last?.error?.contains("cannot reach unix:///run/swarmtop-lab/ghost.sock") ?? false,
                      s.engines.last?.error ?? "no error")
        XCTAssertEqual(s.engines.filter { $0.error == nil }.count, nodes.count - 1)
    }
}
