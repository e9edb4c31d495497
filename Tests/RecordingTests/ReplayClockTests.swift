import Foundation
@testable import Recording
import SwarmState
import XCTest

/// The replay's clock over wall times given by the test (no sleeping).
final class ReplayClockTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_000_000)

    func testItRunsAtItsSpeedAndStopsAtTheEnd() {
        var clock = ReplayClock(duration: 600, now: t0)
        XCTAssertEqual(clock.position(at: t0.addingTimeInterval(10)), 10)
        clock.changeSpeed(by: 1, now: t0.addingTimeInterval(10))
        XCTAssertEqual(clock.speed, 2)
        XCTAssertEqual(clock.position(at: t0.addingTimeInterval(20)), 30)
        XCTAssertEqual(clock.position(at: t0.addingTimeInterval(10_000)), 600)
        XCTAssertTrue(clock.status(at: t0.addingTimeInterval(10_000), start: t0).paused, "the end reads as paused")
    }

    func testPauseHoldsThePositionAndGoOnResumesFromIt() {
        var clock = ReplayClock(duration: 600, now: t0)
        clock.togglePause(now: t0.addingTimeInterval(5))
        XCTAssertEqual(clock.position(at: t0.addingTimeInterval(100)), 5)
        XCTAssertNil(clock.wallSeconds(until: 50, now: t0.addingTimeInterval(100)))
        clock.togglePause(now: t0.addingTimeInterval(100))
        XCTAssertEqual(clock.position(at: t0.addingTimeInterval(101)), 6)
        XCTAssertEqual(clock.wallSeconds(until: 50, now: t0.addingTimeInterval(101)), 44)
    }

    func testSeekStaysWithinTheRecording() {
        var clock = ReplayClock(duration: 600, now: t0)
        clock.seek(to: -30, now: t0)
        XCTAssertEqual(clock.position(at: t0), 0)
        clock.seek(to: 9_999, now: t0)
        XCTAssertEqual(clock.position(at: t0), 600)
        clock.togglePause(now: t0)
        clock.togglePause(now: t0)
        XCTAssertEqual(clock.position(at: t0), 0, "going on at the end starts over")
    }

    func testSpeedsStopAtOneAndSixty() {
        var clock = ReplayClock(duration: 600, now: t0)
        clock.changeSpeed(by: -1, now: t0)
        XCTAssertEqual(clock.speed, 1)
        for _ in 0..<10 { clock.changeSpeed(by: 1, now: t0) }
        XCTAssertEqual(clock.speed, 60)
        clock.changeSpeed(by: -1, now: t0)
        XCTAssertEqual(clock.speed, 30)
    }
}
