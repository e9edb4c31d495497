@testable import Dashboard
import Foundation
import LabFixtures
@testable import TerminalUI
import XCTest

/// The preparer's thread: a pane shown for the first time has the last snapshot prepared again
/// with that pane's rows, without a new snapshot from the engines.
final class SnapshotPreparerTests: XCTestCase {
    func testAPaneShownForTheFirstTimeHasTheLastSnapshotPreparedAgainWithItsRows() throws {
        let snapshot = try LabFixtures.snapshot()
        let delivered = Delivered()
        let preparer = SnapshotPreparer(timeZone: .local, pane: .nodes)
        preparer.start { prepared in delivered.add(prepared) }
        defer { preparer.stop() }
        preparer.submit(snapshot)
        try waitFor(1, delivered)
        let first = try XCTUnwrap(delivered.all.first)
        XCTAssertTrue(first.model.hasRows(.nodes))
        XCTAssertFalse(first.model.hasRows(.tasks))

        preparer.show(.nodes)  // shown already: nothing to prepare
        preparer.show(.tasks)
        try waitFor(2, delivered)
        let second = try XCTUnwrap(delivered.all.last)
        XCTAssertEqual(second.snapshot, snapshot)
        XCTAssertTrue(second.model.hasRows(.tasks))
        XCTAssertTrue(second.model.hasRows(.nodes), "the panes shown before keep their rows")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(delivered.all.count, 2, "prepared once more, not again and again")
    }

    private func waitFor(_ count: Int, _ delivered: Delivered) throws {
        let deadline = Date().addingTimeInterval(10)
        while delivered.all.count < count {
            guard Date() < deadline else {
                XCTFail("not \(count) prepared snapshots within 10 s")
                throw CancellationError()
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// What the preparer delivered, from its thread.
    private final class Delivered: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [PreparedSnapshot] = []
        func add(_ item: PreparedSnapshot) { lock.withLock { items.append(item) } }
        var all: [PreparedSnapshot] { lock.withLock { items } }
    }
}
