import LabFixtures
import SwarmState
import XCTest
@testable import Dashboard

/// Why a task is pending in the Tasks pane's ERROR column, and what a drain or pause would do
/// in the node availability dialog, on the answers captured from the lab.
final class SchedulingPaneTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    /// The ERROR cell of each row of the Tasks pane, by task name (the first row of each name).
    private func errors(_ snapshot: ClusterSnapshot) -> [String: String] {
        var state = AppState.loaded(snapshot, width: 200, height: 40)
        state.press(.char("3"))
        return Dictionary(state.table.rows.map { ($0.cells[0].text, $0.cells[4].text) }) { first, _ in first }
    }

    func testAPendingTaskSaysWhyInTheErrorColumn() throws {
        let errors = errors(try LabFixtures.schedSnapshot())
        XCTAssertEqual(errors["hsched_gpu.1"], "no node has node.labels.gpu==true")
        XCTAssertEqual(errors["hsched_mem.1"], "no node has 1000GiB memory free")
        XCTAssertTrue(errors.values.contains("max replicas per node (1) reached on node1, node2"), "\(errors)")
    }

    func testATaskItsNodeRejectedKeepsTheEnginesError() throws {
        let errors = errors(try LabFixtures.schedSnapshot())
        XCTAssertEqual(errors["hsched_img.1"], "\"No such image: swarmtop-lab/nope:1\"")
    }

    private func onNode2(_ snapshot: ClusterSnapshot) throws -> AppState {
        var state = AppState.loaded(snapshot, width: 80, height: 24)
        state.press(.char("1"))
        state.select(.node(try XCTUnwrap(snapshot.nodes.first { $0.hostname == "node2" }).id))
        return state
    }

    func testTheDrainDialogListsWhereEachTaskOfNode2WouldGo() throws {
        var state = try onNode2(try LabFixtures.snapshot())
        state.press(.char("d"))
        XCTAssertEqual(state.confirmation?.message, [
            "Drain node node2?",
            "4 tasks will move (shut down on node2, started again where they fit): lab_scribbler.1, lab_web.1, lab_web.3 and lab_web.5 to node1.",
            "Warning: 1 task of global services will stop on node2, not move (lab_agent.node2).",
            "No new tasks are placed on node2 until it is active again.",
        ])
        let dialog = try XCTUnwrap(state.dialog)
        XCTAssertTrue(DialogView.fitsWhole(dialog, opening: nil, width: 80, height: 24))
        state.press(.escape)
        XCTAssertNil(state.dialog)
    }

    func testTheDrainDialogWarnsOfAServiceThatWouldLoseAReplica() throws {
        var state = try onNode2(try LabFixtures.schedSnapshot())
        state.press(.char("d"))
        let message = try XCTUnwrap(state.confirmation?.message)
        XCTAssertTrue(message.contains("Warning: hsched_max would lose 1 replica: no other node can take it (max replicas per node (1) reached on node1)."),
                      "\(message)")
        XCTAssertTrue(DialogView.fitsWhole(try XCTUnwrap(state.dialog), opening: nil, width: 80, height: 24))
    }

    func testTheDrainDialogCapsItsListOfTasks() throws {
        var snapshot = try LabFixtures.snapshot()
        let node2 = try XCTUnwrap(snapshot.nodes.first { $0.hostname == "node2" })
        let web = try XCTUnwrap(snapshot.tasks.first { $0.nodeID == node2.id && $0.slot != nil && $0.desiredState == "running" })
        for slot in 100..<120 {
            var task = web
            task.id = "extra\(slot)"
            task.slot = slot
            snapshot.tasks.append(task)
        }
        var state = try onNode2(snapshot)
        state.press(.char("d"))
        let moving = try XCTUnwrap(state.confirmation?.message[1])
        XCTAssertTrue(moving.hasPrefix("24 tasks will move"), moving)
        XCTAssertTrue(moving.hasSuffix("; and 16 more."), moving)
        XCTAssertTrue(DialogView.fitsWhole(try XCTUnwrap(state.dialog), opening: nil, width: 80, height: 24))
    }

    func testTheDrainDialogSaysWhatIsAGuess() throws {
        var snapshot = try LabFixtures.snapshot()
        let node1 = try XCTUnwrap(snapshot.engines.firstIndex { $0.hostname == "node1" })
        snapshot.engines[node1].containers = []
        var state = try onNode2(snapshot)
        state.press(.char("d"))
        let message = try XCTUnwrap(state.confirmation?.message)
        XCTAssertTrue(message.contains("Guess: node1 has swarmtop-lab/busybox:1 (not seen there)."), "\(message)")
        XCTAssertTrue(DialogView.fitsWhole(try XCTUnwrap(state.dialog), opening: nil, width: 80, height: 24))
    }

    func testThePauseDialogSaysNoTaskLeaves() throws {
        var state = try onNode2(try LabFixtures.snapshot())
        state.press(.char("p"))
        XCTAssertEqual(state.confirmation?.message, [
            "Pause node node2?",
            "No task leaves node2: its 5 tasks keep running (lab_agent.node2, lab_scribbler.1, lab_web.1, lab_web.3, lab_web.5). New tasks are not placed on it.",
        ])
    }
}
