import Foundation
import XCTest

/// `e` in the real binary against the lab: a command in a lab_web task's container on node2
/// (the worker: its own engine), run by the docker CLI in the full terminal; the dashboard is
/// drawn again whole afterwards (keys and the mouse work again), and the action log says what ran.
final class ExecEndToEndTests: XCTestCase {
    private let node2 = "unix:///run/swarmtop-lab/node2.sock"

    /// A running lab_web task on node2: its slot's name (`lab_web.3`), task ID, container ID,
    /// and the container's hostname as node2's engine reports it (`Config.Hostname`).
    private func taskOnNode2() throws -> (slot: String, taskID: String, containerID: String, hostname: String) {
        let rows = try E2E.docker(["service", "ps", "lab_web", "--no-trunc", "--filter", "desired-state=running", "--filter", "node=node2",
                                   "--format", "{{.Name}} {{.ID}} {{.CurrentState}}"]).split(separator: "\n")
        guard let row = rows.first(where: { $0.contains(" Running") })?.split(separator: " "), row.count >= 2 else {
            XCTFail("no running lab_web task on node2: \(rows)")
            throw CancellationError()
        }
        let containerID = try E2E.docker(["inspect", "--format", "{{.Status.ContainerStatus.ContainerID}}", String(row[1])])
        let hostname = try E2E.docker(["-H", node2, "inspect", "--format", "{{.Config.Hostname}}", containerID])
        XCTAssertFalse(hostname.isEmpty)
        return (String(row[0]), String(row[1]), containerID, hostname)
    }

    /// swarmtop on the Tasks pane with the task's row selected (filtered to its slot on node2,
    /// the current task first), and `e` pressed: the exec line is open on that task's container.
    /// - Parameters:
    ///   - path: swarmtop's `PATH` (the test's own unless told).
    ///   - tls: reach the lab's engines over TLS (`scripts/lab env --tls`).
    private func openExec(_ task: (slot: String, taskID: String, containerID: String, hostname: String),
                          stateHome: URL, path: String? = nil, tls: Bool = false) throws -> Tmux {
        var env = tls ? try E2E.labTLSEnvironment() : try E2E.labEnvironment()
        env["XDG_STATE_HOME"] = stateHome.path
        let shellPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        // xterm's terminfo asks for SGR mouse reports, which `click(on:)` types.
        let t = try Tmux("TERM=xterm-256color PATH='\(path ?? shellPath)' '\(E2E.binary)'; echo \"exit=$?\"; sleep 120",
                         environment: env.merging(["PATH": shellPath]) { $1 })
        try t.waitFor("Leader")
        try t.send("3")
        try t.send("/", task.slot.replacingOccurrences(of: ".", with: "\\.") + "  node2", "Enter")
        try t.waitFor("the filtered tasks") { $0.contains("/\(task.slot.replacingOccurrences(of: ".", with: "\\."))  node2") && $0.contains(task.slot) }
        try t.send("g", "e")
        try t.waitFor("exec in \(task.slot).\(task.taskID) on node2: sh")
        return t
    }

    /// The dashboard drawn whole: the tab bar, the task's row, the hint bar, and nothing left of the command's screen.
    private func assertDashboardIntact(_ screen: String, slot: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.first?.hasPrefix("swarmtop") == true && lines.first?.contains("3 Tasks") == true, screen, file: file, line: line)
        XCTAssertTrue(lines.contains { $0.hasPrefix(slot) && $0.contains("node2") }, screen, file: file, line: line)
        XCTAssertFalse(screen.contains("press any key"), screen, file: file, line: line)
        XCTAssertFalse(screen.contains("/ #"), screen, file: file, line: line)
    }

    /// The action log's lines as `action target result message`.
    private func logged(_ stateHome: URL) throws -> [String] {
        let log = try String(contentsOf: stateHome.appendingPathComponent("swarmtop/actions.jsonl"), encoding: .utf8)
        return log.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
            .map { "\($0["action"] ?? "") \($0["target"] ?? "") \($0["result"] ?? "") \($0["message"] ?? "")" }
    }

    func testHostnameInATaskOnNode2ShowsItsHostnameAndAKeyReturns() throws {
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("h-exec-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let task = try taskOnNode2()
        let t = try openExec(task, stateHome: stateHome)
        try t.send("BSpace", "BSpace", "hostname")
        try t.waitFor("exec in \(task.slot).\(task.taskID) on node2: hostname")
        try t.send("Enter")
        let shown = try t.waitFor("the command's output and the key prompt") { $0.contains("[exit status 0; press any key to return to swarmtop]") }
        let lines = shown.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(lines.contains(task.hostname), shown)
        XCTAssertFalse(shown.contains("3 Tasks"), "the dashboard is put away meanwhile:\n\(shown)")
        try t.send("Space")
        let back = try t.waitFor("the dashboard again") { $0.contains("3 Tasks") && $0.contains("exit status 0") }
        assertDashboardIntact(back, slot: task.slot)
        XCTAssertTrue(back.contains("exec hostname in \(task.slot).\(task.taskID) on node2: exit status 0 (through \(node2))"), back)
        try t.send("4")
        try t.waitFor("keys work again: the Containers pane") { $0.contains("lab_scribbler.") }
        try t.click(on: "Services")
        try t.waitFor("the mouse works again: the Services pane") { $0.contains("REPLICAS") }
        XCTAssertEqual(try logged(stateHome), ["exec \(task.slot).\(task.taskID) on node2 ok exec hostname in \(task.slot).\(task.taskID) on node2: exit status 0 (through \(node2))"])
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testAShellThatExitsReturnsToTheDashboardAtTheTerminalsNewSize() throws {
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("h-exec-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let task = try taskOnNode2()
        let t = try openExec(task, stateHome: stateHome)
        try t.send("Enter")
        try t.waitFor("the shell's prompt") { $0.contains("/ #") && !$0.contains("3 Tasks") }
        try t.send("hostname", "Enter")
        try t.waitFor("the shell's hostname") { screen in
            screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == task.hostname }
        }
        // The terminal shrinks meanwhile: the command follows it, and so does the dashboard after.
        try Tmux.tmux(["resize-window", "-t", t.session, "-x", "120", "-y", "30"])
        try t.send("stty size", "Enter")
        try t.waitFor("the shell's new size") { $0.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "30 120" } }
        try t.send("exit", "Enter")
        let back = try t.waitFor("the dashboard again") { $0.contains("3 Tasks") && $0.contains("exit status 0") }
        assertDashboardIntact(back, slot: task.slot)
        let rows = back.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(rows.count >= 30 && rows[29].contains("exit status 0"), "the status bar on the last of 30 rows:\n\(back)")
        XCTAssertTrue(rows.allSatisfy { $0.count <= 120 }, back)
        XCTAssertEqual(try logged(stateHome), ["exec \(task.slot).\(task.taskID) on node2 ok exec sh in \(task.slot).\(task.taskID) on node2: exit status 0 (through \(node2))"])
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testOverTLSTheCLIGetsTheNodesTLSEndpointAndFiles() throws {
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("h-exec-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let task = try taskOnNode2()
        let t = try openExec(task, stateHome: stateHome, tls: true)
        try t.send("BSpace", "BSpace", "hostname", "Enter")
        let shown = try t.waitFor("the command's output and the key prompt") { $0.contains("[exit status 0; press any key to return to swarmtop]") }
        XCTAssertTrue(shown.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == task.hostname }, shown)
        try t.send("Space")
        let back = try t.waitFor("the dashboard again") { $0.contains("3 Tasks") && $0.contains("exit status 0") }
        assertDashboardIntact(back, slot: task.slot)
        XCTAssertEqual(try logged(stateHome),
                       ["exec \(task.slot).\(task.taskID) on node2 ok exec hostname in \(task.slot).\(task.taskID) on node2: exit status 0 (through tcp://10.213.0.12:2376)"])
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testWithoutADockerCLIOnPathTheStatusLineSaysSo() throws {
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("h-exec-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let task = try taskOnNode2()
        let t = try openExec(task, stateHome: stateHome, path: "/nonexistent")
        try t.send("Enter")
        let screen = try t.waitFor("no docker CLI on PATH")
        assertDashboardIntact(screen, slot: task.slot)
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testReadOnlyRefusesIt() throws {
        var env = try E2E.labEnvironment()
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let t = try Tmux("'\(E2E.binary)' --read-only; echo \"exit=$?\"; sleep 120", environment: env)
        try t.waitFor("Leader")
        try t.send("3")
        try t.waitFor("lab_web.")
        try t.send("e")
        try t.waitFor("refused: e would run a command in the container, a shell by default (docker exec -it) (--read-only)")
        try t.send("q")
        try t.waitFor("exit=0")
    }
}
