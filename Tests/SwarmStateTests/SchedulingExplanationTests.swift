import LabFixtures
@testable import SwarmState
import XCTest

/// Why a task is not running (`SchedulingModel.explain`), on the answers captured while the
/// lab's scheduler could not place the `hsched_` services (`LabFixtures.schedSnapshot`).
final class SchedulingExplanationTests: XCTestCase {
    private func explanation(_ service: String, state: String = "pending") throws -> SchedulingExplanation {
        let snapshot = try LabFixtures.schedSnapshot()
        let task = try XCTUnwrap(snapshot.tasks.first { snapshot.service(id: $0.serviceID)?.name == service && $0.state == state },
                                 "no \(state) task of \(service) in the capture")
        return try XCTUnwrap(SchedulingModel(snapshot).explain(task), "\(service): no explanation")
    }

    func testTheModelSaysWhatTheEngineSaidForEveryTaskItCouldNotPlace() throws {
        let snapshot = try LabFixtures.schedSnapshot()
        let model = SchedulingModel(snapshot)
        let unplaced = snapshot.tasks.filter { ($0.status?.err ?? "").hasPrefix("no suitable node") && $0.desiredState == "running" }
        XCTAssertEqual(unplaced.count, 3, "hsched_gpu.1, hsched_mem.1 and hsched_max's third task")
        for task in unplaced {
            XCTAssertEqual(model.explain(task)?.schedulerError, task.status?.err, snapshot.taskName(task))
        }
    }

    func testAConstraintNoNodeMeetsIsNamedWithEachNodesValue() throws {
        let why = try explanation("hsched_gpu")
        XCTAssertEqual(why.short, "no node has node.labels.gpu==true")
        XCTAssertTrue(why.replacesEngineError)
        XCTAssertEqual(Array(why.lines.suffix(2)), ["  node1: node.labels.gpu==true not met: node1 has no label gpu",
                                                    "  node2: node.labels.gpu==true not met: node2 has no label gpu"])
        XCTAssertTrue(why.lines.contains("The engine says: no suitable node (scheduling constraints not satisfied on 2 nodes)"), "\(why.lines)")
    }

    func testAReservationNoNodeHasFreeSaysHowMuchEachHas() throws {
        let snapshot = try LabFixtures.schedSnapshot()
        let why = try explanation("hsched_mem")
        XCTAssertEqual(why.short, "no node has 1000GiB memory free")
        for node in snapshot.nodes {
            let total = GoUnits.binarySize(node.description?.resources?.memoryBytes ?? 0)
            XCTAssertTrue(why.lines.contains("  \(node.hostname): reserves 1000GiB memory, \(total) free (\(total) less 0B reserved by 0 tasks)"),
                          "\(why.lines)")
        }
    }

    func testMaxReplicasPerNodeNamesTheNodesThatHaveTheirShare() throws {
        let why = try explanation("hsched_max")
        XCTAssertEqual(why.short, "max replicas per node (1) reached on node1, node2")
        XCTAssertEqual(Array(why.lines.suffix(2)), ["  node1: runs 1 task of the service, max 1 per node",
                                                    "  node2: runs 1 task of the service, max 1 per node"])
    }

    func testAnImageANodeDoesNotHaveIsNamedButTheEnginesErrorIsKept() throws {
        let why = try explanation("hsched_img", state: "rejected")
        XCTAssertEqual(why.short, "image swarmtop-lab/nope:1 not found on node1")
        XCTAssertFalse(why.replacesEngineError, "a task its node rejected keeps the engine's words")
        XCTAssertEqual(why.engineError, "No such image: swarmtop-lab/nope:1")
    }

    func testARunningTaskNeedsNoExplanation() throws {
        let snapshot = try LabFixtures.schedSnapshot()
        let model = SchedulingModel(snapshot)
        let running = snapshot.tasks.filter { $0.state == "running" }
        XCTAssertFalse(running.isEmpty)
        XCTAssertTrue(running.allSatisfy { model.explain($0) == nil })
        XCTAssertEqual(snapshot.whyNotRunning(running[0]), [])
    }

    func testADrainedOrDownNodeRefusesBeforeAnyOtherFilter() throws {
        var snapshot = try LabFixtures.schedSnapshot()
        snapshot.nodes[0].spec?.availability = "drain"
        snapshot.nodes[1].status?.state = "down"
        let task = try XCTUnwrap(snapshot.tasks.first { snapshot.service(id: $0.serviceID)?.name == "hsched_gpu" })
        let why = try XCTUnwrap(SchedulingModel(snapshot).explain(task))
        XCTAssertEqual(why.schedulerError, "no suitable node (2 nodes not available for new tasks)")
        let hosts = snapshot.nodes.map(\.hostname)
        XCTAssertEqual(Set(why.short?.components(separatedBy: "; ") ?? []), ["\(hosts[0]) drained", "\(hosts[1]) down"])
    }

    func testAGlobalServicesTaskWaitsOnlyForItsOwnNode() throws {
        var snapshot = try LabFixtures.schedSnapshot()
        let node2 = try XCTUnwrap(snapshot.nodes.firstIndex { $0.hostname == "node2" })
        snapshot.nodes[node2].spec?.availability = "pause"
        let agent = try XCTUnwrap(snapshot.tasks.firstIndex { $0.nodeID == snapshot.nodes[node2].id && snapshot.service(id: $0.serviceID)?.name == "lab_agent" })
        snapshot.tasks[agent].status?.state = "pending"
        let why = try XCTUnwrap(SchedulingModel(snapshot).explain(snapshot.tasks[agent]))
        XCTAssertEqual(why.verdicts.map(\.node.hostname), ["node2"])
        XCTAssertEqual(why.short, "node2 paused")
        XCTAssertEqual(why.schedulerError, "no suitable node (1 node not available for new tasks)")
        XCTAssertEqual(why.lines.last, "  node2: paused: no new tasks are placed on it")
    }
}
