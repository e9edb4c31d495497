import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// A snapshot is prepared off the UI thread, so one of the swarm switched away from can come
/// after the switch: it is dropped; the new swarm's are taken, and followed through a failover.
final class PreparedAfterSwitchTests: XCTestCase {
    func testASnapshotOfTheSwarmSwitchedAwayFromIsDroppedAndAFailoverFollowed() throws {
        var old = try LabFixtures.snapshot()
        old.endpoint = "unix:///old.sock"
        var new = old
        new.endpoint = "unix:///new.sock"
        new.services.removeLast()
        var state = AppState.loaded(old)
        func prepared(_ snapshot: ClusterSnapshot) -> Action { .prepared(PreparedSnapshot(snapshot, timeZone: state.timeZone, panes: [.services])) }
        _ = reduce(&state, .contextSwitched(name: "prod", endpoint: "unix:///new.sock (context prod)", manager: "unix:///new.sock"))
        _ = reduce(&state, prepared(old))
        XCTAssertNil(state.snapshot, "the old swarm's snapshot, prepared while the switch came, is dropped")
        _ = reduce(&state, prepared(new))
        XCTAssertEqual(state.snapshot?.services.count, new.services.count)
        var moved = new
        moved.endpoint = "unix:///other-manager.sock"
        moved.managerChange = ManagerChange(from: "unix:///new.sock", fromHostname: nil, to: "unix:///other-manager.sock",
                                            toHostname: nil, reason: "connection refused", at: Date())
        _ = reduce(&state, prepared(moved))
        XCTAssertEqual(state.snapshot?.endpoint, "unix:///other-manager.sock", "a failover is followed")
        _ = reduce(&state, prepared(new))
        XCTAssertEqual(state.snapshot?.endpoint, "unix:///other-manager.sock", "the manager left is not taken back")
    }
}
