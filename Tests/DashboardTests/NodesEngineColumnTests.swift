import Foundation
import LabFixtures
@testable import Dashboard
import SwarmState
import XCTest

/// The Nodes pane's ENGINE column: whether each node's own engine is reached.
final class NodesEngineColumnTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func nodeLines(_ snapshot: ClusterSnapshot, width: Int) throws -> [String] {
        let state = AppState.loaded(snapshot, width: width, height: 10)
        return Array(render(state, width: width, height: 10, now: try LabFixtures.capturedAt()).lines[1...3])
    }

    func testOkUnreachableWithItsReasonAndNotConfigured() throws {
        var s = try LabFixtures.snapshot()
        s.engines[1].error = "cannot reach unix:///run/swarmtop-lab/node2.sock: connection refused"
        let lines = try nodeLines(s, width: 160)
        XCTAssertTrue(lines[0].contains("VERSION         ENGINE"), lines[0])
        XCTAssertTrue(lines[1].contains("20.10.24+dfsg1  ok  "), lines[1])
        XCTAssertTrue(lines[2].contains("20.10.24+dfsg1  unreachable: cannot reach unix:///r…  2"), lines[2])
        s.engines.removeLast()
        XCTAssertTrue(try nodeLines(s, width: 160)[2].contains("20.10.24+dfsg1  not configured  "))
    }

    func testALongReasonIsCutAndTheColumnHiddenAfterLabels() throws {
        var s = try LabFixtures.snapshot()
        s.engines[1].error = "cannot reach unix:///run/swarmtop-lab/node2.sock: connection refused"
        let lines = try nodeLines(s, width: 200)
        XCTAssertTrue(lines[0].contains("ENGINE"), lines[0])
        XCTAssertTrue(lines[2].contains("20.10.24+dfsg1  unreachable: cannot rea…  2"), "LABELS hidden first: \(lines[2])")
        XCTAssertFalse(try nodeLines(s, width: 80)[0].contains("ENGINE"), "hidden when narrow")
    }
}
