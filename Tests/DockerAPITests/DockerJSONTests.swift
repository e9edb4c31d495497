import DockerAPI
import XCTest

final class DockerJSONTests: XCTestCase {
    func testNanosecondTimesKeepTheirFraction() throws {
        let d = try XCTUnwrap(DockerJSON.parseTime("2026-11-29T11:10:35.123456789Z"))
        XCTAssertEqual(d.timeIntervalSince1970, 1_795_950_635.123456789, accuracy: 1e-6)
    }

    func testOffsetsAndNoFraction() throws {
        let a = try XCTUnwrap(DockerJSON.parseTime("2026-11-29T12:10:35+01:00"))
        let b = try XCTUnwrap(DockerJSON.parseTime("2026-11-29T11:10:35Z"))
        XCTAssertEqual(a, b)
    }

    func testZeroTimeAndGarbage() {
        XCTAssertEqual(DockerJSON.parseTime("0001-01-01T00:00:00Z"), .distantPast)
        XCTAssertNil(DockerJSON.parseTime("yesterday"))
    }

    func testMalformedBodyIsATypedError() {
        XCTAssertThrowsError(try DockerJSON.decode([Node].self, from: Data("{\"message\":1}".utf8), path: "/nodes")) {
            guard case DockerError.malformedResponse(let path, _) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(path, "/nodes")
        }
    }
}
