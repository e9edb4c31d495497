import Dashboard
import Foundation
import LabFixtures
import Session
import SwarmState
import XCTest

/// `swarmtop diff`'s output for the changes of a `scripts/changes-probe` container captured on the lab.
final class ChangesReportTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    func testTextIsDockerDiffPlusSizesAndMeanings() throws {
        let text = ChangesReport(try LabFixtures.probeTree(), node: "node1").text()
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "# dchanges_capture on node1 (overlay2): copied up from lower layers 307kB (1 file), "
                       + "newly written 102kB (3 files), 3 whiteouts, 1 opaque directory")
        // The same entries as `docker diff`, each `KIND PATH` first.
        let entries = lines.dropFirst().map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        XCTAssertEqual(entries.sorted(), try LabFixtures.probeDiffLines().sorted())
        // Tree order, siblings largest first; paths and sizes aligned; `-` where no size is known.
        XCTAssertEqual(Array(lines.dropFirst()), [
            "C /data              410kB   directory: entries in it changed",
            "C /data/big          307kB   copied up: the whole file from a lower layer",
            "A /data/new          102kB   new: written in the writable layer",
            "C /data/conf            4B   replaced: opaque, hides every lower entry",
            "A /data/conf/c          4B   new: written in the writable layer",
            "D /data/conf/a           -   whiteout: hides a lower file, still in the image",
            "D /data/conf/b           -   whiteout: hides a lower file, still in the image",
            "C /data/keep            2B   directory: entries in it changed",
            "A /data/keep/sub        2B   new directory",
            "A /data/keep/sub/z      2B   new: written in the writable layer",
            "D /data/gone             -   whiteout: hides a lower file, still in the image",
        ])
    }

    func testJSONKeys() throws {
        let json = try ChangesReport(try LabFixtures.probeTree(), node: "node1").json()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["name"] as? String, "dchanges_capture")
        XCTAssertEqual(object["node"] as? String, "node1")
        XCTAssertEqual(object["driver"] as? String, "overlay2")
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["copied_up_bytes"] as? Int, 307_205)
        XCTAssertEqual(summary["whiteouts"] as? Int, 3)
        let changes = try XCTUnwrap(object["changes"] as? [[String: Any]])
        let big = try XCTUnwrap(changes.first { $0["path"] as? String == "/data/big" })
        XCTAssertEqual(big["kind"] as? String, "C")
        XCTAssertEqual(big["size"] as? Int, 307_205)
        XCTAssertEqual(big["meaning"] as? String, "copied_up")
        XCTAssertTrue(changes.contains { $0["path"] as? String == "/data/gone" && $0["size"] is NSNull })
    }

    func testControlCharactersInPathsAreShownEscaped() {
        let changes = ContainerChanges(containerID: "c", name: "x", driver: "overlay2",
                                       changes: [ContainerChange(path: "/tmp/\u{1b}[2Jx", kind: .added)])
        let text = ChangesReport(changes, node: "node1").text()
        XCTAssertFalse(text.contains("\u{1b}"), text)
        XCTAssertTrue(text.contains("A /tmp/\\e[2Jx"), text)
    }
}
