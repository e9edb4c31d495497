import Foundation
import XCTest

/// The events pane on the lab: what the docker CLI does to services of the test's own shows
/// up, newest first, while the dashboard runs.
final class TimelineEndToEndTests: XCTestCase {
    private let web = "htl_e2e_web"
    private let crash = "htl_e2e_crash"

    private func removeServices() {
        _ = try? E2E.docker(["service", "rm", web, crash])
    }

    func testScalingAndAFailingTaskShowInTheEventsPane() throws {
        removeServices()
        defer { removeServices() }
        try E2E.docker(["service", "create", "--detach=false", "--name", web, "--replicas", "1",
                        "swarmtop-lab/busybox:1", "sleep", "3600"])
        let t = try Tmux("'\(E2E.binary)'; sleep 120", environment: try E2E.labEnvironment())
        try t.waitFor("Leader")
        try t.send("7")
        try t.waitFor("the events pane") { $0.contains("TIME") && $0.contains("MESSAGE") }

        try E2E.docker(["service", "scale", "--detach", "\(web)=3"])
        let scaled = try t.waitFor("\(web) scaled 1 -> 3") { $0.contains(web) && $0.contains("scaled 1 -> 3") }
        XCTAssertEqual(scaled.components(separatedBy: "scaled 1 -> 3").count, 2, "said once:\n\(scaled)")

        try E2E.docker(["service", "create", "--detach", "--name", crash, "--restart-condition", "on-failure",
                        "--restart-delay", "1s", "swarmtop-lab/busybox:1", "sh", "-c", "sleep 1; exit 3"])
        let failed = try t.waitFor("a failed task of \(crash) with its error", timeout: 60) {
            $0.contains("\(crash).1") && $0.contains("failed: task: non-zero exit (3)")
        }
        XCTAssertTrue(failed.contains("died (exit code 3)"), "the container's death on its node:\n\(failed)")
        // Newest first: the failure is above the scale.
        let lines = failed.split(separator: "\n")
        let failedRow = try XCTUnwrap(lines.firstIndex { $0.contains("failed: task: non-zero exit (3)") })
        let scaledRow = try XCTUnwrap(lines.firstIndex { $0.contains("scaled 1 -> 3") })
        XCTAssertLessThan(failedRow, scaledRow, failed)

        try t.send("/")
        try t.send("scaled")
        try t.send("Enter")
        let filtered = try t.waitFor("only the scale") { $0.contains("/scaled") }
        XCTAssertTrue(filtered.contains("scaled 1 -> 3"), filtered)
        XCTAssertFalse(filtered.contains("non-zero exit"), filtered)
        try t.send("q")
    }
}
