import Foundation
import XCTest

/// A paste on the nodes pane, in tmux against the lab: `docker ps⏎` pasted by mistake holds a
/// `d` (drain) and an Enter (yes). Bracketed (`paste-buffer -p`), it is ignored as keys;
/// without brackets (all its keys in one read), `d` opens the drain dialog and the keys that
/// came with it, Enter included, are dropped. Either way no node is drained. In the `/` line
/// a paste is text, and once swarmtop exits the terminal no longer brackets pastes.
final class PasteEndToEndTests: XCTestCase {
    /// The nodes whose availability `docker node ls` does not report as Active.
    private func nodesNotActive() throws -> [String] {
        try E2E.docker(["node", "ls", "--format", "{{.Hostname}} {{.Availability}}"])
            .split(separator: "\n").filter { !$0.hasSuffix(" Active") }.map(String.init)
    }

    /// Pastes `text` into the session as tmux pastes a copied line (a line break arrives as CR,
    /// the Enter key); `bracketed` with `-p` (brackets only if the program turned bracketed paste on).
    private func paste(_ text: String, _ t: Tmux, bracketed: Bool) throws {
        let buffer = "h-paste-\(UUID().uuidString.prefix(8))"
        try Tmux.tmux(["set-buffer", "-b", buffer, text])
        try Tmux.tmux(["paste-buffer", "-d", "-b", buffer, "-t", t.session] + (bracketed ? ["-p"] : []))
    }

    func testAPastedDockerPSDrainsNoNode() throws {
        XCTAssertEqual(try nodesNotActive(), [], "a node was not active before the test")
        defer {
            // Without the fix the paste drains node2: give the shared lab its node back.
            for line in (try? nodesNotActive()) ?? [] {
                _ = try? E2E.docker(["node", "update", "--availability", "active", String(line.split(separator: " ")[0])])
            }
        }
        let t = try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; sleep 120", environment: try E2E.labEnvironment())
        try t.waitFor("node2")
        try t.send("End")  // node2, the worker, selected
        Thread.sleep(forTimeInterval: 0.5)

        try paste("docker ps\n", t, bracketed: true)
        let ignored = try t.waitFor("paste ignored")
        XCTAssertFalse(ignored.contains("Drain node"), ignored)
        Thread.sleep(forTimeInterval: 1)
        XCTAssertEqual(try nodesNotActive(), [], "the bracketed paste drained a node")
        XCTAssertFalse(try t.screen().contains("Drain node"))

        try paste("docker ps\n", t, bracketed: false)
        let dialog = try t.waitFor("Drain node node2?")
        XCTAssertTrue(dialog.contains("9 keys that came with d were dropped"), dialog)
        Thread.sleep(forTimeInterval: 1)
        XCTAssertEqual(try nodesNotActive(), [], "the Enter of the paste confirmed the drain")
        let still = try t.screen()
        XCTAssertTrue(still.contains("Drain node node2?") && !still.contains("setting node2 to drain"), still)
        try t.send("Escape")
        try t.waitFor("the dialog closed") { !$0.contains("Drain node") }

        // In the / line a paste is text; its line break does not end the line.
        try t.send("/")
        try paste("node2\n", t, bracketed: true)
        try t.waitFor("the filter pasted") { $0.contains("/node2") && !$0.contains("node1 *") }
        try t.send("Escape", "q")
        try t.waitFor("exit=0")
        XCTAssertEqual(try nodesNotActive(), [])
        // Bracketed paste is off again: the shell's terminal echoes a paste without `^[[200~`.
        try paste("after\n", t, bracketed: true)
        let after = try t.waitFor("after")
        XCTAssertFalse(after.contains("200~"), after)
    }
}
