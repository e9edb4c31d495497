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
        XCTAssertEqual(table.components(separatedBy: "\n\n").count, 7, "four tables, the disk view's storage lines and two tables, no errors")
    }

    func testTheJSONHasTheDocumentedKeys() throws {
        let json = try SnapshotReport(try LabFixtures.snapshot(), at: try LabFixtures.capturedAt()).json()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["endpoint", "api_version", "taken_at", "nodes", "services", "tasks", "containers", "errors", "disk"])
        let node = try XCTUnwrap((object["nodes"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(node.keys), ["id", "hostname", "role", "availability", "state", "manager_status", "engine_version",
                                        "cpus", "memory_bytes", "running_tasks", "engine", "engine_origin"])
        let task = try XCTUnwrap((object["tasks"] as? [[String: Any]])?.first)
        XCTAssertTrue(task.keys.contains("container_id") && task.keys.contains("state_since"), "\(task.keys)")
    }

    /// The disk view from the disk fixtures: node1's `/system/df` twice, 12 s apart, while
    /// `capture_grow` wrote 2 MiB.
    func testTheDiskViewHasTotalsPerNodeAndTheGrowingContainer() throws {
        let snapshot = try LabFixtures.diskSnapshot()
        let report = SnapshotReport(snapshot, at: try LabFixtures.capturedAt())
        let table = report.table()
        XCTAssertTrue(table.contains("node1: overlay2 on extfs at /run/swarmtop-lab/node1-data"), table)
        let lines = table.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("NODE ") && $0.hasSuffix("RECLAIMABLE") }, table)
        for cli in try LabFixtures.cliSystemDF("node2") {
            let row = ["node2", cli["Type"]!, cli["TotalCount"]!, cli["Active"]!, cli["Size"]!, cli["Reclaimable"]!]
            XCTAssertTrue(lines.contains { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                == row.joined(separator: " ") }, "docker system df's line \(row) in\n\(table)")
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("node1 ") && $0.contains("capture_grow") && $0.hasSuffix("+10.5MB/min") }, table)

        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])
        let disk = try XCTUnwrap(object["disk"] as? [String: Any])
        XCTAssertEqual(Set(disk.keys), ["nodes", "swarm", "top_containers"])
        let node1 = try XCTUnwrap((disk["nodes"] as? [[String: Any]])?.first)
        XCTAssertEqual(node1["driver"] as? String, "overlay2")
        XCTAssertEqual(node1["backing_filesystem"] as? String, "extfs")
        XCTAssertEqual((node1["types"] as? [[String: Any]])?.map { $0["type"] as? String }, ["Images", "Containers", "Local Volumes", "Build Cache"])
        let grow = try XCTUnwrap((disk["top_containers"] as? [[String: Any]])?.first { $0["name"] as? String == "capture_grow" })
        XCTAssertEqual(grow["size_rw"] as? Int, 3_145_728)
        XCTAssertEqual(grow["recent_sizes"] as? [Int], [1_048_576, 3_145_728])
        XCTAssertEqual(try XCTUnwrap(grow["growth_bytes_per_minute"] as? Double), 10_485_760, accuracy: 0.01)
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
