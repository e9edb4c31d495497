import Foundation
@testable import SwarmState
import XCTest

/// A container's writable layer over successive measures: the first, and the last `kept`.
final class SizeHistoryTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A history noted all day keeps the first measure and the last 16, in room for 16 (it had
    /// room for 32 once full, twice the memory, for 10,000 containers).
    func testALongHistoryKeepsTheLast16InRoomFor16() {
        var history = SizeHistory(.init(at: t0, bytes: 0))
        for minute in 1...40 { history.note(.init(at: t0 + Double(minute) * 60, bytes: Int64(minute) * 1_000)) }
        XCTAssertEqual(history.recent.map(\.bytes), (25...40).map { Int64($0) * 1_000 })
        XCTAssertEqual(history.first.bytes, 0)
        XCTAssertLessThanOrEqual(history.recent.capacity, SizeHistory.kept)
        XCTAssertEqual(history.bytesPerMinute ?? 0, 1_000, accuracy: 0.001)
    }

    func testAMeasureNoNewerThanTheLastIsIgnored() {
        var history = SizeHistory(.init(at: t0, bytes: 5))
        history.note(.init(at: t0, bytes: 9))
        history.note(.init(at: t0 - 1, bytes: 9))
        XCTAssertEqual(history.recent.map(\.bytes), [5])
        XCTAssertNil(history.bytesPerMinute)
    }
}
