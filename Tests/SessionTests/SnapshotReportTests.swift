import Foundation
import LabFixtures
import Session
import SwarmState
import XCTest

/// `swarmtop snapshot`'s output, from the lab's captured answers.
final class SnapshotReportTests: XCTestCase {
    func testTheTableHasTheDockerCLIsColumnsAndTheLabsRows() throws {
        let table = SnapshotReport(try LabFixtures.snapshot(), at: try LabFixtures.capturedAt()).table()
        let lines = table.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("HOSTNAME   ROLE      AVAILABILITY   STATUS   MANAGER STATUS   ENGINE"), lines[0])
        XCTAssertTrue(lines.contains { $0.hasPrefix("node1 ") && $0.contains("Leader") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("NAME ") && $0.contains("MODE") && $0.contains("REPLICAS") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("lab_web ") && $0.contains("replicated") }, table)
        XCTAssertTrue(lines.contains { $0.hasPrefix("NODE ") && $0.contains("SIZE") }, table)
        XCTAssertEqual(table.components(separatedBy: "\n\n").count, 4, "four tables, no errors")
    }

    func testTheJSONHasTheDocumentedKeys() throws {
        let json = try SnapshotReport(try LabFixtures.snapshot(), at: try LabFixtures.capturedAt()).json()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["endpoint", "api_version", "taken_at", "nodes", "services", "tasks", "containers", "errors"])
        let node = try XCTUnwrap((object["nodes"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(node.keys), ["id", "hostname", "role", "availability", "state", "manager_status", "engine_version",
                                        "cpus", "memory_bytes", "running_tasks", "engine", "engine_origin"])
        let task = try XCTUnwrap((object["tasks"] as? [[String: Any]])?.first)
        XCTAssertTrue(task.keys.contains("container_id") && task.keys.contains("state_since"), "\(task.keys)")
    }

    /// An engine's words reach a terminal or a script escaped: no control sequence passes.
    func testHostileValuesAreEscapedInBothFormats() throws {
        var snapshot = try LabFixtures.snapshot()
        snapshot.error = "boom\u{1B}[2J\nsecond line"
        snapshot.engines[1].error = "\u{202E}reversed"
        snapshot.engines[0].containers[0].names = ["/evil\u{1B}]0;title\u{07}"]
        let report = SnapshotReport(snapshot, at: try LabFixtures.capturedAt())
        let table = report.table()
        for raw in ["\u{1B}", "\u{07}", "\u{202E}"] { XCTAssertFalse(table.contains(raw), "raw \(raw.unicodeScalars.first!.value) in table") }
        XCTAssertTrue(table.contains("error: manager (unix:///run/swarmtop-lab/node1.sock): boom"), table)
        let json = try report.json()
        for raw in ["\u{1B}", "\u{07}", "\u{202E}"] { XCTAssertFalse(json.contains(raw), "raw \(raw.unicodeScalars.first!.value) in JSON") }
        XCTAssertTrue(json.contains("\\u001b[2J\\nsecond line"), json)
        XCTAssertTrue(json.contains("\\u202e") || json.contains("\\u202E"), json)
    }
}
