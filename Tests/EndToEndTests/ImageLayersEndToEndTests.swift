import Foundation
import XCTest

/// The image layers view in the real binary, in tmux against the lab: `L` on a lab_disk
/// container shows the rows `docker history` prints for its image on that container's node,
/// the containers using the image, its log file's size; Esc goes back to the pane.
final class ImageLayersEndToEndTests: XCTestCase {
    func testLOnALabDiskContainerShowsDockerHistorysRowsThenEscBack() throws {
        let env = try E2E.labEnvironment()
        let t = try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; sleep 120", environment: env)
        try t.waitFor("Leader")
        try t.send("4")
        try t.waitFor("lab_disk")
        try t.send("/", "lab_disk.* Up ", "Enter", "g")
        try t.waitFor("the running lab_disk containers") { $0.contains("/lab_disk") && !$0.contains("lab_web") }
        try t.send("L")
        var screen = try t.waitFor("the image's layers") { $0.contains("image layers of swarmtop-lab/disk:1 on") && $0.contains("CREATED BY") }
        let header = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("image layers of") })
        let node = String(header.split(separator: " ")[5])
        let url = try XCTUnwrap(env["SWARMTOP_NODE_HOSTS"]?.split(separator: ",").first { $0.hasPrefix(node + "=") }?.dropFirst(node.count + 1))
        let cli = try E2E.docker(["-H", String(url), "history", "--format", "{{.ID}} {{.Size}}", "swarmtop-lab/disk:1"]).split(separator: "\n")
        screen = try t.waitFor("every row docker history prints") { s in
            let rows = s.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
            return cli.allSatisfy { row in
                let want = row.split(separator: " ")
                return rows.contains { $0.count > 4 && $0[0] == want[0] && $0.contains(want[1]) }
            }
        }
        // One running on each node (and any exited one an engine restart left).
        XCTAssertNotNil(screen.range(of: #"used by [0-9]+ containers:"#, options: .regularExpression), screen)
        XCTAssertNotNil(screen.range(of: #"node1  lab_disk\.\S+  running  service lab_disk"#, options: .regularExpression), screen)
        XCTAssertNotNil(screen.range(of: #"node2  lab_disk\.\S+  running  service lab_disk"#, options: .regularExpression), screen)
        XCTAssertTrue(screen.contains("shared with other images"), screen)
        XCTAssertNotNil(screen.range(of: #"log file of lab_disk\.[^:]+: [0-9.]+k?B \(/run/swarmtop-lab/"#, options: .regularExpression), screen)
        XCTAssertEqual(screen.contains("<missing>: a layer this engine did not build (it pulled or loaded the image):"), node != "node1", screen)

        try t.send("Escape")
        try t.waitFor("the containers pane again") { !$0.contains("image layers of") && $0.contains("/lab_disk") }
        try t.send("q")
        try t.waitFor("exit=0")
    }
}
