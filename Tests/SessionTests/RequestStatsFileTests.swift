import DockerAPI
import Foundation
import Session
import SwarmState
import XCTest

final class RequestStatsFileTests: XCTestCase {
    func testTheFileHasEachOpenClientsCountsAndTheTime() async throws {
        let endpoint = "unix:///nonexistent/docker.sock"
        let connections = try Connections(manager: DockerEndpoint(parsing: endpoint, tls: nil), nodeHosts: [], timeout: 1)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID().uuidString).json").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let before = Date().timeIntervalSince1970
        RequestStatsFile.save(connections, to: path)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let at = try XCTUnwrap(object["at"] as? Double)
        XCTAssertGreaterThanOrEqual(at, before.rounded(.down))
        let manager = try XCTUnwrap(object[endpoint] as? [String: Any], "\(object)")
        XCTAssertEqual(manager.keys.sorted(), ["bytesReceived", "eventStreams", "failures", "requests"])
        XCTAssertEqual((manager["requests"] as? NSNumber)?.intValue, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".tmp"), "written through a temporary file, renamed")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID().uuidString)/no/such/dir.json").path
        RequestStatsFile.save(connections, to: empty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty), "a path that cannot be written is left alone")
        await connections.shutdown()
    }
}
