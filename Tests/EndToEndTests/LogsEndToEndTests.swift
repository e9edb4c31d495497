import Foundation
import XCTest

/// The log view in the real binary, in tmux against the lab: `l` on a scribbler container shows
/// what `docker logs` prints for it, `/` finds and highlights a line, `t` shows the engine's
/// timestamps, Esc goes back to the pane and ends the stream's connection.
final class LogsEndToEndTests: XCTestCase {
    /// Filters the containers pane down to the running scribblers (an engine restarted by an
    /// earlier test leaves exited ones, whose log ends at once) and opens the first one's log.
    private func openScribblerLog(_ t: Tmux) throws -> String {
        try t.send("4")
        try t.waitFor("lab_scribbler")
        try t.send("/", "lab_scribbler.* Up ", "Enter", "g")
        try t.waitFor("the running scribblers") { $0.contains("/lab_scribbler") && !$0.contains("lab_web") }
        try t.send("l")
        return try t.waitFor("a scribbler's log") { $0.contains("logs of container lab_scribbler") }
    }

    /// The sockets a process has open.
    private func sockets(_ pid: Int32) -> Int {
        let dir = "/proc/\(pid)/fd"
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return fds.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/\($0)"))?.hasPrefix("socket:") == true }.count
    }

    func testLShowsAScribblersLogThenSearchTimestampsAndEscBack() throws {
        let env = try E2E.labEnvironment()
        let t = try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; sleep 120", environment: env)
        try t.waitFor("Leader")
        let pid = try t.swarmtopPID()
        var screen = try openScribblerLog(t)
        let header = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("logs of container") })
        let words = header.split(separator: " ")
        let (name, node) = (String(words[3]), String(words[5]))
        let url = try XCTUnwrap(env["SWARMTOP_NODE_HOSTS"]?.split(separator: ",").first { $0.hasPrefix(node + "=") }?.dropFirst(node.count + 1))
        let cli = try E2E.docker(["-H", String(url), "logs", name]).split(separator: "\n")
        XCTAssertTrue(cli.contains("scribbler: 1/6 MB written"), cli.joined(separator: "\n"))
        screen = try t.waitFor("every line docker logs prints") { s in cli.allSatisfy { s.contains($0) } }
        XCTAssertTrue(screen.contains("following"), screen)
        let streaming = sockets(pid)

        try t.send("/")
        try t.waitFor("the search prompt") { $0.contains("Enter search") }
        try t.send("1/6", "Enter")
        try t.waitFor("the view paused on the match") { $0.contains("paused") }
        let coloured = try Tmux.tmux(["capture-pane", "-p", "-e", "-t", t.session])
        XCTAssertNotNil(coloured.range(of: #"\x{1b}\[[0-9;]*7[0-9;]*m1/6"#, options: .regularExpression),
                        "the match is not shown in reverse:\n\(coloured)")

        try t.send("t")
        try t.waitFor("timestamps") {
            $0.range(of: #"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\.[0-9]{9}Z scribbler: 1/6 MB written"#, options: .regularExpression) != nil
        }

        try t.send("Escape")
        try t.waitFor("the containers pane again") { !$0.contains("logs of container") && $0.contains("lab_scribbler") }
        try E2E.eventually(5, "the log stream's connection closed") { sockets(pid) < streaming }
        try t.send("q")
        try t.waitFor("exit=0")
    }
}
