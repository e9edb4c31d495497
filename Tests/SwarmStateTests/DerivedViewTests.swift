import Foundation
import LabFixtures
import SwarmState
import XCTest

/// Views derived from a snapshot of the lab's captured responses.
final class DerivedViewTests: XCTestCase {
    func testPlacementHasAColumnPerNodeManagersFirstWithTheirRunningTasks() throws {
        let s = try LabFixtures.snapshot()
        let placement = s.placement
        XCTAssertEqual(placement.map(\.node.hostname), ["node1", "node2"])
        XCTAssertEqual(placement.map { $0.tasks.count }.reduce(0, +), s.tasks.filter { $0.desiredState == "running" }.count)
        for column in placement {
            XCTAssertTrue(column.tasks.allSatisfy { $0.nodeID == column.node.id })
            let names = column.tasks.map { s.service(id: $0.serviceID)?.name ?? "" }
            XCTAssertEqual(names, names.sorted(), "cards are grouped by service")
        }
        // viz is constrained to the manager.
        let viz = try XCTUnwrap(s.services.first { $0.name == "lab_viz" })
        XCTAssertTrue(placement[0].tasks.contains { $0.serviceID == viz.id })
        XCTAssertFalse(placement[1].tasks.contains { $0.serviceID == viz.id })
    }

    func testTaskNamesAreServiceDotSlotOrServiceDotNodeForGlobal() throws {
        let s = try LabFixtures.snapshot()
        let names = Set(s.tasks.map { s.taskName($0) })
        XCTAssertTrue(names.isSuperset(of: ["lab_web.1", "lab_web.5", "lab_viz.1", "lab_agent.node1", "lab_agent.node2"]), "\(names)")
    }

    func testRunningTaskCountsPerNodeAddUp() throws {
        let s = try LabFixtures.snapshot()
        let counts = s.runningTaskCounts
        XCTAssertEqual(counts.values.reduce(0, +), 10)
        XCTAssertEqual(Set(counts.keys), Set(s.nodes.map(\.id)))
    }

    func testStacksGroupServicesByNamespaceLabel() throws {
        let s = try LabFixtures.snapshot()
        XCTAssertEqual(s.stacks.map(\.name), ["lab"])
        XCTAssertEqual(s.stacks[0].services.map(\.name), ["lab_agent", "lab_scribbler", "lab_viz", "lab_web"])
    }

    func testContainerRowsCarryTheirNodeAndStaleness() throws {
        var s = try LabFixtures.snapshot()
        s.engines[1].error = "cannot reach unix:///run/swarmtop-lab/node2.sock: timed out"
        let rows = s.containerRows
        XCTAssertEqual(rows.count, s.engines.map(\.containers.count).reduce(0, +))
        XCTAssertEqual(rows.map(\.hostname), rows.map(\.hostname).sorted())
        XCTAssertTrue(rows.filter { $0.hostname == "node1" }.allSatisfy { !$0.stale })
        XCTAssertTrue(rows.filter { $0.hostname == "node2" }.allSatisfy { $0.stale })
    }
}
