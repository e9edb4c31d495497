@testable import Actions
import Dashboard
import Foundation
import XCTest

/// The action log on disk: one JSON line per action, rotated at its size cap with one old file kept.
final class ActionLogTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("actionlog-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private let stop = Effect.stopContainer(hostname: "node1", containerID: "c1", name: "lab_web.1.abc")

    private func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func testTheLogRotatesAtItsCapKeepingOneOldFile() throws {
        let log = ActionLog(path: directory.appendingPathComponent("swarmtop/actions.jsonl").path, maxBytes: 1000)
        let old = log.path + ".1"
        var written = 0
        // Lines of about 200 bytes: five fit under 1000, the sixth starts a new file.
        for n in 1...13 {
            XCTAssertNil(log.append(effect: stop, endpoint: "unix:///lab.sock", message: "stopped \(n) " + String(repeating: "x", count: 40),
                                    result: .ok, at: Date(timeIntervalSince1970: 0)))
            written += 1
        }
        let size = { (path: String) in (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }
        XCTAssertLessThanOrEqual(size(log.path), 1000)
        XCTAssertLessThanOrEqual(size(old), 1000)
        XCTAssertFalse(FileManager.default.fileExists(atPath: log.path + ".2"), "only one old file is kept")
        let current = lines(log.path), previous = lines(old)
        XCTAssertFalse(current.isEmpty)
        XCTAssertFalse(previous.isEmpty)
        // The newest lines: the old file's, then the current file's, in order, up to the last one.
        let numbers = (previous + current).map { line in
            Int(line.split(separator: " ").first { Int($0) != nil } ?? "") ?? -1
        }
        XCTAssertEqual(numbers, Array((14 - numbers.count)...13), "\(previous + current)")
        let mode = try FileManager.default.attributesOfItem(atPath: log.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testAnInterruptedActionIsRecordedAsSuch() throws {
        let log = ActionLog(path: directory.appendingPathComponent("actions.jsonl").path)
        XCTAssertNil(log.append(effect: stop, endpoint: "unix:///lab.sock", message: "swarmtop quit before the engine answered",
                                result: .interrupted, at: Date(timeIntervalSince1970: 0)))
        let entry = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines(log.path)[0].utf8)) as? [String: String])
        XCTAssertEqual(entry["result"], "interrupted")
        XCTAssertEqual(entry["action"], "stop")
        XCTAssertEqual(entry["target"], "lab_web.1.abc on node1")
        XCTAssertEqual(entry["time"], "1970-01-01T00:00:00.000Z")
    }
}
