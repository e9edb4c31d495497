import DockerAPI
import XCTest

/// Seconds from settings and engine timings turned into sleeps and deadlines: total over every `Double`.
final class SecondsTests: XCTestCase {
    func testOrdinarySeconds() {
        XCTAssertEqual(Seconds.nanoseconds(0.5), 500_000_000)
        XCTAssertEqual(Seconds.milliseconds(5), 5_000)
        XCTAssertEqual(Seconds.whole(1.9), 1)
    }

    func testNegativeAndNaNAreZero() {
        for seconds in [-1, -Double.infinity, .nan] {
            XCTAssertEqual(Seconds.nanoseconds(seconds), 0, "\(seconds)")
            XCTAssertEqual(Seconds.milliseconds(seconds), 0, "\(seconds)")
            XCTAssertEqual(Seconds.whole(seconds), 0, "\(seconds)")
        }
    }

    func testHugeAndInfiniteAreTheLargest() {
        for seconds in [1e300, .infinity, 18_446_744_073.709_553] {
            XCTAssertEqual(Seconds.nanoseconds(seconds), .max, "\(seconds)")
            XCTAssertEqual(Seconds.milliseconds(seconds * 1e6), .max, "\(seconds)")
            XCTAssertEqual(Seconds.whole(seconds), Int64.max / 1_000_000_000, "\(seconds)")
        }
    }
}
