import Foundation
import LabFixtures
import XCTest

/// The real binary in tmux against the lab: what a person sees, and what the swarm then reports.
final class DashboardEndToEndTests: XCTestCase {
    /// The command line that keeps the pane open after swarmtop exits and reports how it ended
    /// and whether the terminal was given back (canonical mode and echo on again).
    private func wrapped(_ args: String = "") -> String {
        "'\(E2E.binary)' \(args); echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo; sleep 120"
    }

    /// The pane once swarmtop has exited and `stty` has reported the terminal modes after it.
    private func ended(_ t: Tmux) throws -> String {
        try t.waitFor("the exit status and the terminal modes") { $0.contains("exit=") && $0.contains("icanon") }
    }

    func testEveryPaneFillsFromTheLab() throws {
        let t = try Tmux(wrapped(), environment: try E2E.labEnvironment())
        let nodes = try t.waitFor("both nodes, node1 leading") { $0.contains("node1") && $0.contains("node2") && $0.contains("Leader") }
        XCTAssertTrue(nodes.contains("manager") && nodes.contains("worker"), nodes)
        XCTAssertTrue(nodes.contains("API 1.41"), nodes)
        try t.send("2")
        let services = try t.waitFor("lab_web 5/5") { $0.contains("lab_web") && $0.contains("5/5") }
        for s in ["lab_agent", "lab_viz", "lab_scribbler", "*:8080->80/tcp", "global", "replicated"] {
            XCTAssertTrue(services.contains(s), "\(s) missing:\n\(services)")
        }
        try t.send("3")
        try t.waitFor("tasks") { $0.contains("lab_web.1") && $0.contains("Running") }
        try t.send("4")
        // A size like `1.05MB (virtual 3.04MB)`: the first size query answers within seconds.
        try t.waitFor("writable layer sizes", timeout: 40) { $0.range(of: #"B \(virtual [0-9.]+[kMG]?B\)"#, options: .regularExpression) != nil }
        try t.send("5")
        try t.waitFor("placement columns") { $0.contains("manager") && $0.contains("worker") && $0.contains("web.") }
        try t.send("?")
        try t.waitFor("help for the placement pane") { $0.contains("Keys: Placement") && $0.contains("node on the left") }
        try t.send("Escape", "q")
        let end = try ended(t)
        XCTAssertTrue(end.contains("exit=0"), end)
        XCTAssertTrue(end.contains("icanon echo") || end.contains("echo icanon"), "terminal not restored:\n\(end)")
    }

    func testPlusThenConfirmScalesWebAndTheCLIAgrees() throws {
        let t = try Tmux(wrapped(), environment: try E2E.labEnvironment())
        defer { _ = try? E2E.docker(["service", "scale", "--detach", "lab_web=5"]) }
        try E2E.eventually(60, "lab_web at 5/5 before the test") { try E2E.replicas("lab_web") == "5/5" }
        try t.send("2")
        try t.waitFor("lab_web")
        try t.send("End", "+")
        let dialog = try t.waitFor("Scale service lab_web from 5 to 6")
        XCTAssertTrue(dialog.contains("y"), dialog)
        try t.send("y")
        try E2E.eventually(60, "docker service ls reports lab_web 6/6") { try E2E.replicas("lab_web") == "6/6" }
        try t.waitFor("6/6 on screen") { $0.contains("6/6") }
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testCtrlCQuitsAndRestoresTheTerminal() throws {
        let t = try Tmux(wrapped(), environment: try E2E.labEnvironment())
        try t.waitFor("Leader")
        try t.send("C-c")
        let end = try ended(t)
        XCTAssertTrue(end.contains("exit=0"), end)
        XCTAssertTrue(end.contains("icanon") && !end.contains("-icanon") && !end.contains("-echo"), end)
    }

    /// SIGTERM ends with status 143, SIGSEGV (a crash) with 139 and SIGQUIT with 131, each after
    /// the terminal is restored.
    func testSIGTERMAndACrashRestoreTheTerminal() throws {
        for (signal, status) in [(SIGTERM, 143), (SIGSEGV, 139), (SIGQUIT, 131)] {
            let t = try Tmux(wrapped(), environment: try E2E.labEnvironment())
            try t.waitFor("Leader")
            let pid = try t.swarmtopPID()
            guard pid > 1 else { return XCTFail("no swarmtop process under the pane") }
            kill(pid, signal)
            let end = try ended(t)
            XCTAssertTrue(end.contains("exit=\(status)"), "signal \(signal):\n\(end)")
            XCTAssertTrue(end.contains("icanon") && !end.contains("-icanon") && !end.contains("-echo"), end)
        }
    }

    func testAnUnreachableManagerIsShownAndTheDashboardKeepsRunning() throws {
        var env = try E2E.labEnvironment()
        env["DOCKER_HOST"] = "unix:///run/swarmtop-lab/absent.sock"
        env["SWARMTOP_NODE_HOSTS"] = ""
        let t = try Tmux(wrapped(), environment: env)
        try t.waitFor("cannot reach unix:///run/swarmtop-lab/absent.sock")
        try t.send("2", "3", "4", "5", "1")
        try t.waitFor("cannot reach")
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testAWorkersEngineAsManagerSaysItIsNotAManager() throws {
        var env = try E2E.labEnvironment()
        let node2 = env["SWARMTOP_NODE_HOSTS"]!.split(separator: ",").first { $0.hasPrefix("node2=") }!.dropFirst("node2=".count)
        env["DOCKER_HOST"] = String(node2)
        let t = try Tmux(wrapped(), environment: env)
        try t.waitFor("not a swarm manager")
        try t.send("q")
        try t.waitFor("exit=0")
    }
}

extension Tmux {
    /// The swarmtop process: the child of the pane's shell.
    func swarmtopPID() throws -> Int32 {
        let out = try ChildProcess.run("pgrep", ["-P", String(try pid()), "swarmtop"]).out
        return Int32(out.split(separator: "\n").first ?? "") ?? -1
    }
}
