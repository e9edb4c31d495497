import DockerAPI
import XCTest

final class APIVersionTests: XCTestCase {
    func testOrderIsNumeric() {
        XCTAssertLessThan(APIVersion("1.9")!, APIVersion("1.41")!)
        XCTAssertNil(APIVersion("1"))
        XCTAssertNil(APIVersion("v1.41"))
    }

    func testNegotiationUsesTheEnginesVersionUpToTheNewestKnown() throws {
        XCTAssertEqual(try APIVersion.negotiate(server: "1.41").description, "1.41")
        XCTAssertEqual(try APIVersion.negotiate(server: "1.45").description, "1.45")
        XCTAssertEqual(try APIVersion.negotiate(server: "1.99"), APIVersion.maximum)
    }

    func testTooOldOrMissingVersionIsAnError() {
        XCTAssertThrowsError(try APIVersion.negotiate(server: "1.40")) {
            XCTAssertEqual($0 as? DockerError, .unsupportedVersion(server: "1.40", minimum: "1.41"))
        }
        XCTAssertThrowsError(try APIVersion.negotiate(server: nil))
    }
}
