import Foundation
import XCTest

/// The disk pane on the lab: a service of the test's own that keeps writing into its writable
/// layer shows up ranked by size with a growth in bytes per minute, under the storage driver
/// and `docker system df`'s totals; `/` filters it.
final class DiskEndToEndTests: XCTestCase {
    private let grow = "dpane_e2e_grow"

    private func removeService() {
        _ = try? E2E.docker(["service", "rm", grow])
    }

    func testTheDiskPaneShowsAGrowingWritableLayer() throws {
        removeService()
        defer { removeService() }
        try E2E.docker(["service", "create", "--detach=false", "--name", grow, "--constraint", "node.hostname==node2",
                        "swarmtop-lab/busybox:1", "sh", "-c",
                        "i=0; while [ $i -lt 60 ]; do dd if=/dev/zero of=/f$i bs=1024 count=512 2>/dev/null; i=$((i+1)); sleep 1; done; exec sleep 3600"])
        let t = try Tmux("'\(E2E.binary)' --size-interval 2; sleep 120", environment: try E2E.labEnvironment())
        try t.waitFor("Leader")
        try t.send("6")
        let pane = try t.waitFor("the disk pane with its totals") {
            $0.contains("6 Disk") && $0.contains("RECLAIMABLE") && $0.contains("Local Volumes") && $0.contains("GROWTH")
        }
        XCTAssertTrue(pane.contains("overlay2 on extfs"), pane)
        XCTAssertTrue(pane.contains("copies the whole file up"), pane)

        try t.send("/")
        try t.send(grow)
        try t.send("Enter")
        let growing = try t.waitFor("\(grow) growing", timeout: 60) { screen in
            screen.split(separator: "\n").contains { $0.contains(grow) && $0.contains("node2") && $0.contains("/min") && $0.contains("+") }
        }
        XCTAssertFalse(growing.contains("lab_web."), "filtered to the test's service:\n\(growing)")
        try t.send("q")
    }
}
