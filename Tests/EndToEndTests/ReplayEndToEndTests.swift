import Foundation
import XCTest

/// `swarmtop replay` of the recording that ships in the repository (recordings/lab.swarmrec.gz,
/// made by scripts/record-lab), with no engine to ask: seek, pause, step, speed, a pane
/// asserted at each step. The moments are those of that recording (3:40 long): the stack
/// hrec_shop deployed at 0:10, hrec_shop_web scaled to 5 and back to 2, hrec_crash failing from
/// 1:05, node2's engine down around 2:00 and back by 3:10, everything of hrec removed by 3:38.
final class ReplayEndToEndTests: XCTestCase {
    /// Waits until the status line says the replay is paused at `position` and the rows show it
    /// (`shows`): the rows come from the snapshot preparer's thread, a moment after the status line.
    private func seeked(_ t: Tmux, _ position: String, _ what: String, _ shows: (String) -> Bool) throws {
        _ = try t.waitFor("replay \(position) paused with \(what)") { $0.contains("replay \(position)/3:40 paused 1x") && shows($0) }
    }

    /// The screen's row that holds `text`, or "".
    private func row(_ screen: String, _ text: String) -> String {
        screen.split(separator: "\n").first { $0.contains(text) }.map(String.init) ?? ""
    }

    func testTheShippedRecordingReplaysWithoutDocker() throws {
        let file = E2E.root.appendingPathComponent("recordings/lab.swarmrec.gz").path
        let t = try Tmux("'\(E2E.binary)' replay '\(file)' --pane services; echo \"exit=$?\"; sleep 120",
                         environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color", "DOCKER_HOST": "unix:///nonexistent/docker.sock"])
        try t.waitFor("replay 0:")
        try t.send("Space")
        try t.waitFor("paused")

        try t.send(":", "seek 0:45", "Enter")
        try seeked(t, "0:45", "hrec_shop_web at 5/5") { row($0, "hrec_shop_web").contains("5/5") }
        try t.send(":", "seek 1:05", "Enter")
        try seeked(t, "1:05", "hrec_shop_web at 2/2") { row($0, "hrec_shop_web").contains("2/2") }
        // Back: the snapshot rebuilt from the start, before the deploy.
        try t.send(":", "seek 0:05", "Enter")
        try seeked(t, "0:05", "no hrec_shop, lab_web at 5/5") { !$0.contains("hrec_shop") && row($0, "lab_web").contains("5/5") }
        try t.send("]")
        try t.waitFor("replay 0:15/3:40 paused 1x")
        try t.send("[", "[")
        try t.waitFor("replay 0:00/3:40 paused 1x")

        // Step: `.` goes from change to change, still paused, up to the deploy.
        try t.send(":", "seek 0:08", "Enter")
        try t.waitFor("replay 0:08/3:40 paused 1x")
        var steps = 0, screen = ""
        repeat {
            try t.send(".")
            steps += 1
            Thread.sleep(forTimeInterval: 0.3)
            screen = try t.screen()
        } while !screen.contains("hrec_shop_web") && steps < 40
        XCTAssertTrue(row(screen, "hrec_shop_web").contains("replicated"), "no deploy within 40 steps:\n\(screen)")
        XCTAssertTrue(row(screen, "replay 0:").contains("/3:40 paused 1x"), screen)

        // The crash-looping service's failures, on the tasks pane: older than its slot's newest
        // task, they are quiet rows, shown with `a`.
        try t.send("3", "a", ":", "seek 1:30", "Enter")
        try seeked(t, "1:30", "hrec_crash.1 on a node, its failures") {
            row($0, "hrec_crash.1").contains("node") && $0.contains("\"task: non-zero exit (1)\"")
        }

        // node2's engine killed, and back.
        try t.send("1", ":", "seek 2:00", "Enter")
        try seeked(t, "2:00", "node2 Down and unreachable") { row($0, "node2 ").contains("Down") && row($0, "node2 ").contains("unreachable") }
        try t.send(":", "seek 3:10", "Enter")
        try seeked(t, "3:10", "node2 Ready") { row($0, "node2 ").contains("Ready") }

        // The stack and the crash-looping service removed.
        try t.send("2", ":", "seek 3:38", "Enter")
        try seeked(t, "3:38", "no hrec_ service") { !$0.contains("hrec_") }
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertTrue(try t.screen().contains("replay 3:38/3:40 paused 1x"), "paused: the position stays")

        // Speed, and playing to the end.
        try t.send(":", "seek 3:30", "Enter", ">", ">", "Space")
        try t.waitFor("replay 3:40/3:40 end", timeout: 10)
        // An action is refused; the replay keeps running.
        try t.send("+")
        try t.waitFor("refused: + would scale up by one: this is a replay of a recording, no engine is asked")
        try t.send("q")
        try t.waitFor("exit=0")
    }
}
