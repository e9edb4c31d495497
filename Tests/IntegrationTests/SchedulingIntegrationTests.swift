import DockerAPI
import Foundation
import SwarmState
import XCTest

/// Why a task is pending (`SchedulingModel.explain`), checked against the engine's own error on
/// the lab: a service the scheduler cannot place is created, the test waits for the engine's
/// `Err` on its task, and the model must name the same cause and the same nodes.
final class SchedulingIntegrationTests: XCTestCase {
    /// Creates `name` with `args`, waits until a task of it has the engine's error, reads the
    /// swarm as swarmtop does, and returns the model's explanation of that task with the error.
    private func explain(_ name: String, _ args: [String]) async throws -> (SchedulingExplanation, err: String, snapshot: ClusterSnapshot) {
        Lab.removeService(name)
        try Lab.docker(["service", "create", "--detach", "--name", name] + args + ["swarmtop-lab/busybox:1", "sleep", "3600"])
        var err = ""
        try Lab.eventually(30, "a task of \(name) with the scheduler's error") {
            err = try Lab.docker(["service", "ps", "--no-trunc", "--filter", "desired-state=running", "--format", "{{.Error}}", name])
                .split(separator: "\n").first { $0.contains("no suitable node") }.map(String.init) ?? ""
            return !err.isEmpty
        }
        let nodes = try Lab.nodeURLs().map { ($0.0, try DockerEndpoint(parsing: $0.1)) }
        let connections = try Connections(manager: DockerEndpoint(parsing: Lab.managerURL()), nodeHosts: nodes, timeout: 10)
        let snapshot = await SnapshotRead.fetch(connections)
        await connections.shutdown()
        let task = try XCTUnwrap(snapshot.tasks.first { snapshot.service(id: $0.serviceID)?.name == name && SchedulingModel.isWaiting($0)
            && ($0.status?.err ?? "").contains("no suitable node") }, "no waiting task of \(name) in swarmtop's read")
        let why = try XCTUnwrap(SchedulingModel(snapshot).explain(task))
        // The CLI quotes the error: compare the words.
        return (why, err.trimmingCharacters(in: CharacterSet(charactersIn: "\"")), snapshot)
    }

    func testAConstraintNoNodeMeetsIsExplainedAsTheEngineSaysIt() async throws {
        let name = "hsched_it_gpu"
        defer { Lab.removeService(name) }
        let (why, err, snapshot) = try await explain(name, ["--constraint", "node.labels.gpu == true"])
        XCTAssertEqual(err, "no suitable node (scheduling constraints not satisfied on \(snapshot.nodes.count) nodes)")
        XCTAssertEqual(why.schedulerError, err)
        XCTAssertEqual(why.short, "no node has node.labels.gpu==true")
        for node in snapshot.nodes {
            XCTAssertTrue(why.lines.contains("  \(node.hostname): node.labels.gpu==true not met: \(node.hostname) has no label gpu"), "\(why.lines)")
        }
    }

    func testAReservationNoNodeHasIsExplainedAsTheEngineSaysIt() async throws {
        let name = "hsched_it_mem"
        defer { Lab.removeService(name) }
        let (why, err, snapshot) = try await explain(name, ["--reserve-memory", "1000G"])
        XCTAssertEqual(err, "no suitable node (insufficient resources on \(snapshot.nodes.count) nodes)")
        XCTAssertEqual(why.schedulerError, err)
        XCTAssertEqual(why.short, "no node has 1000GiB memory free")
        XCTAssertEqual(Set(why.verdicts.filter { if case .resources? = $0.failure { true } else { false } }.map(\.node.hostname)),
                       Set(snapshot.nodes.map(\.hostname)))
    }

    func testMaxReplicasPerNodeIsExplainedAsTheEngineSaysIt() async throws {
        let name = "hsched_it_max"
        defer { Lab.removeService(name) }
        let (why, err, snapshot) = try await explain(name, ["--replicas", "3", "--replicas-max-per-node", "1"])
        XCTAssertEqual(err, "no suitable node (max replicas per node limit exceed)")
        XCTAssertEqual(why.schedulerError, err)
        XCTAssertEqual(why.short, "max replicas per node (1) reached on " + snapshot.nodes.map(\.hostname).sorted().joined(separator: ", "))
    }
}
