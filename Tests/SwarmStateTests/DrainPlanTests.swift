import LabFixtures
@testable import SwarmState
import XCTest

/// What a drain or pause would do (`SchedulingModel.drainPlan`) on the captured lab.
final class DrainPlanTests: XCTestCase {
    func testDrainingNode2MovesItsReplicatedTasksToNode1AndStopsItsGlobalOnes() throws {
        let snapshot = try LabFixtures.snapshot()
        let node2 = try XCTUnwrap(snapshot.nodes.first { $0.hostname == "node2" })
        let plan = try XCTUnwrap(SchedulingModel(snapshot).drainPlan(nodeID: node2.id, availability: .drain))
        let onNode2 = snapshot.tasks.filter { $0.nodeID == node2.id && $0.desiredState == "running" }
        let global = onNode2.filter { snapshot.service(id: $0.serviceID)?.spec.mode?.global != nil }
        XCTAssertFalse(global.isEmpty)
        XCTAssertEqual(plan.moves.map(\.task), onNode2.filter { !global.contains($0) }.map(snapshot.taskName).sorted())
        XCTAssertEqual(plan.stopping, global.map(snapshot.taskName).sorted())
        XCTAssertEqual(Set(plan.moves.map(\.target)), ["node1"])
        XCTAssertTrue(plan.losses.isEmpty)
        XCTAssertTrue(plan.moves.allSatisfy(\.guesses.isEmpty), "node1 runs containers of busybox:1 already: \(plan.moves)")
    }

    func testATaskNoOtherNodeCanTakeIsALoss() throws {
        let snapshot = try LabFixtures.schedSnapshot()
        let node2 = try XCTUnwrap(snapshot.nodes.first { $0.hostname == "node2" })
        let plan = try XCTUnwrap(SchedulingModel(snapshot).drainPlan(nodeID: node2.id, availability: .drain))
        let max = try XCTUnwrap(plan.moves.first { $0.service == "hsched_max" })
        XCTAssertNil(max.target)
        XCTAssertEqual(max.reason, "max replicas per node (1) reached on node1")
        XCTAssertEqual(plan.losses.map(\.service), ["hsched_max"])
        XCTAssertTrue(plan.moves.filter { $0.service == "lab_web" }.allSatisfy { $0.target == "node1" })
    }

    func testMovesAreCountedOneAfterAnother() throws {
        // With at most 2 lab_web tasks per node, node2's tasks fill node1 up to 2, the rest go nowhere.
        var snapshot = try LabFixtures.snapshot()
        let web = try XCTUnwrap(snapshot.services.firstIndex { $0.name == "lab_web" })
        XCTAssertNotNil(snapshot.services[web].spec.taskTemplate?.placement, "lab_web's Placement is {}")
        snapshot.services[web].spec.taskTemplate?.placement?.maxReplicas = 2
        let node2 = try XCTUnwrap(snapshot.nodes.first { $0.hostname == "node2" })
        let onNode1 = snapshot.tasks.filter { $0.nodeID != node2.id && $0.nodeID != nil && $0.desiredState == "running"
            && $0.serviceID == snapshot.services[web].id }.count
        for i in snapshot.tasks.indices where snapshot.tasks[i].serviceID == snapshot.services[web].id {
            snapshot.tasks[i].spec?.placement?.maxReplicas = 2
        }
        let plan = try XCTUnwrap(SchedulingModel(snapshot).drainPlan(nodeID: node2.id, availability: .drain))
        let webMoves = plan.moves.filter { $0.service == "lab_web" }
        XCTAssertGreaterThan(webMoves.count, max(0, 2 - onNode1), "some lab_web task must find node1 full")
        XCTAssertEqual(webMoves.filter { $0.target == "node1" }.count, max(0, 2 - onNode1))
        XCTAssertEqual(plan.losses.first { $0.service == "lab_web" }?.tasks ?? 0, webMoves.count - max(0, 2 - onNode1))
    }

    func testPauseMovesNothingAndKeepsEveryTask() throws {
        let snapshot = try LabFixtures.snapshot()
        let node2 = try XCTUnwrap(snapshot.nodes.first { $0.hostname == "node2" })
        let plan = try XCTUnwrap(SchedulingModel(snapshot).drainPlan(nodeID: node2.id, availability: .pause))
        XCTAssertTrue(plan.moves.isEmpty)
        XCTAssertEqual(plan.staying.count, snapshot.tasks.filter { $0.nodeID == node2.id && $0.desiredState == "running" }.count)
    }

    func testAnImageNotSeenOnTheTargetNodeIsAGuess() throws {
        var snapshot = try LabFixtures.snapshot()
        let node1 = try XCTUnwrap(snapshot.engines.firstIndex { $0.hostname == "node1" })
        snapshot.engines[node1].containers = []
        let node2 = try XCTUnwrap(snapshot.nodes.first { $0.hostname == "node2" })
        let plan = try XCTUnwrap(SchedulingModel(snapshot).drainPlan(nodeID: node2.id, availability: .drain))
        XCTAssertFalse(plan.moves.isEmpty)
        XCTAssertTrue(plan.moves.allSatisfy { $0.guesses == ["node1 has swarmtop-lab/busybox:1 (not seen there)"] }, "\(plan.moves)")
    }
}
