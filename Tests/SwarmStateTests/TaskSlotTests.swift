import Foundation
import LabFixtures
import SwarmState
import XCTest

/// Slots and their histories on the lab's captured answers: which tasks have no node, which
/// ended long ago, which start again after a failure.
final class TaskSlotTests: XCTestCase {
    private func task(_ s: ClusterSnapshot, _ service: String, desired: String = "running") throws -> SwarmTask {
        let id = try XCTUnwrap(s.services.first { $0.name == service }?.id)
        return try XCTUnwrap(s.tasks.first { $0.serviceID == id && $0.desiredState == desired })
    }

    func testUnplacedTasksAreThoseThatWantToRunWithoutANode() throws {
        let s = try LabFixtures.placementSnapshot()
        XCTAssertEqual(s.unplacedTasks.map(\.id), [try task(s, "hgrid_gpu").id])
        XCTAssertEqual(try LabFixtures.snapshot().unplacedTasks, [])
    }

    /// `layers/`: 52 tasks, 35 of them ended before their slot's newest (counted by hand from the
    /// JSON: lab_web 20, lab_scribbler 8, lab_agent 4 on node2, 3 of hrec_crash's 4 failures: its
    /// newest tells why the slot restarts).
    func testEndedTasksAreTheOlderOnesOfEachSlot() throws {
        let s = try LabFixtures.layersSnapshot()
        let ended = s.endedTaskIDs
        XCTAssertEqual(ended.count, 35)
        let byService = Dictionary(grouping: s.tasks.filter { ended.contains($0.id) }) { s.service(id: $0.serviceID)?.name ?? "" }.mapValues(\.count)
        XCTAssertEqual(byService, ["lab_web": 20, "lab_scribbler": 8, "lab_agent": 4, "hrec_crash": 3])
        // The crash loop's current task (desired ready) is its slot's newest, though a failure has the same second.
        XCTAssertFalse(ended.contains(try task(s, "hrec_crash", desired: "ready").id))
        let crash = try XCTUnwrap(s.services.first { $0.name == "hrec_crash" }?.id)
        let newestFailure = try XCTUnwrap(s.tasks.filter { $0.serviceID == crash && $0.state == "failed" }
            .max { ($0.status?.timestamp ?? .distantPast, $0.id) < ($1.status?.timestamp ?? .distantPast, $1.id) })
        XCTAssertFalse(ended.contains(newestFailure.id), "the failure before the restarting task says why")
        XCTAssertTrue(s.tasks.filter { $0.desiredState == "running" }.allSatisfy { !ended.contains($0.id) })
        // A global service's tasks are grouped by node: lab_agent keeps one task per node.
        let agent = try XCTUnwrap(s.services.first { $0.name == "lab_agent" }?.id)
        XCTAssertEqual(Set(s.tasks.filter { $0.serviceID == agent && !ended.contains($0.id) }.compactMap(\.nodeID)).count, 2)
    }

    func testATaskStartingAfterItsSlotFailedIsRestarting() throws {
        let s = try LabFixtures.placementSnapshot()
        XCTAssertEqual(s.restartingTaskIDs, [try task(s, "hgrid_crash").id])
        // In the drained step, htl_crash's next task (desired ready) restarts after four failures;
        // the tasks leaving node2 start again after a shutdown, not a failure.
        let drained = try LabFixtures.timelineSnapshot("04-drained")
        XCTAssertEqual(drained.restartingTaskIDs, [try task(drained, "htl_crash", desired: "ready").id])
    }
}
