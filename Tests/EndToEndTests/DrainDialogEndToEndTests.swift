import Foundation
import XCTest

/// The drain dialog of node2 in the real binary, in an 80x24 tmux pane against the lab: it
/// lists the tasks `docker node ps node2` shows running there, each with where it would go,
/// and Esc leaves node2 active.
final class DrainDialogEndToEndTests: XCTestCase {
    /// The running tasks of replicated services on node2 as the CLI names them (`lab_web.3`);
    /// a global service's task is named with the node's ID there (`lab_agent.ksvw4y…`).
    private func replicatedOnNode2() throws -> [String] {
        try E2E.docker(["node", "ps", "node2", "--filter", "desired-state=running", "--format", "{{.Name}}"])
            .split(separator: "\n").map(String.init)
            .filter { $0.split(separator: ".").last.map { Int($0) != nil } ?? false }
    }

    /// The dialog's text with its lines joined by spaces (what sits between the box's `│`s).
    private func dialogText(_ screen: String) -> String {
        screen.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            return parts.count >= 3 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    func testTheDrainDialogOfNode2ListsItsTasksAndEscLeavesItActive() throws {
        XCTAssertEqual(try E2E.docker(["node", "inspect", "node2", "--format", "{{.Spec.Availability}}"]), "active")
        let t = try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; sleep 120", width: 80, height: 24, environment: try E2E.labEnvironment())
        try t.waitFor("Leader")
        try t.send("1", "Home")
        // Other tests' tasks come and go on node2: open the dialog until it lists what the CLI lists.
        var screen = "", text = "", cli: [String] = []
        try E2E.eventually(60, "the drain dialog of node2 lists the tasks docker node ps node2 shows") {
            if screen.contains("Esc") { try t.send("Escape") }
            try t.send("Home", "j", "d")
            screen = try t.waitFor("Drain node node2?")
            text = dialogText(screen)
            cli = try replicatedOnNode2()
            let words = Set(text.split { " ,():".contains($0) }.map(String.init))
            let said = text.contains("\(cli.count) task\(cli.count == 1 ? "" : "s") will move")
            return said && (cli.count > 8 || cli.allSatisfy(words.contains))
        }
        XCTAssertFalse(cli.isEmpty, "the lab stack runs replicated tasks on node2")
        XCTAssertTrue(text.contains("to node1"), screen)
        XCTAssertTrue(text.contains("will stop on node2, not move"), "lab_agent and lab_disk are global: \(screen)")
        XCTAssertFalse(screen.contains("enlarge to read it all"), screen)
        try t.send("Escape")
        try t.waitFor("the dialog closed") { !$0.contains("Drain node node2?") }
        Thread.sleep(forTimeInterval: 1)
        XCTAssertEqual(try E2E.docker(["node", "inspect", "node2", "--format", "{{.Spec.Availability}}"]), "active")
    }
}
