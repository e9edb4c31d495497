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

    /// A snapshot prepared after another keeps the other's rows where they are equal
    /// (`RowReuse`: one copy held while the UI shows the last and the next is made) and makes
    /// the same rows as a build of its own.
    func testARowEqualToItsLastPreparedBuildIsThatRow() throws {
        var first = try LabFixtures.snapshot()
        let disk = try LabFixtures.diskSnapshot()  // the engines' /system/df: the disk pane's rows
        for i in first.engines.indices {
            let engine = try XCTUnwrap(disk.engines.first { $0.hostname == first.engines[i].hostname })
            first.engines[i].diskUsage = engine.diskUsage
            first.engines[i].sizeHistory = engine.sizeHistory
        }
        var second = first
        let changed = try XCTUnwrap(second.tasks.firstIndex { $0.state == "running" })
        second.tasks[changed].status?.state = "failed"
        let panes: [Pane] = [.tasks, .containers, .disk]
        let last = PreparedSnapshot(first, timeZone: .local, panes: panes)
        let next = PreparedSnapshot(second, timeZone: .local, panes: panes, last: last)
        for pane in panes {
            let before = try XCTUnwrap(last.model.builtRows(pane))
            let after = try XCTUnwrap(next.model.builtRows(pane))
            XCTAssertEqual(after, try XCTUnwrap(PreparedSnapshot(second, timeZone: .local, panes: [pane]).model.builtRows(pane)), "\(pane)")
            let earlier = Dictionary(uniqueKeysWithValues: before.map { ($0.id, $0) })
            let kept = after.filter { row in earlier[row.id].map(row.isSameRow) ?? false }
            XCTAssertEqual(kept.count, after.filter { earlier[$0.id] == $0 }.count, "\(pane): every equal row is kept, no other")
            if pane == .tasks {
                XCTAssertEqual(kept.count, after.count - 1, "all but the changed task's row")
                XCTAssertFalse(kept.contains { $0.id == .task(second.tasks[changed].id) })
            } else {
                XCTAssertEqual(kept.count, after.count, "\(pane): no container changed")
                XCTAssertFalse(after.isEmpty, "\(pane)")
            }
        }
    }

    func testASizeRoundLeavesTheContainerRowsAndTheirAgesCountFromIt() throws {
        var first = try LabFixtures.snapshot()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        for i in first.engines.indices { first.engines[i].sizesAt = t0 }
        var second = first
        for i in second.engines.indices { second.engines[i].sizesAt = t0 + 30 }
        let single = try XCTUnwrap(second.engines[0].containers.first)
        second.engines[0].sizeTimes[single.id] = t0 + 40  // measured alone since (the `r` key)
        let last = PreparedSnapshot(first, timeZone: .local, panes: [.containers])
        let next = PreparedSnapshot(second, timeZone: .local, panes: [.containers], last: last)
        let before = try XCTUnwrap(last.model.builtRows(.containers))
        let after = try XCTUnwrap(next.model.builtRows(.containers))
        XCTAssertFalse(after.isEmpty)
        XCTAssertTrue(zip(before, after).allSatisfy { $0.isSameRow(as: $1) } && before.count == after.count,
                      "the new sizes' time changes no row")

        var model = next.model
        let table = model.table(.containers, scope: nil)
        let age = try XCTUnwrap(ContainersView.columns.firstIndex { $0.title == "SIZE AGE" })
        let now = t0 + 42
        let shown = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.id, $0.cells[age].display(since: table.since($0.cells[age], of: $0), now: now)) })
        XCTAssertEqual(shown[.container(hostname: second.engines[0].hostname, id: single.id)], "2s ago")
        let other = try XCTUnwrap(second.engines[1].containers.first)
        XCTAssertEqual(shown[.container(hostname: second.engines[1].hostname, id: other.id)], "12s ago")
        XCTAssertEqual(table.sorted(by: SortOrder(column: age)).rows.first?.id, .container(hostname: second.engines[0].hostname, id: single.id),
                       "the youngest size first")
    }
}

extension PreparedSnapshotTests {
    /// A placement column whose cards did not change keeps the cards of the snapshot before
    /// (one array held while both live); the changed node's column is built anew, and the grid
    /// is the one a build of its own makes.
    func testAnUnchangedPlacementColumnKeepsItsLastCards() throws {
        let first = try LabFixtures.snapshot()
        var second = first
        let changed = try XCTUnwrap(second.tasks.firstIndex { $0.state == "running" && $0.nodeID != nil })
        second.tasks[changed].status?.state = "failed"
        let last = PreparedSnapshot(first, timeZone: .local, panes: [])
        let next = PreparedSnapshot(second, timeZone: .local, panes: [], last: last)
        XCTAssertEqual(next.model.placement, PreparedSnapshot(second, timeZone: .local, panes: []).model.placement)
        func storage(_ cards: [PlacementCard]) -> UnsafeRawPointer? { cards.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        let before = Dictionary(uniqueKeysWithValues: last.model.placement.map { ($0.nodeID, $0.cards) })
        let nodes = next.model.placement.filter { !$0.cards.isEmpty }
        XCTAssertGreaterThan(nodes.count, 1)
        for column in nodes {
            let shared = storage(column.cards) == storage(try XCTUnwrap(before[column.nodeID]))
            XCTAssertEqual(shared, column.nodeID != second.tasks[changed].nodeID, "\(column.hostname)")
        }
    }
}
