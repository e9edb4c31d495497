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
}
