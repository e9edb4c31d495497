import Foundation
import XCTest

/// Issue 15 item 4 in the real binary, in tmux against the lab: `z` in the Placement pane draws
/// a row per node with a cell per task, names the selected task, and `z` again brings the
/// columns back.
final class PlacementRowsEndToEndTests: XCTestCase {
    /// The screen's rows that start with `prefix`.
    private func rows(_ screen: String, startingWith prefix: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }

    func testZShowsARowPerNodeAndNamesTheSelectedTask() throws {
        let t = try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; sleep 120", environment: try E2E.labEnvironment())
        try t.waitFor("Leader")
        try t.send("5")
        try t.waitFor("the placement columns") { $0.contains("manager ready") && $0.contains("worker ready") }
        try t.send("z")
        let compact = try t.waitFor("a row per node with its cells") { screen in
            ["node1 ", "node2 "].allSatisfy { host in rows(screen, startingWith: host).contains { $0.contains("■") } }
                && screen.contains(" running on node1 · ")
        }
        XCTAssertTrue(compact.split(separator: "\n").first?.contains("compact") == true, compact)
        XCTAssertFalse(compact.contains("manager ready"), compact)
        // j: node2's first task is named.
        try t.send("j")
        try t.waitFor("node2's task named") { $0.contains(" running on node2 · ") }
        // → moves along node2's row: another task is named (its name, before ` on node2`).
        let named = { (screen: String) in
            screen.split(separator: "\n").map(String.init).first { $0.contains(" on node2 · ") }?.components(separatedBy: " on node2")[0]
        }
        let before = try XCTUnwrap(named(try t.screen()))
        try t.send("Right")
        try t.waitFor("the next task on node2 named") { screen in
            named(screen).map { $0 != before } ?? false
        }
        try t.send("z")
        try t.waitFor("the columns again") { $0.contains("manager ready") && !$0.split(separator: "\n")[0].contains("compact") }
        try t.send("q")
        try t.waitFor("exit=0")
    }
}
