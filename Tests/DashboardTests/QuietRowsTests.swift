import Foundation
import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// Quiet rows: the Tasks pane leaves out the tasks that ended long ago (shutdown, complete,
/// failed or rejected, and not the newest task of their slot, or of their node for a global
/// service), the Containers and Disk panes the containers that exited, as `docker ps` does
/// without `-a`; `a` shows them all and hides them again. On the lab's captured answers
/// (`layers/`: 52 tasks, 35 of them ended long ago; 54 containers, 38 exited), counted from the
/// JSON by hand (python3, grouped by service and slot or node).
final class QuietRowsTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func state(_ pane: Character, _ snapshot: ClusterSnapshot? = nil) throws -> AppState {
        var state = AppState.loaded(try snapshot ?? LabFixtures.layersSnapshot(), width: 120, height: 30)
        state.press(.char(pane))
        return state
    }

    /// Each shown task's current state (`CURRENT STATE` without its age).
    private func taskStates(_ state: AppState) -> [String] {
        state.table.rows.map { $0.cells[3].text }
    }

    func testTheTasksPaneHidesTasksThatEndedLongAgoAndSaysHowMany() throws {
        var state = try state("3")
        XCTAssertEqual(state.table.rows.count, 17, "52 tasks, 35 ended long ago")
        XCTAssertEqual(state.tabBarTrailer, "  35 ended hidden · a shows all")
        // Every slot's newest task stays; of the crash loop's failures, the newest stays beside its
        // restarting `ready` task (why it restarts), the older ones go.
        let names = state.table.rows.map { $0.cells[0].text }
        XCTAssertEqual(names.filter { $0.hasPrefix("lab_web.") }.count, 5)
        XCTAssertEqual(names.filter { $0.hasPrefix("hrec_crash.") }, ["hrec_crash.1", "hrec_crash.1"])
        XCTAssertEqual(taskStates(state).filter { $0 != "Running" }, ["Ready", "Failed"])
        let screen = render(state, width: 120, height: 30, now: .distantFuture).lines
        XCTAssertTrue(screen[0].hasSuffix("7 Events   35 ended hidden · a shows all"), screen[0])

        state.press(.char("a"))
        XCTAssertEqual(state.table.rows.count, 52)
        XCTAssertEqual(Dictionary(grouping: taskStates(state)) { $0 }.mapValues(\.count),
                       ["Running": 15, "Ready": 1, "Shutdown": 14, "Complete": 18, "Failed": 4])
        XCTAssertEqual(state.tabBarTrailer, "  35 ended shown · a hides them")
        state.press(.char("a"))
        XCTAssertEqual(state.table.rows.count, 17)
    }

    /// A newest task that ended (a slot scaled away, a job done) stays: only older ones are quiet.
    func testTheNewestTaskOfASlotStaysEvenWhenItEnded() throws {
        var tasks = AppState.loaded()  // the sample swarm: lab_web.5's failed old task, migrate.1 complete
        tasks.press(.char("3"))
        XCTAssertEqual(Set(tasks.table.rows.map(\.id)), Set(["t-agent1", "t-agent2", "t-web1", "t-web2", "t-web3", "t-web4", "t-web5",
                                                              "t-viz1", "t-job1"].map { RowID.task($0) }))
        XCTAssertNil(tasks.table.index(of: .task("t-web5-old")))
        XCTAssertNotNil(tasks.table.index(of: .task("t-job1")))
        XCTAssertEqual(tasks.tabBarTrailer, "  1 ended hidden · a shows all")
    }

    /// A drill-down (Enter on a service) is quiet too, and counts what it hides of its own rows.
    func testAServicesTasksHideTheirEndedOnes() throws {
        var state = try state("2")
        state.select(.service(try XCTUnwrap(state.snapshot?.services.first { $0.name == "lab_web" }?.id)))
        state.press(.enter)
        XCTAssertEqual(state.table.rows.count, 5)
        XCTAssertEqual(state.tabBarTrailer, "  tasks of lab_web  20 ended hidden · a shows all")
        state.press(.char("a"))
        XCTAssertEqual(state.table.rows.count, 25)
    }

    func testTheContainersPaneHidesExitedContainers() throws {
        var state = try state("4")
        XCTAssertEqual(state.table.rows.count, 16, "54 containers, 38 exited")
        XCTAssertFalse(state.table.rows.contains { $0.cells[3].text.hasPrefix("Exited") })
        XCTAssertEqual(state.tabBarTrailer, "  38 exited hidden · a shows all")
        state.press(.char("a"))
        XCTAssertEqual(state.table.rows.count, 54)
        XCTAssertEqual(state.tabBarTrailer, "  38 exited shown · a hides them")
    }

    func testTheDiskPaneHidesExitedContainersButCountsThemInItsTotals() throws {
        var state = try state("6", LabFixtures.diskSnapshot())
        XCTAssertEqual(state.table.rows.count, 16, "48 containers in /system/df, 32 exited")
        XCTAssertEqual(state.tabBarTrailer, "  32 exited hidden · a shows all")
        let screen = render(state, width: 150, height: 30, now: .distantFuture).lines
        XCTAssertTrue(screen.contains { $0.hasPrefix("Containers      48      16") }, "the totals still count every container")
        state.press(.char("a"))
        XCTAssertEqual(state.table.rows.count, 48)
    }

    /// `a` only shows rows: the nodes' task counts, the services' replicas and the placement
    /// grid stay as they were; in the Nodes pane `a` still makes the node active.
    func testCountsElsewhereDoNotChange() throws {
        let quiet = try state("1")
        var all = try state("3")
        all.press(.char("a"), .char("1"))
        XCTAssertEqual(all.table.rows, quiet.table.rows)
        all.press(.char("2"))
        var services = try state("2")
        XCTAssertEqual(all.table.rows, services.table.rows)
        XCTAssertEqual(all.model.placement, services.model.placement)
        services.press(.char("1"), .char("a"))
        XCTAssertEqual(services.status?.text, "node1 is already active", "a in the Nodes pane: make the node active")
    }
}
