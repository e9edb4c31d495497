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
        XCTAssertEqual(history.recentBytes, (25...40).map { Int64($0) * 1_000 })
        XCTAssertEqual(history.first.bytes, 0)
        XCTAssertEqual(history.last, .init(at: t0 + 40 * 60, bytes: 40_000))
        // Room for 16 (and malloc's rounding up), not the 32 that appending grows an array to.
        XCTAssertLessThan(history.recentBytes.capacity, 2 * SizeHistory.kept)
        XCTAssertEqual(history.bytesPerMinute ?? 0, 1_000, accuracy: 0.001)
    }

    func testAMeasureNoNewerThanTheLastIsIgnored() {
        var history = SizeHistory(.init(at: t0, bytes: 5))
        history.note(.init(at: t0, bytes: 9))
        history.note(.init(at: t0 - 1, bytes: 9))
        XCTAssertEqual(history.recentBytes, [5])
        XCTAssertNil(history.bytesPerMinute)
    }

    /// A layer that does not change is noted as often as one that does, and reads the same way.
    func testAnUnchangedLayerCountsItsMeasures() {
        var history = SizeHistory(.init(at: t0, bytes: 4_096))
        for minute in 1...3 { history.note(.init(at: t0 + Double(minute) * 60, bytes: 4_096)) }
        XCTAssertEqual(history.recentBytes, [4_096, 4_096, 4_096, 4_096])
        XCTAssertEqual(history.bytesPerMinute, 0)
        for minute in 4...30 { history.note(.init(at: t0 + Double(minute) * 60, bytes: 4_096)) }
        XCTAssertEqual(history.recentBytes, Array(repeating: 4_096, count: SizeHistory.kept))
    }

    /// A layer that grows, then stops: the sparkline's points follow it, and once the last 16
    /// are equal the history is again what it was before it grew (histories compare by value).
    func testALayerThatStopsGrowingReadsAsOneThatNeverGrew() {
        var grown = SizeHistory(.init(at: t0, bytes: 0))
        grown.note(.init(at: t0 + 60, bytes: 0))
        grown.note(.init(at: t0 + 120, bytes: 7))
        XCTAssertEqual(grown.recentBytes, [0, 0, 7])
        for minute in 3...16 { grown.note(.init(at: t0 + Double(minute) * 60, bytes: 7)) }
        XCTAssertEqual(grown.recentBytes, [0] + Array(repeating: 7, count: 15))
        grown.note(.init(at: t0 + 17 * 60, bytes: 7))
        XCTAssertEqual(grown.recentBytes, Array(repeating: 7, count: SizeHistory.kept))
        var steady = SizeHistory(.init(at: t0, bytes: 0))
        steady.note(.init(at: t0 + 120, bytes: 7))
        for minute in 3...17 { steady.note(.init(at: t0 + Double(minute) * 60, bytes: 7)) }
        XCTAssertEqual(grown, steady)
        XCTAssertEqual(grown.bytesPerMinute ?? 0, 7.0 / 17, accuracy: 1e-9)
    }
}
