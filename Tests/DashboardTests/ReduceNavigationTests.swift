import XCTest
@testable import Dashboard
import SwarmState

final class ReduceNavigationTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    func testBeforeTheFirstSnapshotKeysAreHarmless() {
        var state = AppState(endpoint: "unix:///var/run/docker.sock", timeZone: SampleCluster.utc)
        XCTAssertEqual(state.press(.down, .enter, .char("+"), .char("x"), .char("D"), .char("=")), [])
        XCTAssertNil(state.dialog)
        XCTAssertNil(state.status)
        XCTAssertNil(state.selection.id)
        XCTAssertEqual(state.pane, .nodes)
    }

    func testDigitsTabAndBackTabSwitchPanes() {
        var state = AppState.loaded()
        XCTAssertEqual(state.pane, .nodes)
        state.press(.char("3"))
        XCTAssertEqual(state.pane, .tasks)
        state.press(.char("5"))
        XCTAssertEqual(state.pane, .placement)
        state.press(.tab)
        XCTAssertEqual(state.pane, .disk)
        state.press(.char("7"))
        XCTAssertEqual(state.pane, .events)
        state.press(.tab)
        XCTAssertEqual(state.pane, .nodes)
        state.press(.backTab)
        XCTAssertEqual(state.pane, .events)
        state.press(.backTab, .backTab, .backTab, .backTab)
        XCTAssertEqual(state.pane, .tasks)
        state.press(.char("2"))
        XCTAssertEqual(state.pane, .services)
    }

    func testEachPaneKeepsItsOwnSelection() {
        var state = AppState.loaded()
        state.press(.down)
        XCTAssertEqual(state.selection.id, .node("n2"))
        state.press(.char("2"), .down, .down)
        XCTAssertEqual(state.selection.id, .service("s-viz"))
        state.press(.char("1"))
        XCTAssertEqual(state.selection.id, .node("n2"))
        state.press(.char("2"))
        XCTAssertEqual(state.selection.id, .service("s-viz"))
    }

    func testMovementIsClamped() {
        var state = AppState.loaded()
        state.press(.up, .char("k"))
        XCTAssertEqual(state.selection.row, 0)
        state.press(.char("j"), .char("j"), .char("j"))
        XCTAssertEqual(state.selection.row, 1)
        XCTAssertEqual(state.selection.id, .node("n2"))
        state.press(.char("2"), .pageDown)
        XCTAssertEqual(state.selection.id, .service("s-job"), "a page down past the end stops on the last row")
        state.press(.char("g"))
        XCTAssertEqual(state.selection.id, .stack("lab"))
        state.press(.char("G"))
        XCTAssertEqual(state.selection.row, 4)
        state.press(.home)
        XCTAssertEqual(state.selection.row, 0)
        state.press(.end)
        XCTAssertEqual(state.selection.row, 4)
        state.press(.pageUp)
        XCTAssertEqual(state.selection.row, 0)
    }

    func testScrollingKeepsTheSelectionVisible() {
        var state = AppState.loaded(height: 8)  // 4 table rows under the header
        state.press(.char("3"), .char("a"))  // all 10 tasks, the quiet one too
        XCTAssertEqual(state.table.rows.count, 10)
        state.press(.char("G"))
        XCTAssertEqual(state.selection.row, 9)
        XCTAssertEqual(state.selection.scroll, 6)
        state.press(.up, .up, .up)
        XCTAssertEqual(state.selection.scroll, 6)
        state.press(.up)
        XCTAssertEqual(state.selection.scroll, 5)
        state.press(.char("g"), .pageDown)
        XCTAssertEqual(state.selection.row, 4)
        XCTAssertEqual(state.selection.scroll, 4)
        _ = reduce(&state, .resize(width: 80, height: 24))
        XCTAssertEqual(state.selection.scroll, 0, "a taller terminal shows every row from the top")
    }

    func testSelectionFollowsItsObjectAcrossSnapshots() {
        var state = AppState.loaded()
        state.press(.char("2"))
        state.select(.service("s-web"))
        XCTAssertEqual(state.selection.row, 3)
        // A new service sorts before lab_web in the same stack: lab_web moves down a row.
        let more = SampleCluster.services + [SampleCluster.service("s-api", "lab_api", stack: "lab", mode: #"{"Replicated":{"Replicas":1}}"#)]
        _ = reduce(&state, .snapshot(SampleCluster.snapshot(services: more)))
        XCTAssertEqual(state.selection.id, .service("s-web"))
        XCTAssertEqual(state.selection.row, 4)
        // lab_web is removed: the selection stays where it was and takes that row's object.
        _ = reduce(&state, .snapshot(SampleCluster.snapshot(services: more.filter { !$0.contains(#""s-web""#) })))
        XCTAssertEqual(state.selection.row, 4)
        XCTAssertEqual(state.selection.id, .service("s-job"))
        // Everything is gone: nothing is selected.
        _ = reduce(&state, .snapshot(SampleCluster.snapshot(services: [])))
        XCTAssertNil(state.selection.id)
        XCTAssertEqual(state.selection.row, 0)
    }

    func testPlacementSelectionMovesBetweenCardsAndFollowsTheTask() {
        var state = AppState.loaded()
        state.press(.char("5"))
        // node1 (manager): lab_agent, lab_viz.1, lab_web.1, lab_web.4; node2: lab_agent, lab_web.2, .3, .5
        XCTAssertEqual(state.selection.id, .task("t-agent1"))
        state.press(.down, .down)
        XCTAssertEqual(state.selection.id, .task("t-web1"))
        state.press(.right)
        XCTAssertEqual(state.selection.column, 1)
        XCTAssertEqual(state.selection.id, .task("t-web3"))
        state.press(.right)
        XCTAssertEqual(state.selection.column, 1, "no column right of the last one")
        state.press(.char("G"))
        XCTAssertEqual(state.selection.id, .task("t-web5"))
        state.press(.left)
        XCTAssertEqual(state.selection.id, .task("t-web4"))
        // t-web1 leaves node1: the cursor stays on t-web4, now one card higher.
        _ = reduce(&state, .snapshot(SampleCluster.snapshot(tasks: SampleCluster.tasks.filter { !$0.contains(#""t-web1""#) })))
        XCTAssertEqual(state.selection.id, .task("t-web4"))
        XCTAssertEqual(state.selection.row, 2)
    }

    func testEnterDrillsDownAndEscGoesBack() {
        var state = AppState.loaded()
        state.press(.char("2"))
        state.select(.service("s-web"))
        state.press(.enter)
        XCTAssertEqual(state.pane, .tasks)
        XCTAssertEqual(state.scope, .serviceTasks(serviceID: "s-web", name: "lab_web"))
        // lab_web.5's old failed task is a quiet row.
        XCTAssertEqual(state.table.rows.map(\.id), ["t-web1", "t-web2", "t-web3", "t-web4", "t-web5"].map { .task($0) })
        state.press(.escape)
        XCTAssertEqual(state.pane, .services)
        XCTAssertNil(state.scope)
        XCTAssertEqual(state.selection.id, .service("s-web"))
        XCTAssertTrue(state.drillDown.isEmpty)

        state.press(.char("1"), .down, .enter)
        XCTAssertEqual(state.scope, .nodeTasks(nodeID: "n2", hostname: "node2"))
        XCTAssertEqual(state.table.rows.map(\.id), ["t-agent2", "t-web2", "t-web3", "t-web5", "t-job1"].map { .task($0) })
        state.press(.escape)
        XCTAssertEqual(state.pane, .nodes)
        XCTAssertEqual(state.selection.id, .node("n2"))
    }

    func testStackDrillDownNestsAndUnwinds() {
        var state = AppState.loaded()
        state.press(.char("2"), .enter)
        XCTAssertEqual(state.scope, .stackServices(stack: "lab"))
        XCTAssertEqual(state.table.rows.map(\.id), [.service("s-agent"), .service("s-viz"), .service("s-web")])
        state.press(.char("G"), .enter)
        XCTAssertEqual(state.scope, .serviceTasks(serviceID: "s-web", name: "lab_web"))
        XCTAssertEqual(state.drillDown.count, 2)
        state.press(.escape)
        XCTAssertEqual(state.scope, .stackServices(stack: "lab"))
        XCTAssertEqual(state.selection.id, .service("s-web"))
        state.press(.escape)
        XCTAssertNil(state.scope)
        XCTAssertEqual(state.selection.id, .stack("lab"))
        state.press(.escape)
        XCTAssertEqual(state.pane, .services, "Esc with nowhere to go back does nothing")
    }

    func testSwitchingPanesForgetsTheDrillDown() {
        var state = AppState.loaded()
        state.press(.char("2"), .enter, .enter)
        XCTAssertEqual(state.pane, .tasks)
        state.press(.char("3"))
        XCTAssertNil(state.scope, "3 shows every task")
        XCTAssertTrue(state.drillDown.isEmpty)
        XCTAssertEqual(state.table.rows.count, 9, "every task but the quiet one")
    }

    func testEnterDoesNothingWhereThereIsNothingToOpen() {
        var state = AppState.loaded()
        state.press(.char("4"), .enter)
        XCTAssertEqual(state.pane, .containers)
        XCTAssertTrue(state.drillDown.isEmpty)
    }

    func testTasksListCurrentTasksBeforeHistory() {
        var state = AppState.loaded()
        state.press(.char("3"), .char("a"))  // the quiet rows too
        XCTAssertEqual(state.table.rows.map(\.id), [
            "t-agent1", "t-agent2", "t-viz1", "t-web1", "t-web2", "t-web3", "t-web4", "t-web5", "t-web5-old", "t-job1",
        ].map { .task($0) })
    }

    func testHelpOverlayTakesOnlyItsOwnKeys() {
        var state = AppState.loaded()
        state.press(.char("?"))
        XCTAssertTrue(state.showsHelp)
        state.press(.down, .char("2"), .char("+"))
        XCTAssertEqual(state.pane, .nodes)
        XCTAssertEqual(state.selection.row, 0)
        XCTAssertNil(state.dialog)
        state.press(.escape)
        XCTAssertFalse(state.showsHelp)
        state.press(.char("?"), .char("?"))
        XCTAssertFalse(state.showsHelp)
        state.press(.char("?"), .char("q"))
        XCTAssertTrue(state.quit)
    }

    func testQuitKeys() {
        var state = AppState.loaded()
        state.press(.char("q"))
        XCTAssertTrue(state.quit)
        var other = AppState.loaded()
        other.press(.ctrl("c"))
        XCTAssertTrue(other.quit)
    }

    func testTransientMessagesExpireOnTicks() {
        var state = AppState.loaded()
        _ = reduce(&state, .effectFinished(.scale(serviceID: "s-web", serviceName: "lab_web", from: 5, replicas: 6), message: "lab_web scaled to 6", isError: false))
        let t0 = SampleCluster.refreshedAt
        _ = reduce(&state, .tick(t0))
        _ = reduce(&state, .tick(t0.addingTimeInterval(4)))
        XCTAssertEqual(state.status?.text, "lab_web scaled to 6")
        _ = reduce(&state, .tick(t0.addingTimeInterval(5)))
        XCTAssertNil(state.status)

        _ = reduce(&state, .effectFinished(.removeStack(StackContents(stack: "lab")), message: "engine said 500", isError: true))
        _ = reduce(&state, .tick(t0))
        _ = reduce(&state, .tick(t0.addingTimeInterval(9)))
        XCTAssertNotNil(state.status, "errors stay longer")
        _ = reduce(&state, .tick(t0.addingTimeInterval(10)))
        XCTAssertNil(state.status)
    }
}
