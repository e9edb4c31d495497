import XCTest
import Dashboard
import DockerAPI
@testable import Session

/// The log file size beside the layers: stat'ed where the engine runs on this machine, "not
/// known" elsewhere.
final class ImageLayersReaderTests: XCTestCase {
    func testAFilesSizeIsReadFromThisMachine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dlayers-\(UUID().uuidString)-json.log").path
        try Data(repeating: 65, count: 1_234).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(ImageLayersReader.size(at: path), .bytes(1_234, path: path))
        guard case .notKnown(let why) = ImageLayersReader.size(at: path + ".gone") else { return XCTFail("a missing file has no size") }
        XCTAssertTrue(why.hasPrefix("not known (\(path).gone: "), why)
    }

    func testAnEngineOverTCPOrSSHIsOnAnotherMachine() async throws {
        for url in ["tcp://192.0.2.1:2376", "ssh://root@192.0.2.1"] {
            let client = try DockerClient(endpoint: DockerEndpoint(parsing: url))
            let size = await ImageLayersReader.logFileSize("abc", client: client)
            await client.shutdown()
            XCTAssertEqual(size, .notKnown("not known (engine on another machine)"), url)
        }
    }
}
