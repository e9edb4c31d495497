import Foundation
import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The compact placement grid (`z` in the Placement pane): a row per node, a cell per task, on
/// answers captured from the lab (its snapshot, `placement/` with a pending and a crash-looping
/// task, the timeline's drained and node-down steps) and on a 200-node swarm made in memory
/// from the captured objects (as the benchmarks' `BigSwarm` makes one).
final class PlacementRowsTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    /// The placement pane of `snapshot`, `z` pressed.
    private func compact(_ snapshot: ClusterSnapshot, width: Int = 100, height: Int = 24) -> AppState {
        var state = AppState.loaded(snapshot, width: width, height: height)
        state.press(.char("5"), .char("z"))
        return state
    }

    private func screen(_ state: AppState) -> CellBuffer {
        render(state, width: state.width, height: state.height, now: state.snapshot!.refreshedAt!)
    }

    /// A card's cell as the compact grid draws it: its mark, or a square for a running task.
    private func glyph(_ card: PlacementCard) -> String {
        card.text.hasPrefix("✗ ") ? "✗" : card.text.hasPrefix("◌ ") ? "◌" : "■"
    }

    /// The row a node column becomes: its hostname padded to `hostWidth`, then a cell per card.
    private func row(_ column: PlacementColumnModel, hostWidth: Int) -> String {
        let host = column.hostname.padding(toLength: hostWidth, withPad: " ", startingAt: 0)
        return (host + " " + column.cards.map { glyph($0) + " " }.joined()).trimmingCharacters(in: .whitespaces)
    }

    /// `z` turns the columns into a row per node (the lab: node1, node2), each task a cell in its
    /// service's colour; the tab bar says `compact`; `z` again brings the columns back.
    func testZShowsARowPerNodeWithACellPerTaskInItsServiceColour() throws {
        let snapshot = try LabFixtures.snapshot()
        var state = compact(snapshot)
        let columns = state.model.placement
        XCTAssertEqual(columns.map(\.hostname), ["node1", "node2"])
        let buffer = screen(state)
        XCTAssertTrue(buffer.lines[0].contains("compact"), buffer.lines[0])
        XCTAssertEqual(buffer.lines[1].trimmingCharacters(in: .whitespaces), row(columns[0], hostWidth: 5))
        XCTAssertEqual(buffer.lines[2].trimmingCharacters(in: .whitespaces), row(columns[1], hostWidth: 5))
        XCTAssertFalse(columns[1].cards.isEmpty)
        for (i, card) in columns[1].cards.enumerated() {
            XCTAssertEqual(buffer[6 + 2 * i, 2].style, card.style, "node2's cell \(i) in its service's colour")
        }
        XCTAssertEqual(buffer[6, 1].style, Style(.selected), "the first cell of node1 is selected")

        state.press(.char("z"))
        XCTAssertFalse(screen(state).lines[0].contains("compact"))
        XCTAssertTrue(screen(state).lines[1].hasPrefix("node1        "), "the columns again: \(screen(state).lines[1])")
    }

    /// The pending tasks are a first row named `pending`; a failing task's cell is `✗` in the
    /// failed colour, a starting one's `◌` in its state's; a drained node's row is dim, a down
    /// node's hostname marked in the error colour: not colour alone.
    func testPendingFailingStartingDrainedAndDownAreMarked() throws {
        let placement = try LabFixtures.placementSnapshot()
        let state = compact(placement)
        let columns = state.model.placement
        let lines = screen(state).lines
        XCTAssertEqual(lines[1].trimmingCharacters(in: .whitespaces), "pending ◌")
        XCTAssertEqual(lines[2].trimmingCharacters(in: .whitespaces), row(columns[1], hostWidth: 7))
        XCTAssertEqual(lines[3].trimmingCharacters(in: .whitespaces), row(columns[2], hostWidth: 7))
        let crash = try XCTUnwrap(columns[1].cards.firstIndex { $0.text.contains("hgrid_crash") })
        XCTAssertEqual(screen(state)[8 + 2 * crash, 2].text, "✗")
        XCTAssertEqual(screen(state)[8 + 2 * crash, 2].style, Style(.taskState(.failed)))

        let drained = compact(try LabFixtures.timelineSnapshot("04-drained"))
        let drainedScreen = screen(drained)
        let starting = try XCTUnwrap(drained.model.placement[0].cards.firstIndex { $0.text.hasPrefix("◌ ") })
        XCTAssertEqual(drainedScreen[6 + 2 * starting, 1].text, "◌")
        XCTAssertEqual(drainedScreen[6 + 2 * starting, 1].style, drained.model.placement[0].cards[starting].style)
        XCTAssertTrue(drainedScreen.lines[2].hasPrefix("node2"))
        XCTAssertEqual(drainedScreen[0, 2].style, Style(.dim), "the drained node's hostname, dim")
        if !drained.model.placement[1].cards.isEmpty { XCTAssertEqual(drainedScreen[6, 2].style, Style(.dim)) }

        let down = screen(compact(try LabFixtures.timelineSnapshot("08-node-down")))
        XCTAssertTrue(down.lines[2].hasPrefix("✗ node2"), down.lines[2])
        XCTAssertEqual(down[2, 2].style, Style(.error, bold: true))
    }

    /// j/k move between nodes, ←/→ between a node's tasks, a click selects a cell; the line under
    /// the grid names the selected task; `l`, `i` and `e` act on it as on a card.
    func testSelectionMovesByKeysAndMouseAndTheSelectedTaskIsNamed() throws {
        let snapshot = try LabFixtures.placementSnapshot()
        var state = compact(snapshot)
        let columns = state.model.placement
        let nameLine = state.height - 3
        XCTAssertEqual(state.selection.id, .task(columns[0].cards[0].taskID))
        XCTAssertTrue(screen(state).lines[nameLine].hasPrefix("hgrid_gpu.1 pending, no node · "), screen(state).lines[nameLine])

        state.press(.char("j"), .right)
        let second = try XCTUnwrap(snapshot.tasks.first { $0.id == columns[1].cards[1].taskID })
        XCTAssertEqual(state.selection.id, .task(second.id))
        let age = Format.humanDuration(snapshot.refreshedAt!.timeIntervalSince(second.status!.timestamp!)).lowercased()
        XCTAssertTrue(screen(state).lines[nameLine].hasPrefix("\(snapshot.taskName(second)) \(second.state) on node1 · \(age)"),
                      screen(state).lines[nameLine])
        XCTAssertEqual(screen(state)[8 + 2, 2].style, Style(.selected))
        state.press(.left)
        XCTAssertEqual(state.selection.id, .task(columns[1].cards[0].taskID))
        state.press(.char("j"))
        XCTAssertEqual(state.selection.id, .task(columns[2].cards[0].taskID), "node2's first task")
        state.press(.char("k"), .char("k"))
        XCTAssertEqual(state.selection.id, .task(columns[0].cards[0].taskID), "back on the pending row")

        // A click on node2's third cell.
        XCTAssertEqual(state.target(atX: 8 + 4, y: 3), .card(column: 2, row: 2))
        XCTAssertNil(state.target(atX: 8 + 5, y: 3), "between two cells")
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 8 + 4, y: 3)))
        let third = columns[2].cards[2].taskID
        XCTAssertEqual(state.selection.id, .task(third))
        XCTAssertFalse(state.press(.char("l")).isEmpty)
        XCTAssertEqual(state.logs?.target.source, .task(id: third))
        state.press(.char("q"))
        state.press(.char("i"))
        XCTAssertNotNil(state.inspect)

        // e on the lab (whose node engines are reached): node2's second task's container, on node2.
        let lab = try LabFixtures.snapshot()
        var onLab = compact(lab)
        onLab.press(.char("j"), .right)
        guard case .task(let selected)? = onLab.selection.id else { return XCTFail("no task selected on node2") }
        let container = lab.tasks.first { $0.id == selected }?.status?.containerStatus?.containerID
        onLab.press(.char("e"))
        guard case .exec(let request)? = onLab.press(.enter).first else { return XCTFail("e then Enter runs no exec: \(String(describing: onLab.status))") }
        XCTAssertEqual(request.hostname, "node2")
        XCTAssertEqual(request.containerID, container)
    }

    /// The mode stays while swarmtop runs: other panes and back keep it; help lists `z`; the
    /// config file rebinds it as `compact_grid`.
    func testTheModeIsRememberedAndHelpListsIt() throws {
        var state = compact(try LabFixtures.snapshot())
        state.press(.char("1"), .char("5"))
        XCTAssertTrue(screen(state).lines[0].contains("compact"))
        XCTAssertTrue(screen(state).lines[1].hasPrefix("node1 ■"), screen(state).lines[1])
        state.press(.char("?"))
        XCTAssertTrue(screen(state).lines.contains { $0.contains("z") && $0.contains("compact") })
        // The config file's [keys] names it compact_grid.
        let keymap = try Keymap.standard.overriding(["compact_grid": [.char("Z")]])
        var rebound = AppState(endpoint: "lab", pane: .placement, keymap: keymap, width: 100, height: 24)
        _ = reduce(&rebound, .snapshot(try LabFixtures.snapshot()))
        rebound.press(.char("Z"))
        XCTAssertTrue(rebound.compactPlacement)
    }

    /// From 200 columns the grid beside a table is compact too while the mode is on: the task
    /// selected in the table is the selected cell, named under the grid; a click on a cell selects
    /// its task in the table.
    func testTheGridBesideATableIsCompactToo() throws {
        let snapshot = try LabFixtures.snapshot()
        var state = compact(snapshot, width: 240, height: 70)
        state.press(.char("3"))
        let beside = try XCTUnwrap(state.layout.placementBeside(.tasks))
        let columns = state.model.placement
        func besideLine(_ y: Int) -> String {
            String(screen(state).lines[y].dropFirst(beside.x)).trimmingCharacters(in: .whitespaces)
        }
        XCTAssertEqual(besideLine(1), row(columns[0], hostWidth: 5))
        XCTAssertEqual(besideLine(2), row(columns[1], hostWidth: 5))
        guard case .task(let selected)? = state.selection.id else { return XCTFail("no task selected") }
        let task = try XCTUnwrap(snapshot.tasks.first { $0.id == selected })
        XCTAssertTrue(besideLine(beside.y + beside.height - 1).hasPrefix("\(snapshot.taskName(task)) running on "),
                      besideLine(beside.y + beside.height - 1))
        // node2's second cell, clicked: its task selected in the table.
        _ = reduce(&state, .mouse(MouseEvent(.press, x: beside.x + 6 + 2, y: 2)))
        XCTAssertEqual(state.pane, .tasks)
        XCTAssertEqual(state.selection.id, .task(columns[1].cards[1].taskID))
        XCTAssertEqual(screen(state)[beside.x + 6 + 2, 2].style, Style(.selected))
    }

    /// The node rows of a screen's `lines`, found by hostname (`node001`…) in any band: the
    /// hostname and the 50 cells after it and a space.
    private func bandRows(_ lines: ArraySlice<String>) -> [String: String] {
        var rows: [String: String] = [:]
        for line in lines {
            let chars = Array(line)
            for i in chars.indices where chars[i...].starts(with: "node") && i + 7 <= chars.count
                && chars[(i + 4)..<(i + 7)].allSatisfy(\.isNumber) {
                rows[String(chars[i..<(i + 7)])] = String(chars[min(chars.count, i + 8)..<min(chars.count, i + 58)])
            }
        }
        return rows
    }

    /// 200 nodes x 50 tasks on 240x70: every node's row and every one of the 10,000 cells on
    /// one screen, in 4 side-by-side bands of one-column cells; a smaller screen pages with the
    /// selected row in view; a narrow one counts the cells cut.
    func testTwoHundredNodesOfFiftyTasksFitOnOneScreenInBands() throws {
        let snapshot = try Self.bigSnapshot(nodes: 200, tasksPerNode: 50)
        var state = compact(snapshot, width: 240, height: 70)
        let columns = state.model.placement
        XCTAssertEqual(columns.count, 200)
        XCTAssertTrue(columns.allSatisfy { $0.cards.count == 50 })
        let lines = screen(state).lines
        let rows = bandRows(lines[1...66])
        XCTAssertEqual(rows.count, 200, "every node's row on one screen")
        let glyphs: Set<Character> = ["■", "✗", "◌"]
        for (host, cells) in rows { XCTAssertEqual(cells.filter { glyphs.contains($0) }.count, 50, "\(host)'s cells: \(cells)") }
        XCTAssertEqual(lines[1...66].map { $0.filter { glyphs.contains($0) }.count }.reduce(0, +), 10_000, "every cell on one screen")
        XCTAssertFalse(lines[1...66].contains { $0.contains("+") })
        XCTAssertFalse(lines[67].contains("rows "), lines[67])
        XCTAssertTrue(rows.values.contains { $0.contains("◌") }, "a starting task at scale")
        XCTAssertTrue(rows.values.contains { $0.contains("✗") }, "a failing task at scale")
        let failingNode = try XCTUnwrap((1..<50).first { c in columns[c].cards.contains { $0.text.hasPrefix("✗ ") } })
        let failing = try XCTUnwrap(columns[failingNode].cards.firstIndex { $0.text.hasPrefix("✗ ") })
        XCTAssertEqual(screen(state)[8 + failing, 1 + failingNode].style, Style(.taskState(.failed)), "a failing cell in the failed colour")
        state.press(.char("G"))
        XCTAssertEqual(state.selection.column, 199)
        XCTAssertEqual(bandRows(screen(state).lines[1...66]).count, 200, "G: still one screen")

        // 240x24: 4 bands of 20 rows, paged; G keeps node200 in view.
        var short = compact(snapshot, width: 240, height: 24)
        XCTAssertEqual(bandRows(screen(short).lines[1...20]).count, 80)
        XCTAssertTrue(screen(short).lines[21].hasSuffix("rows 1-80 of 200"), screen(short).lines[21])
        short.press(.char("G"))
        XCTAssertNotNil(bandRows(screen(short).lines[1...20])["node200"])
        XCTAssertTrue(screen(short).lines[21].hasSuffix("rows 121-200 of 200"), screen(short).lines[21])

        // 40 columns: 32 cells less a `+N` marker; → past them scrolls the selected row.
        var narrow = compact(snapshot, width: 40, height: 24)
        let first = screen(narrow).lines[1]
        let shown = first.filter { glyphs.contains($0) }.count
        XCTAssertTrue(first.hasSuffix("+\(50 - shown)"), first)
        for _ in 0..<49 { narrow.press(.right) }
        XCTAssertEqual(narrow.selection.id, .task(columns[0].cards[49].taskID))
        let last = screen(narrow).lines[1]
        XCTAssertTrue(last.hasPrefix("node001 +"), last)
        XCTAssertEqual(screen(narrow)[last.count - 1, 1].style, Style(.selected), "the last cell, selected, in view")
    }

    /// In bands (200 nodes on 240x70: 4 bands of 50 rows, 60 columns apart) j/k read down a
    /// band then on to the next, ←/→ move along the node's cells, a click in the second or the
    /// last band selects the cell under it, and the line under the grid names it.
    func testBandsReadDownThenAcrossAndTakeClicksInEveryBand() throws {
        let snapshot = try Self.bigSnapshot(nodes: 200, tasksPerNode: 50)
        var state = compact(snapshot, width: 240, height: 70)
        let columns = state.model.placement
        let lines = screen(state).lines
        XCTAssertTrue(lines[1].hasPrefix("node001 "), lines[1])
        XCTAssertTrue(String(lines[1].dropFirst(60)).hasPrefix("node051 "), lines[1])
        XCTAssertTrue(String(lines[1].dropFirst(180)).hasPrefix("node151 "), lines[1])
        XCTAssertTrue(String(lines[50].dropFirst(180)).hasPrefix("node200 "), lines[50])

        for _ in 0..<50 { state.press(.char("j")) }
        XCTAssertEqual(state.selection.column, 50, "j from the first band's last row: the second band's first")
        XCTAssertEqual(screen(state)[60 + 8, 1].style, Style(.selected))
        state.press(.char("k"), .right, .right)
        XCTAssertEqual(state.selection.id, .task(columns[49].cards[2].taskID))
        XCTAssertEqual(screen(state)[8 + 2, 50].style, Style(.selected))

        // A click in the second band: node052's fifth cell; in the last: node200's last.
        XCTAssertEqual(state.target(atX: 60 + 8 + 4, y: 2), .card(column: 51, row: 4))
        XCTAssertEqual(state.target(atX: 180 + 8 + 49, y: 50), .card(column: 199, row: 49))
        XCTAssertNil(state.target(atX: 180 + 3, y: 50), "a hostname")
        XCTAssertNil(state.target(atX: 59, y: 1), "between two bands")
        XCTAssertNil(state.target(atX: 180 + 8, y: 51), "under the last band's rows")
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 60 + 8 + 4, y: 2)))
        XCTAssertEqual(state.selection.id, .task(columns[51].cards[4].taskID))
        XCTAssertTrue(screen(state).lines[67].hasPrefix(columns[51].cards[4].name + " "), screen(state).lines[67])
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 180 + 8 + 49, y: 50)))
        let last = columns[199].cards[49].taskID
        XCTAssertEqual(state.selection.id, .task(last))
        XCTAssertEqual(screen(state)[180 + 8 + 49, 50].style, Style(.selected))
        XCTAssertFalse(state.press(.char("l")).isEmpty)
        XCTAssertEqual(state.logs?.target.source, .task(id: last))
    }

    /// On a screen too short for the lab's pending row and two nodes, they make two bands: the
    /// pending row first, the down node's `✗` mark and the failing cell's `✗` in one-column cells.
    func testPendingAndMarksKeepInBands() throws {
        let state = compact(try LabFixtures.placementSnapshot(), width: 60, height: 6)
        let columns = state.model.placement
        XCTAssertEqual(columns.count, 3)
        let lines = screen(state).lines
        XCTAssertTrue(lines[1].hasPrefix("pending ◌"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("node1   " + columns[1].cards.prefix(3).map(\.cell).joined()), lines[2])
        let crash = try XCTUnwrap(columns[1].cards.firstIndex { $0.text.contains("hgrid_crash") })
        XCTAssertEqual(screen(state)[8 + crash, 2].style, Style(.taskState(.failed)))
        XCTAssertTrue(lines[1].contains(" node2 "), "node2 in the second band: \(lines[1])")
        XCTAssertEqual(state.target(atX: 8 + crash, y: 2), .card(column: 1, row: crash))
    }

    /// A swarm of `nodes` nodes with `tasksPerNode` running tasks each, replicated from the
    /// captured lab objects under new IDs and names (one service per task; a task in 97 starting, one in 89 failed).
    static func bigSnapshot(nodes nodeCount: Int, tasksPerNode: Int) throws -> ClusterSnapshot {
        func load(_ name: String) throws -> [[String: Any]] {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: LabFixtures.data(name)) as? [[String: Any]])
        }
        func set(_ object: inout [String: Any], _ path: [String], _ value: Any) {
            guard let key = path.first else { return }
            if path.count == 1 { object[key] = value; return }
            var inner = object[key] as? [String: Any] ?? [:]
            set(&inner, Array(path.dropFirst()), value)
            object[key] = inner
        }
        let nodeTemplates = try load("nodes.json"), serviceTemplates = try load("services.json"), taskTemplates = try load("tasks.json")
        let nodes = (0..<nodeCount).map { i in
            var n = nodeTemplates[i % nodeTemplates.count]
            n["ID"] = "n\(i)"
            set(&n, ["Description", "Hostname"], String(format: "node%03d", i + 1))
            set(&n, ["Spec", "Role"], i == 0 ? "manager" : "worker")
            if i > 0 { n.removeValue(forKey: "ManagerStatus") }
            return n
        }
        let serviceCount = tasksPerNode * 10
        let services = (0..<serviceCount).map { i in
            var s = serviceTemplates[i % serviceTemplates.count]
            s["ID"] = "s\(i)"
            set(&s, ["Spec", "Name"], String(format: "big_svc%04d", i))
            return s
        }
        let tasks = (0..<(nodeCount * tasksPerNode)).map { i in
            var t = taskTemplates[i % taskTemplates.count]
            t["ID"] = "t\(i)"
            t["ServiceID"] = "s\(i % serviceCount)"
            t["NodeID"] = "n\(i % nodeCount)"
            t["Slot"] = i / serviceCount + 1
            if i % 97 == 0 { set(&t, ["Status", "State"], "starting") }
            if i % 89 == 0 { set(&t, ["Status", "State"], "failed") }
            return t
        }
        var assembler = SnapshotAssembler(endpoint: "unix:///big.sock")
        let at = try LabFixtures.capturedAt()
        assembler.apply(EngineObservation(.manager, .apiVersion("1.41"), at: at))
        for (path, objects) in [(EnginePath.nodes, nodes), (EnginePath.services, services), (EnginePath.tasks, tasks)] {
            let body = try JSONSerialization.data(withJSONObject: objects)
            assembler.apply(EngineObservation(.manager, .answer(path: path, body: body, took: nil), at: at))
        }
        assembler.apply(EngineObservation(.manager, .roundEnd, at: at))
        return assembler.snapshot
    }
}
