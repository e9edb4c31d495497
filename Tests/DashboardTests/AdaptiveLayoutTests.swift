import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The layout adapting to the terminal: the placement grid beside a table on a wide terminal,
/// node columns scrolling sideways, the three reference sizes, and the mouse on a wide screen.
final class AdaptiveLayoutTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let now = SampleCluster.refreshedAt

    /// The sample swarm with `count` nodes (node01 the manager), an agent task on each and a
    /// web task on every third.
    private func manyNodes(_ count: Int) -> ClusterSnapshot {
        let ids = (1...count).map { String(format: "%02d", $0) }
        return SampleCluster.snapshot(
            nodes: ids.map { SampleCluster.node("n\($0)", "node\($0)", role: $0 == "01" ? "manager" : "worker", leader: $0 == "01" ? true : nil) },
            tasks: ids.map { SampleCluster.task("t-agent\($0)", service: "s-agent", slot: nil, node: "n\($0)") }
                + ids.enumerated().filter { $0.offset % 3 == 0 }.map { i, id in
                    SampleCluster.task("t-web\(id)", service: "s-web", slot: i + 1, node: "n\(id)")
                })
    }

    func testPlacementColumnsScrollSidewaysKeepingTheSelectedNodeInView() {
        var state = AppState.loaded(manyNodes(12), height: 10)
        state.press(.char("5"))
        // 80 columns: five node columns of 14, a column kept at each edge for the markers.
        XCTAssertEqual(render(state, width: 80, height: 10, now: now).lines[1...4], [
            " node01        node02        node03        node04        node05                ▶",
            " manager ready worker ready  worker ready  worker ready  worker ready",
            " agent.node01  agent.node02  agent.node03  agent.node04  agent.node05",
            " web.1                                     web.4",
        ])
        state.press(.right, .right, .right, .right, .right)
        XCTAssertEqual(state.selection.column, 5)
        XCTAssertEqual(state.selection.firstColumn, 1)
        XCTAssertEqual(render(state, width: 80, height: 10, now: now).lines[1], "◀node02        node03        node04        node05        node06                ▶")
        // Back left inside the view: it does not move.
        state.press(.left, .left, .left)
        XCTAssertEqual(state.selection.firstColumn, 1)
        state.press(.left, .left)
        XCTAssertEqual(state.selection.firstColumn, 0)
        state.press(.char("G"), .right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right)
        XCTAssertEqual(state.selection.column, 11)
        let last = render(state, width: 80, height: 10, now: now).lines
        XCTAssertEqual(last[1], "◀node08        node09        node10        node11        node12")
        XCTAssertEqual(state.selection.id, .task("t-agent12"))
        // The view scrolled the least: node12 at the right edge.
        XCTAssertEqual(state.selection.firstColumn, 7)
    }

    func testAClickOnAScrolledPlacementColumnSelectsThatCardWithoutScrolling() {
        var state = AppState.loaded(manyNodes(12), height: 10)
        state.press(.char("5"))
        for _ in 0..<8 { state.press(.right) }
        XCTAssertEqual(state.selection.firstColumn, 4)
        let lines = render(state, width: 80, height: 10, now: now).lines
        let y = lines.firstIndex { $0.contains("agent.node07") }!
        let x = DisplayText.width(String(lines[y][..<lines[y].range(of: "agent.node07")!.lowerBound]))
        _ = reduce(&state, .mouse(MouseEvent(.press, x: x + 3, y: y)))
        XCTAssertEqual(state.selection.id, .task("t-agent07"))
        XCTAssertEqual(state.selection.firstColumn, 4)
        // The markers are no cards.
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 0, y: y)))
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 79, y: y)))
        XCTAssertEqual(state.selection.id, .task("t-agent07"))
    }

    func testAClickOnAMarkerScrollsTheNodeColumns() {
        var state = AppState.loaded(manyNodes(12), height: 10)
        state.press(.char("5"))
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 0, y: 1)))
        XCTAssertEqual(state.selection.firstColumn, 0, "no ◀ at the first column: nothing happens")
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 79, y: 1)))
        XCTAssertEqual(state.selection.firstColumn, 1)
        XCTAssertEqual(state.selection.id, .task("t-agent02"), "node01 left the view: its neighbour is selected")
        XCTAssertEqual(render(state, width: 80, height: 10, now: now).lines[1].prefix(7), "◀node02")
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 0, y: 1)))
        XCTAssertEqual(state.selection.firstColumn, 0)
        XCTAssertEqual(state.selection.id, .task("t-agent02"), "still in view: the selection stays")
        // Beside the services table (no task selected there), the grid scrolls the same way.
        var wide = AppState.loaded(manyNodes(12), width: 240, height: 30)
        wide.press(.char("2"))
        XCTAssertTrue(render(wide, width: 240, height: 30, now: now).lines[1].hasSuffix("node06" + String(repeating: " ", count: 17) + "▶"))
        _ = reduce(&wide, .mouse(MouseEvent(.press, x: 239, y: 1)))
        _ = reduce(&wide, .mouse(MouseEvent(.press, x: 239, y: 1)))
        XCTAssertEqual(wide.pane, .services)
        let line = render(wide, width: 240, height: 30, now: now).lines[1]
        XCTAssertTrue(line.hasSuffix("│◀node03        node04        node05        node06        node07        node08" + String(repeating: " ", count: 17) + "▶"), line)
    }

    func testATallColumnPagesWithTheSelection() {
        let tasks = (1...30).map { SampleCluster.task("t-web\($0)", service: "s-web", slot: $0, node: "n1") }
        var state = AppState.loaded(SampleCluster.snapshot(tasks: tasks), height: 12)  // 7 card rows
        state.press(.char("5"))
        XCTAssertEqual(render(state, width: 40, height: 12, now: now).lines[9], "+24 more")
        state.press(.pageDown)
        XCTAssertEqual(state.selection.row, 7)
        state.press(.pageDown, .pageDown)
        let lines = render(state, width: 40, height: 12, now: now).lines
        // Selected: web.22 (row 21); shown: web.18 … web.22.
        XCTAssertEqual(lines[3], "+17 above")
        XCTAssertEqual(lines[4...8], ["web.18", "web.19", "web.20", "web.21", "web.22"])
        XCTAssertEqual(lines[9], "+8 more")
    }

    /// A line of the 240-column screen: the table's text, the rule at column 144, the grid's text.
    private func beside(_ table: String, _ grid: String) -> String {
        let line = table.padding(toLength: 144, withPad: " ", startingAt: 0) + "│" + grid
        return line.replacingOccurrences(of: " +$", with: "", options: .regularExpression)
    }

    /// The lab's tasks at 240x70: the table on the left three fifths, the grid on the right.
    func testAWideTerminalShowsPlacementBesideTheTable() throws {
        var state = AppState.loaded(try LabFixtures.snapshot(), width: 240, height: 70)
        state.press(.char("3"), .down, .down, .down, .down)
        let buffer = render(state, width: 240, height: 70, now: try LabFixtures.capturedAt())
        let lines = buffer.lines
        XCTAssertEqual(Array(lines[0...12]), [
            "swarmtop  1 Nodes  2 Services  3 Tasks  4 Containers  5 Placement  6 Disk  7 Events",
            beside("NAME             NODE   DESIRED STATE  CURRENT STATE                   ERROR", "node1                           node2"),
            beside("lab_agent.node1  node1  Running        Running 8 seconds ago", "manager ready                   worker ready"),
            beside("lab_agent.node2  node2  Running        Running 9 seconds ago", "agent.node1                     agent.node2"),
            beside("lab_scribbler.1  node2  Running        Running 8 seconds ago", "scribbler.2                     scribbler.1"),
            beside("lab_scribbler.2  node1  Running        Running 9 seconds ago", "viz.1                           web.1"),
            beside("lab_viz.1        node1  Running        Running less than a second ago", "web.2                           web.3"),
            beside("lab_web.1        node2  Running        Running 7 seconds ago", "web.4                           web.5"),
            beside("lab_web.2        node1  Running        Running 8 seconds ago", ""),
            beside("lab_web.3        node2  Running        Running 7 seconds ago", ""),
            beside("lab_web.4        node1  Running        Running 8 seconds ago", ""),
            beside("lab_web.5        node2  Running        Running 7 seconds ago", ""),
            beside("", ""),
        ])
        XCTAssertEqual(Array(lines[13...67]), Array(repeating: beside("", ""), count: 55))
        XCTAssertEqual(Array(lines[68...69]), [
            "q quit  ? help  x stop  l logs  / filter  s sort  : command",
            "unix:///run/swarmtop-lab/node1.sock  API 1.41  refreshed 11:33:01",
        ])
        // lab_viz.1 is selected in the table (row 6) and its card (node1, third) in the grid.
        XCTAssertEqual(state.selection.id, state.placementBesideSelection.id)
        XCTAssertEqual(buffer[0, 6].style, Style(.selected))
        XCTAssertEqual((145..<176).map { buffer[$0, 5].style }, Array(repeating: Style(.selected), count: 31))
        XCTAssertNotEqual(buffer[145, 6].style, Style(.selected))
        // The services pane selects no task: no card is highlighted.
        state.press(.char("2"))
        let services = render(state, width: 240, height: 70, now: try LabFixtures.capturedAt())
        XCTAssertTrue(services.lines[5].hasSuffix("│viz.1                           web.1"), services.lines[5])
        XCTAssertFalse((2..<68).contains { y in (145..<240).contains { services[$0, y].style == Style(.selected) } })
    }

    func testTheGridIsBesideEveryTablePaneFrom200Columns() throws {
        for pane in Pane.allCases {
            var state = AppState.loaded(try LabFixtures.snapshot(), width: 200, height: 24)
            state.press(.char(pane.digit))
            let at200 = render(state, width: 200, height: 24, now: try LabFixtures.capturedAt()).lines
            XCTAssertEqual(at200[1].contains("│node1"), pane != .placement && pane != .disk && pane != .events, "\(pane) at 200:\n\(at200[1])")
            _ = reduce(&state, .resize(width: 199, height: 24))
            let at199 = render(state, width: 199, height: 24, now: try LabFixtures.capturedAt()).lines
            XCTAssertFalse(at199.joined().contains("│"), "\(pane) at 199")
        }
    }

    func testAClickOnACardBesideTheTableSelectsItsTaskInTheTasksPane() throws {
        var state = AppState.loaded(try LabFixtures.snapshot(), width: 240, height: 70)
        state.press(.char("2"))
        // web.3 is on node2 (x 177), fifth card (y 6).
        XCTAssertTrue(render(state, width: 240, height: 70, now: try LabFixtures.capturedAt()).lines[6].hasSuffix("web.2                           web.3"))
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 180, y: 6)))
        XCTAssertEqual(state.pane, .tasks)
        XCTAssertEqual(state.table.rows[state.selection.row].cells[0].text, "lab_web.3")
        XCTAssertEqual(state.placementBesideSelection.id, state.selection.id)
        XCTAssertEqual(state.placementBesideSelection.column, 1)
        // A click on a row moves the card highlighted beside it.
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 3, y: 2)))
        XCTAssertEqual(state.table.rows[state.selection.row].cells[0].text, "lab_agent.node1")
        let agent = state.selection.id
        XCTAssertEqual(state.placementBesideSelection.id, agent)
        XCTAssertEqual(state.placementBesideSelection.column, 0)
        // The rule and the node header rows are no cards; the tab bar still switches panes.
        for (x, y) in [(144, 5), (150, 1), (150, 2), (150, 30)] { _ = reduce(&state, .mouse(MouseEvent(.press, x: x, y: y))) }
        XCTAssertEqual(state.table.rows[state.selection.row].cells[0].text, "lab_agent.node1")
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 60, y: 0)))
        XCTAssertEqual(state.pane, .placement)
        XCTAssertEqual(state.selection.id, agent, "the placement pane opens on the card selected beside the table")
    }

    /// Every pane at the three sizes: 20x6 (the smallest), 80x24 and 240x70.
    func testEveryPaneAtTheThreeReferenceSizes() throws {
        let expectedFirstRows: [Pane: (String, String)] = [
            .nodes: ("HOSTNAME  AVAILABIL…", "node1 *   Active"),
            .services: ("NAME          REPLI…", "▾ lab  4 services"),
            .tasks: ("NAME        NODE   …", "lab_agent…  node1  …"),
            .containers: ("NAME              N…", "lab_agent.bmfic…  n…"),
            .placement: (" node1             ▶", " manager ready"),
            .disk: ("storage driver of n…", "waiting for the eng…"),
            .events: ("TIME  NAME  NODE  M…", "no events"),
        ]
        for pane in Pane.allCases {
            for (w, h) in [(20, 6), (80, 24), (240, 70)] {
                var state = AppState.loaded(try LabFixtures.snapshot(), width: w, height: h)
                state.press(.char(pane.digit))
                let buffer = render(state, width: w, height: h, now: try LabFixtures.capturedAt())
                XCTAssertEqual(buffer.lines.count, h)
                XCTAssertTrue(buffer.lines.allSatisfy { DisplayText.width($0) <= w }, "\(pane) \(w)x\(h)")
                XCTAssertTrue(buffer.lines[h - 1].contains("API 1.41"), "\(pane) \(w)x\(h): \(buffer.lines[h - 1])")
                if w == 20 {
                    XCTAssertEqual(buffer.lines[0], " 1 Nodes  2 Services")
                    XCTAssertEqual([buffer.lines[1], buffer.lines[2]], [expectedFirstRows[pane]!.0, expectedFirstRows[pane]!.1], "\(pane)")
                }
                XCTAssertEqual(buffer.lines[1].contains("│"), w == 240 && pane != .placement && pane != .disk && pane != .events, "\(pane) \(w)x\(h)")
            }
        }
        var small = AppState.loaded(try LabFixtures.snapshot(), width: 19, height: 6)
        XCTAssertEqual(render(small, width: 19, height: 6, now: now).lines.first, "terminal too small")
        _ = reduce(&small, .resize(width: 20, height: 5))
        XCTAssertEqual(render(small, width: 20, height: 5, now: now).lines.first, "terminal too small")
    }
}
