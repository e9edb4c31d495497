@testable import TerminalUI
import XCTest

final class SnapshotPacingTests: XCTestCase {
    func testTheFirstSnapshotGoesAtOnceAndTheNextWaitsFiveTimesItsCost() {
        var pacing = SnapshotPacing()
        XCTAssertTrue(pacing.allows(at: 1000))
        XCTAssertEqual(pacing.wait(from: 1000), 0)
        pacing.applied(at: 1000, cost: 0.04)   // a 10,000-task snapshot
        XCTAssertFalse(pacing.allows(at: 1000.1))
        XCTAssertEqual(pacing.wait(from: 1000.1), 0.1, accuracy: 1e-9)
        XCTAssertTrue(pacing.allows(at: 1000.2))
    }

    func testCheapSnapshotsStillComeAtMostTenASecond() {
        var pacing = SnapshotPacing()
        pacing.applied(at: 50, cost: 0.0005)   // the lab's
        XCTAssertFalse(pacing.allows(at: 50.09))
        XCTAssertTrue(pacing.allows(at: 50.1))
        XCTAssertEqual(pacing.wait(from: 60), 0)
    }
}
