import DockerAPI
import Foundation
import LabFixtures
@testable import SwarmState
import XCTest

/// Choosing the manager to move to, on the answers of a real 3-manager lab (`scripts/capture-fixtures
/// --failover-only`: Engine 20.10): every manager up; node1's dockerd killed, seen from node2 once it
/// leads; node3 cut off, answering that the swarm has no leader.
final class ManagerFailoverTests: XCTestCase {
    private func endpoint(_ node: Int) throws -> DockerEndpoint {
        try DockerEndpoint(parsing: "unix:///run/swarmtop1-lab/node\(node).sock")
    }

    /// The lab's plan: every node's engine by `--node-host`.
    private func engines() throws -> [Connections.NodeHost] {
        try (1...3).map { Connections.NodeHost(hostname: "node\($0)", choice: .init(origin: .nodeHost, endpoint: try endpoint($0))) }
    }

    private func nodes(_ file: String) throws -> [Node] {
        try LabFixtures.decode([Node].self, "failover/\(file)")
    }

    /// The number of the node `/nodes` lists as leader.
    private func leader(_ nodes: [Node]) throws -> Int {
        try XCTUnwrap(Int(try XCTUnwrap(nodes.first { $0.isLeader }?.hostname).dropFirst("node".count)))
    }

    func testTheLeaderComesFirstThenTheReachableManagersThenTheGivenHosts() throws {
        let all = try nodes("nodes-3-managers.json")
        let lead = try leader(all)
        let (a, b) = lead == 1 ? (2, 3) : lead == 2 ? (1, 3) : (1, 2)
        XCTAssertEqual(ManagerFailover.candidates(current: try endpoint(a), given: [], nodes: all, engines: try engines()),
                       [try endpoint(lead), try endpoint(b)])
        // The leader failed: the two reachable managers; a --host given that no node plans comes after them.
        let given = try DockerEndpoint(parsing: "tcp://10.213.1.13:2376")
        XCTAssertEqual(ManagerFailover.candidates(current: try endpoint(lead), given: [try endpoint(lead), given], nodes: all,
                                                  engines: try engines()),
                       [try endpoint(a), try endpoint(b), given])
    }

    func testAKilledLeaderIsTriedLastOnceAnotherLeads() throws {
        let before = try leader(try nodes("nodes-3-managers.json"))
        let after = try nodes("nodes-leader-killed.json")  // the old leader down and unreachable, a new one
        XCTAssertEqual(after.first { $0.hostname == "node\(before)" }?.managerStatus?.reachability, "unreachable")
        let lead = try leader(after)
        let third = try XCTUnwrap(Set(1...3).subtracting([before, lead]).first)
        XCTAssertEqual(ManagerFailover.candidates(current: try endpoint(third), given: [], nodes: after, engines: try engines()),
                       [try endpoint(lead), try endpoint(before)])
    }

    func testNoPlannedEngineNoCandidateAndWorkersNeverCount() throws {
        let all = try nodes("nodes-3-managers.json")
        XCTAssertEqual(ManagerFailover.candidates(current: try endpoint(1), given: [], nodes: all, engines: []), [])
        let workers = try LabFixtures.decode([Node].self, "nodes.json").filter { $0.managerStatus == nil }
        XCTAssertFalse(workers.isEmpty)
        XCTAssertEqual(ManagerFailover.candidates(current: try endpoint(1), given: [], nodes: workers, engines: try engines()), [])
    }

    func testWhatTheEnginesAnsweredMeansTheManagerIsLostOrNot() throws {
        let partitioned = try JSONSerialization.jsonObject(with: LabFixtures.data("failover/error-partitioned-no-leader.json")) as! [String: Any]
        let body = try XCTUnwrap(partitioned["body"] as? [String: String])
        let noLeader = DockerError.api(status: try XCTUnwrap(partitioned["status"] as? Int), message: try XCTUnwrap(body["message"]))
        XCTAssertEqual(ManagerFailover.loss(noLeader)?.reason, noLeader.description)
        XCTAssertEqual(ManagerFailover.loss(noLeader)?.unanswered, false)
        XCTAssertTrue(noLeader.description.contains("The swarm does not have a leader"), noLeader.description)
        // What node3 answered once, cut off, before it said so (seen on the lab, not kept as a file).
        let deadline = DockerError.api(status: 500, message: "rpc error: code = DeadlineExceeded desc = context deadline exceeded")
        XCTAssertNotNil(ManagerFailover.loss(deadline), deadline.description)
        let worker = try JSONSerialization.jsonObject(with: LabFixtures.data("error-worker-503.json")) as! [String: Any]
        let notManager = DockerError.api(status: 503, message: try XCTUnwrap((worker["body"] as? [String: String])?["message"]))
        XCTAssertNotNil(ManagerFailover.loss(notManager))
        let refused = DockerError.transport(endpoint: "unix:///run/swarmtop1-lab/node1.sock", reason: "connection refused")
        XCTAssertEqual(ManagerFailover.loss(refused)?.unanswered, true)
        XCTAssertNil(ManagerFailover.loss(DockerError.api(status: 404, message: "service x not found")))
        XCTAssertNil(ManagerFailover.loss(DockerError.api(status: 500, message: "update out of sequence")))
        XCTAssertNil(ManagerFailover.loss(DockerError.malformedResponse(path: "/nodes", reason: "not JSON")))
    }

    func testAManagerThatServesWinsAndOneThatOnlyAnswersPingOnlyWhenTheCurrentIsGone() {
        let probes = [(serves: false, answers: true), (serves: true, answers: true)]
        XCTAssertEqual(ManagerFailover.choose(probes, currentAnswers: true), 1)
        let electing = [(serves: false, answers: false), (serves: false, answers: true)]
        XCTAssertEqual(ManagerFailover.choose(electing, currentAnswers: false), 1)
        XCTAssertNil(ManagerFailover.choose(electing, currentAnswers: true), "a manager that answers is not left for one that does not serve either")
        XCTAssertNil(ManagerFailover.choose([(serves: false, answers: false)], currentAnswers: false))
    }

    func testAManagerChangeKeepsEveryRowAndNamesBothNodes() throws {
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        for observation in try LabFixtures.observations() { assembler.apply(observation) }
        let before = assembler.snapshot
        let at = Date(timeIntervalSince1970: 1_795_950_000)
        assembler.apply(EngineObservation(.manager, .managerChanged(endpoint: "unix:///run/swarmtop-lab/node2.sock",
                                                                    reason: "cannot reach unix:///run/swarmtop-lab/node1.sock: connection refused"), at: at))
        let after = assembler.snapshot
        XCTAssertEqual(after.endpoint, "unix:///run/swarmtop-lab/node2.sock")
        XCTAssertEqual(after.nodes, before.nodes)
        XCTAssertEqual(after.services, before.services)
        XCTAssertEqual(after.tasks, before.tasks)
        XCTAssertEqual(after.engines, before.engines)
        XCTAssertEqual(after.managerChange?.text,
                       "manager node1 (unix:///run/swarmtop-lab/node1.sock) stopped answering (connection refused): now node2 (unix:///run/swarmtop-lab/node2.sock)")
        // A reason that does not repeat the endpoint is shown whole.
        var other = assembler
        other.apply(EngineObservation(.manager, .managerChanged(endpoint: "unix:///run/swarmtop-lab/node1.sock",
                                                                reason: "engine said 500: rpc error: code = Unknown desc = The swarm does not have a leader."), at: at))
        XCTAssertEqual(other.snapshot.managerChange?.text,
                       "manager node2 (unix:///run/swarmtop-lab/node2.sock) stopped answering (engine said 500: rpc error: code = Unknown desc = "
                       + "The swarm does not have a leader.): now node1 (unix:///run/swarmtop-lab/node1.sock)")
    }
}
