import XCTest
@testable import Dashboard
import SwarmState

/// Clicks and the wheel through the reducer, aimed at what `render` draws: each click is
/// placed on text found in the rendered screen, as a person would aim it.
final class ReduceMouseTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let now = SampleCluster.refreshedAt

    /// The screen of `state` at its own size.
    private func screen(_ state: AppState) -> [String] {
        render(state, width: state.width, height: state.height, now: now).lines
    }

    /// Clicks the first cell of the first `text` on `state`'s screen at or below row `from`.
    private func click(_ text: String, in state: inout AppState, from: Int = 0, file: StaticString = #filePath, line: UInt = #line) {
        let lines = screen(state)
        guard let y = lines.indices.first(where: { $0 >= from && lines[$0].contains(text) }) else {
            return XCTFail("\(text) is not on screen:\n\(lines.joined(separator: "\n"))", file: file, line: line)
        }
        let x = DisplayText.width(String(lines[y][..<lines[y].range(of: text)!.lowerBound]))
        XCTAssertEqual(reduce(&state, .mouse(MouseEvent(.press, x: x, y: y))), [], file: file, line: line)
    }

    private func wheel(_ kind: MouseEvent.Kind, _ state: inout AppState) {
        _ = reduce(&state, .mouse(MouseEvent(kind, x: 10, y: 5)))
    }

    func testAClickOnATabShowsItsPane() {
        var state = AppState.loaded()
        click("Services", in: &state)
        XCTAssertEqual(state.pane, .services)
        click("5 Placement", in: &state)
        XCTAssertEqual(state.pane, .placement)
        click(" 1 ", in: &state)
        XCTAssertEqual(state.pane, .nodes)
        // The title left of the tabs is no tab.
        click("swarmtop", in: &state)
        XCTAssertEqual(state.pane, .nodes)
        // A click on the current tab of a drilled-down pane shows the whole pane, as its digit does.
        state.press(.down, .enter)
        XCTAssertEqual(state.scope, .nodeTasks(nodeID: "n2", hostname: "node2"))
        click("Tasks", in: &state)
        XCTAssertNil(state.scope)
        XCTAssertEqual(state.table.rows.count, 9, "every task but lab_web.5's old failed one, a quiet row")
    }

    func testAClickOnARowSelectsItAfterScrolling() {
        var state = AppState.loaded(height: 8)  // 4 task rows under the header
        state.press(.char("3"), .char("a"), .char("G"))  // a: all 10 tasks, the quiet one too
        XCTAssertEqual(state.selection.scroll, 6)
        // Rows 6…9 are shown (lab_web.4 among them): the click lands on row 7, not on screen line 7.
        click("lab_web.4", in: &state, from: 2)
        XCTAssertEqual(state.selection.id, .task("t-web4"))
        XCTAssertEqual(state.selection.scroll, 6, "a click on a visible row does not scroll")
        XCTAssertEqual(state.selection.row, state.table.index(of: .task("t-web4")))
        // The header row and the lines below the last row select nothing.
        click("CURRENT STATE", in: &state)
        XCTAssertEqual(state.selection.id, .task("t-web4"))
        var short = AppState.loaded(height: 24)
        short.press(.char("1"))
        _ = reduce(&short, .mouse(MouseEvent(.press, x: 3, y: 10)))
        XCTAssertEqual(short.selection.id, .node("n1"))
        click("node2", in: &short, from: 2)
        XCTAssertEqual(short.selection.id, .node("n2"))
    }

    func testAClickOnAPlacementCardSelectsThatTask() {
        var state = AppState.loaded()
        state.press(.char("5"))
        click("web.5", in: &state)
        XCTAssertEqual(state.selection.id, .task("t-web5"))
        XCTAssertEqual(state.selection.column, 1)
        click("viz.1", in: &state)
        XCTAssertEqual(state.selection.id, .task("t-viz1"))
        XCTAssertEqual(state.selection.column, 0)
        // The hostname and role rows are no cards.
        click("worker ready", in: &state)
        XCTAssertEqual(state.selection.id, .task("t-viz1"))
    }

    func testAClickOnAPlacementCardBelowPlusAbove() {
        var state = AppState.loaded(height: 8)  // 3 card rows
        state.press(.char("5"), .char("G"))
        XCTAssertEqual(screen(state)[3...5], [
            "+3 above                        agent.node2",
            "web.4                           web.2",
            "                                +2 more",
        ])
        click("agent.node2", in: &state)
        XCTAssertEqual(state.selection.id, .task("t-agent2"))
        // Leaving node1, its column shows from the top again: the click aimed at what was drawn.
        click("web.2", in: &state)
        XCTAssertEqual(state.selection.id, .task("t-web2"))
        click("+2 more", in: &state)
        XCTAssertEqual(state.selection.id, .task("t-web2"), "a marker is no card")
    }

    func testTheWheelMovesTheSelectionThreeRows() {
        var state = AppState.loaded(height: 8)
        state.press(.char("3"), .char("a"))  // all 10 tasks, the quiet one too
        wheel(.wheelDown, &state)
        XCTAssertEqual(state.selection.row, 3)
        wheel(.wheelDown, &state)
        XCTAssertEqual(state.selection.row, 6)
        XCTAssertEqual(state.selection.scroll, 3, "the selected row stays in view")
        wheel(.wheelDown, &state)
        wheel(.wheelDown, &state)
        XCTAssertEqual(state.selection.row, 9, "stops on the last row")
        wheel(.wheelUp, &state)
        XCTAssertEqual(state.selection.row, 6)
        state.press(.char("5"))
        wheel(.wheelDown, &state)
        XCTAssertEqual(state.selection.id, .task("t-web4"), "in the placement grid, cards of the column")
    }

    func testDialogsHelpAndATinyScreenIgnoreTheMouse() {
        var state = AppState.loaded()
        state.press(.char("2"))
        state.select(.service("s-web"))
        state.press(.char("+"))
        XCTAssertNotNil(state.confirmation)
        let before = screen(state)
        for y in 0..<state.height {
            for x in stride(from: 0, to: state.width, by: 3) {
                XCTAssertEqual(reduce(&state, .mouse(MouseEvent(.press, x: x, y: y))), [])
            }
        }
        wheel(.wheelDown, &state)
        XCTAssertNotNil(state.confirmation, "no click answers a dialog")
        XCTAssertEqual(state.pane, .services)
        XCTAssertEqual(screen(state), before)
        state.press(.char("n"), .char("?"))
        click("Tasks", in: &state)
        wheel(.wheelDown, &state)
        XCTAssertTrue(state.showsHelp)
        XCTAssertEqual(state.pane, .services)
        XCTAssertEqual(state.selection.id, .service("s-web"))
        var tiny = AppState.loaded(width: 19, height: 6)
        _ = reduce(&tiny, .mouse(MouseEvent(.press, x: 12, y: 0)))
        XCTAssertEqual(tiny.pane, .nodes)
    }

    func testBeforeTheFirstSnapshotTabsStillSwitch() {
        var state = AppState(endpoint: "unix:///var/run/docker.sock", timeZone: SampleCluster.utc)
        click("Tasks", in: &state)
        XCTAssertEqual(state.pane, .tasks)
        _ = reduce(&state, .mouse(MouseEvent(.press, x: 2, y: 3)))
        wheel(.wheelDown, &state)
        XCTAssertNil(state.selection.id)
    }
}
