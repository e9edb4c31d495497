import Foundation
import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The placement grid's `pending` column and marks, on answers captured from the lab:
/// `placement/` (hgrid_gpu's task pending with no node, hgrid_crash restarting after four
/// failures) and the timeline's drained and node-down steps.
final class PlacementMarksTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    /// The placement pane of `snapshot` at `width` x 24.
    private func placement(_ snapshot: ClusterSnapshot, width: Int = 100) -> AppState {
        var state = AppState.loaded(snapshot, width: width, height: 24)
        state.press(.char("5"))
        return state
    }

    private func taskID(_ snapshot: ClusterSnapshot, service: String, where keep: (SwarmTask) -> Bool = { _ in true }) -> String? {
        let id = snapshot.services.first { $0.name == service }?.id
        return snapshot.tasks.first { $0.serviceID == id && $0.desiredState == "running" && keep($0) }?.id
    }

    /// A task that wants to run and has no node gets a card in a `pending` column before the
    /// nodes; the column is there only while such a task is.
    func testAPendingColumnComesFirstWithTheTaskThatHasNoNode() throws {
        let snapshot = try LabFixtures.placementSnapshot()
        let gpu = try XCTUnwrap(taskID(snapshot, service: "hgrid_gpu"))
        let columns = placement(snapshot).model.placement
        XCTAssertEqual(columns.map(\.hostname), ["pending", "node1", "node2"])
        XCTAssertEqual(columns.first?.cards.map(\.taskID), [gpu])
        XCTAssertEqual(columns.first?.cards.map(\.text), ["◌ hgrid_gpu.1 pending"])
        XCTAssertEqual(columns.first?.detail, "1 task, no node")
        let lines = render(placement(snapshot), width: 100, height: 24, now: snapshot.refreshedAt!).lines
        XCTAssertEqual(Array(lines[1...3]), [
            "pending                         node1                           node2",
            "1 task, no node                 manager ready                   worker ready",
            "◌ hgrid_gpu.1 pending           ✗ hgrid_crash.1 starting        agent.node2",
        ])
        // The lab's own snapshot has no task without a node: no pending column.
        XCTAssertEqual(placement(try LabFixtures.snapshot()).model.placement.map(\.hostname), ["node1", "node2"])
    }

    /// A task starting again after its slot's tasks failed is marked failing (✗, the failed
    /// colour), not only starting; a card on its way (◌) has the state's colour.
    func testCardsOfFailingAndStartingTasksAreMarked() throws {
        let snapshot = try LabFixtures.placementSnapshot()
        let node1 = try XCTUnwrap(placement(snapshot).model.placement.first { $0.hostname == "node1" })
        let crash = try XCTUnwrap(node1.cards.first { $0.text.contains("hgrid_crash") })
        XCTAssertEqual(crash.text, "✗ hgrid_crash.1 starting")
        XCTAssertEqual(crash.style, Style(.taskState(.failed)))
        let pending = try XCTUnwrap(placement(snapshot).model.placement.first?.cards.first)
        XCTAssertEqual(pending.style, Style(.taskState(.pending)))
        // In the drained step, tasks starting again on node1 after node2 was drained.
        let drained = placement(try LabFixtures.timelineSnapshot("04-drained")).model.placement
        let starting = drained[0].cards.filter { $0.text.hasPrefix("◌ ") }.map(\.text)
        XCTAssertEqual(starting, ["◌ scribbler.1 starting", "◌ web.1 starting", "◌ web.2 starting", "◌ web.4 starting"])
        XCTAssertTrue(drained[0].cards.contains { $0.text == "viz.1" }, "a running card has no mark")
    }

    /// A drained or paused node's column is dim and its header names the availability; a
    /// down node's header says down, marked, in the error colour.
    func testDrainedPausedAndDownNodesAreMarkedInTheirHeaders() throws {
        let drainedState = placement(try LabFixtures.timelineSnapshot("04-drained"))
        XCTAssertEqual(drainedState.model.placement.map(\.detail), ["manager ready", "worker ready drain"])
        let drainedScreen = render(drainedState, width: 100, height: 24, now: drainedState.snapshot!.refreshedAt!)
        XCTAssertEqual(drainedScreen[32, 1].style, Style(.dim), "node2's hostname, dim")
        XCTAssertEqual(drainedScreen[32, 2].style, Style(.warn), "node2's role, state and availability, a warning")
        XCTAssertEqual(drainedScreen[0, 1].style, Style(.header, bold: true), "node1's hostname")

        // The crashed step with node2 set to pause (the captured nodes' answer, its availability
        // changed): its tasks stay, dim.
        var nodes = String(decoding: try LabFixtures.timelineData("03-crashed-nodes.json"), as: UTF8.self)
        let second = try XCTUnwrap(nodes.ranges(of: #""Availability": "active""#).last)
        nodes.replaceSubrange(second, with: #""Availability": "pause""#)
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        for observation in try LabFixtures.timelineAnswers("03-crashed") {
            if case .answer(let path, _, _) = observation.content, path == EnginePath.nodes {
                assembler.apply(EngineObservation(.manager, .answer(path: path, body: Data(nodes.utf8), took: nil), at: observation.at))
            } else {
                assembler.apply(observation)
            }
        }
        let paused = placement(assembler.snapshot).model.placement
        XCTAssertEqual(paused.map(\.detail), ["manager ready", "worker ready pause"])
        XCTAssertFalse(paused[1].cards.isEmpty)
        var state = placement(assembler.snapshot)
        let buffer = render(state, width: 100, height: 24, now: assembler.snapshot.refreshedAt!)
        XCTAssertEqual(buffer.lines[2].trimmingCharacters(in: .whitespaces), "manager ready                   worker ready pause")
        // node2's cards (x 32…) are dim, node1's are not; the selected card stays highlighted.
        XCTAssertEqual(buffer[32, 3].style, Style(.dim))
        XCTAssertNotEqual(buffer[0, 4].style, Style(.dim))
        state.press(.right)
        XCTAssertEqual(render(state, width: 100, height: 24, now: assembler.snapshot.refreshedAt!)[32, 3].style, Style(.selected))

        let down = placement(try LabFixtures.timelineSnapshot("08-node-down")).model.placement
        XCTAssertEqual(down.map(\.hostname), ["node1", "✗ node2"])
        XCTAssertEqual(down.map(\.detail), ["manager ready", "worker down"])
        XCTAssertEqual(down[1].detailStyle, Style(.error))
    }

    /// ←/→, the mouse and `l` reach the pending column's cards as any node's.
    func testThePendingColumnIsSelectedByKeysAndMouseAndOpensLogs() throws {
        let snapshot = try LabFixtures.placementSnapshot()
        let gpu = try XCTUnwrap(taskID(snapshot, service: "hgrid_gpu"))
        var state = placement(snapshot)
        XCTAssertEqual(state.selection.id, .task(gpu), "the first card of the first column")
        state.press(.right)
        XCTAssertEqual(state.selection.column, 1)
        XCTAssertNotEqual(state.selection.id, .task(gpu))
        state.press(.left)
        XCTAssertEqual(state.selection.id, .task(gpu))
        state.press(.right, .right)
        let lines = render(state, width: 100, height: 24, now: snapshot.refreshedAt!).lines
        let y = try XCTUnwrap(lines.firstIndex { $0.contains("hgrid_gpu.1") })
        XCTAssertEqual(state.target(atX: 3, y: y), .card(column: 0, row: 0))
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 3, y: y)))
        XCTAssertEqual(state.selection.id, .task(gpu))
        let effects = state.press(.char("l"))
        XCTAssertEqual(state.logs?.target, .task(id: gpu, name: "hgrid_gpu.1"))
        XCTAssertFalse(effects.isEmpty)
    }
}

extension PlacementMarksTests {
    /// A card leaves out its stack's prefix only when the name's bytes start with it: a stack
    /// label that is canonically equal to the name's start but other bytes (a Kelvin sign for a
    /// K) leaves the name whole, never cut short by the prefix's length in bytes.
    func testACardLeavesOutItsStacksPrefixByItsBytes() throws {
        var snapshot = try LabFixtures.snapshot()
        let web = try XCTUnwrap(snapshot.services.firstIndex { $0.name == "lab_web" })
        XCTAssertEqual(PlacementView.columns(snapshot).flatMap(\.cards).filter { $0.name.hasPrefix("lab_web.") }.map(\.text).first?.hasPrefix("web."), true)
        snapshot.services[web].spec.name = "K_kel"
        snapshot.services[web].spec.labels?["com.docker.stack.namespace"] = "\u{212A}"
        let texts = PlacementView.columns(snapshot).flatMap(\.cards).filter { $0.name.hasPrefix("K_kel.") }.map(\.text)
        XCTAssertFalse(texts.isEmpty)
        XCTAssertTrue(texts.allSatisfy { $0.hasPrefix("K_kel.") }, "\(texts)")
    }
}
