import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// A snapshot prepared off the UI thread (`PreparedSnapshot`) shows as the same snapshot
/// reduced on it, on every pane, whether or not its rows were built for the pane shown.
final class PreparedSnapshotTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    func testAPreparedSnapshotShowsAsTheSnapshotItself() throws {
        let first = try LabFixtures.snapshot()
        var second = first
        second.tasks.removeLast(3)
        second.services[0].spec.name = "renamed"
        let now = try LabFixtures.capturedAt()
        for pane in Pane.allCases {
            for builtFor in [pane, pane == .nodes ? .tasks : .nodes] {
                var direct = AppState.loaded(first, width: 200, height: 40)
                _ = reduce(&direct, .key(.char(Character("\(pane.rawValue + 1)"))))
                var prepared = direct
                _ = reduce(&direct, .snapshot(second))
                _ = reduce(&prepared, .prepared(PreparedSnapshot(second, timeZone: prepared.timeZone, panes: [builtFor])))
                let expected = render(direct, width: 200, height: 40, now: now).lines
                XCTAssertEqual(render(prepared, width: 200, height: 40, now: now).lines, expected, "\(pane), rows built for \(builtFor)")
                if pane == .services { XCTAssertTrue(expected.joined().contains("renamed"), "the second snapshot is shown") }
            }
        }
    }

    /// A swarm of more tasks than the UI thread builds rows for: switching to the tasks pane
    /// before a prepared snapshot has its rows says so, builds none on the UI thread, and shows the rows
    /// when they come; a snapshot reduced on the UI thread builds them there.
    func testAPaneOfManyRowsNotPreparedSaysSoUntilItsRowsCome() throws {
        let small = try LabFixtures.snapshot()
        var big = small
        let task = try XCTUnwrap(small.tasks.first { $0.state == "running" })
        big.tasks = (0...SnapshotModel.rowsBuiltOnScreen).map { i in
            var copy = task
            copy.id = "task\(i)"
            copy.slot = i + 1
            return copy
        }
        var state = AppState.loaded(small, width: 200, height: 40)
        _ = reduce(&state, .prepared(PreparedSnapshot(big, timeZone: state.timeZone, panes: [.nodes])))
        _ = reduce(&state, .key(.char("3")))
        XCTAssertTrue(state.table.building)
        XCTAssertTrue(state.table.rows.isEmpty)
        XCTAssertFalse(state.model.hasRows(.tasks), "no rows built on the UI thread")
        let now = try LabFixtures.capturedAt()
        XCTAssertTrue(render(state, width: 200, height: 40, now: now).lines.joined().contains("building the rows…"))

        _ = reduce(&state, .prepared(PreparedSnapshot(big, timeZone: state.timeZone, panes: [.tasks, .nodes])))
        XCTAssertFalse(state.table.building)
        XCTAssertEqual(state.table.rows.count + state.table.quietCount, big.tasks.count)
        XCTAssertFalse(render(state, width: 200, height: 40, now: now).lines.joined().contains("building the rows…"))

        var direct = AppState.loaded(small, width: 200, height: 40)
        _ = reduce(&direct, .key(.char("3")))
        _ = reduce(&direct, .snapshot(big))
        XCTAssertFalse(direct.table.building, "reduced on the UI thread, the rows are built there")
        XCTAssertEqual(direct.table.rows.count + direct.table.quietCount, big.tasks.count)

        var few = AppState.loaded(small, width: 200, height: 40)
        _ = reduce(&few, .prepared(PreparedSnapshot(small, timeZone: few.timeZone, panes: [.nodes])))
        _ = reduce(&few, .key(.char("3")))
        XCTAssertFalse(few.table.building, "a few rows are built on the UI thread")
        XCTAssertFalse(few.table.rows.isEmpty)
    }
}
