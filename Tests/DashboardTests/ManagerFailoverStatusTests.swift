import XCTest
@testable import Dashboard
import SwarmState

/// A snapshot saying swarmtop moved to another manager: the status line says so once, shows the
/// new endpoint from then on, and every row stays.
final class ManagerFailoverStatusTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    func testAManagerChangeIsSaidOnTheStatusLineAndTheRowsStay() {
        let before = SampleCluster.snapshot()
        var state = AppState(endpoint: before.endpoint + " (--host)", timeZone: SampleCluster.utc, width: 160, height: 20)
        _ = reduce(&state, .snapshot(before))
        let rows = render(state, width: 160, height: 20, now: SampleCluster.refreshedAt).lines.dropLast()
        var after = before
        after.managerChange = ManagerChange(from: before.endpoint, fromHostname: "node1", to: "unix:///run/m2.sock", toHostname: "node2",
                                            reason: "cannot reach \(before.endpoint): connection refused", at: SampleCluster.refreshedAt)
        after.endpoint = "unix:///run/m2.sock"
        _ = reduce(&state, .snapshot(after))
        let said = "manager node1 (\(before.endpoint)) stopped answering (connection refused): now node2 (unix:///run/m2.sock)"
        XCTAssertEqual(state.status?.text, said)
        XCTAssertEqual(state.status?.isError, true)
        XCTAssertEqual(state.endpoint, "unix:///run/m2.sock")
        let screen = render(state, width: 160, height: 20, now: SampleCluster.refreshedAt).lines
        XCTAssertEqual(screen.dropLast(), rows, "every row stays")
        XCTAssertTrue(screen.last?.contains(said) ?? false, screen.last ?? "")
        // The same change in the next snapshot is not said again.
        state.status = nil
        _ = reduce(&state, .snapshot(after))
        XCTAssertNil(state.status)
    }
}
