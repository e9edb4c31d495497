import Foundation
@testable import SwarmState
import XCTest

/// An engine's containers' histories by container ID, as size answers come: a whole list, one
/// container measured alone (`r`), a list without some.
final class SizeHistoriesTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func testAWholeListThenOneContainerThenAListWithoutSome() {
        var histories = SizeHistories()
        XCTAssertTrue(histories.isEmpty)
        histories.note([("c", 30), ("a", 10), ("b", nil)], at: t0, complete: true)
        XCTAssertEqual(histories.count, 2, "b has no size: no history")
        XCTAssertEqual(histories["a"]?.recentBytes, [10])
        XCTAssertEqual(histories["c"]?.recentBytes, [30])
        XCTAssertNil(histories["b"])
        // One container measured alone: its own history grows; one not seen before gets one.
        histories.note([("c", 35)], at: t0 + 10, complete: false)
        histories.note([("b", 20)], at: t0 + 11, complete: false)
        XCTAssertEqual(histories["c"]?.recentBytes, [30, 35])
        XCTAssertEqual(histories["b"]?.recentBytes, [20])
        XCTAssertEqual(histories.values.map(\.last.bytes), [10, 20, 35], "in the order of the IDs")
        // A whole list without a: a is gone; b listed without a size keeps its history.
        histories.note([("b", nil), ("c", 40)], at: t0 + 30, complete: true)
        XCTAssertNil(histories["a"])
        XCTAssertEqual(histories["b"]?.recentBytes, [20])
        XCTAssertEqual(histories["c"]?.recentBytes, [30, 35, 40])
        XCTAssertEqual(histories["c"]?.first, .init(at: t0, bytes: 30))
        XCTAssertEqual(histories.count, 2)
    }

    /// Histories compare by what they hold, however they were noted.
    func testEqualHistoriesAreEqual() {
        var oneByOne = SizeHistories()
        for (id, bytes) in [("z", Int64(1)), ("m", 2), ("a", 3)] { oneByOne.note([(id, bytes)], at: t0, complete: false) }
        XCTAssertEqual(oneByOne, whole([("a", 3), ("m", 2), ("z", 1)]))
        XCTAssertNotEqual(oneByOne, whole([("a", 3), ("m", 2)]))
    }

    /// Histories noted from one whole list at `t0`.
    private func whole(_ sizes: [(id: String, bytes: Int64?)]) -> SizeHistories {
        var histories = SizeHistories()
        histories.note(sizes, at: t0, complete: true)
        return histories
    }
}
