import Foundation
import XCTest

/// The operator actions in the real binary, in tmux against the lab: scale and undo, stop and
/// start a stack, remove a stack by typing its name, read-only mode; each checked with the
/// docker CLI, and the action log read back.
final class OperatorActionsEndToEndTests: XCTestCase {
    private let image = "swarmtop-lab/busybox:1"

    private func start(_ args: String = "", stateHome: URL? = nil) throws -> Tmux {
        var env = try E2E.labEnvironment()
        if let stateHome { env["XDG_STATE_HOME"] = stateHome.path }
        return try Tmux("'\(E2E.binary)' \(args); echo \"exit=$?\"; sleep 120", environment: env)
    }

    private func deploy(_ stack: String) throws {
        let compose = """
        version: "3.8"
        services:
          web:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            deploy: {replicas: 2}
          agent:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            deploy: {mode: global}
        """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(stack)-\(UUID().uuidString).yml")
        try Data(compose.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try E2E.docker(["stack", "deploy", "-c", file.path, stack])
        try E2E.eventually(90, "\(stack)_web running 2/2") { try E2E.replicas("\(stack)_web") == "2/2" }
    }

    /// Walks down the services pane, pressing `key` on each row and cancelling, until the
    /// dialog shows `expected` (the rows of other stacks and services come and go meanwhile).
    @discardableResult
    private func openDialog(_ t: Tmux, key: String, showing expected: String) throws -> String {
        try t.send("2", "Home")
        for _ in 0..<60 {
            try t.send(key)
            Thread.sleep(forTimeInterval: 0.4)
            let screen = try t.screen()
            if screen.contains(expected) { return screen }
            if screen.contains("Esc cancel") { try t.send("Escape") }
            try t.send("j")
        }
        XCTFail("no row of the services pane opened \"\(expected)\"")
        throw CancellationError()
    }

    func testScaleThenUndoPutsTheCountBackAndBothAreLogged() throws {
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("swarmtop-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stateHome) }
        defer { _ = try? E2E.docker(["service", "scale", "--detach", "lab_web=5"]) }
        try E2E.eventually(60, "lab_web at 5/5 before the test") { try E2E.replicas("lab_web") == "5/5" }
        let t = try start(stateHome: stateHome)
        try t.waitFor("Leader")
        try t.send("u")
        try t.waitFor("nothing to undo: no scale yet in this session")
        try openDialog(t, key: "+", showing: "Scale service lab_web from 5 to 6 replicas?")
        try t.send("y")
        try E2E.eventually(60, "docker service ls reports lab_web 6/6") { try E2E.replicas("lab_web") == "6/6" }
        try t.waitFor("lab_web scaled to 6")
        try t.waitFor("6/6 on screen") { $0.contains("6/6") }
        try t.send("u")
        try t.waitFor("Undo the last scale: scale lab_web from 6 back to 5")
        try t.send("y")
        try E2E.eventually(60, "docker service ls reports lab_web 5/5") { try E2E.replicas("lab_web") == "5/5" }
        try t.waitFor("lab_web scaled to 5")

        let log = try String(contentsOf: stateHome.appendingPathComponent("swarmtop/actions.jsonl"), encoding: .utf8)
        let entries = log.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        XCTAssertEqual(entries.map { "\($0["action"] ?? "") \($0["target"] ?? "") \($0["result"] ?? "") \($0["message"] ?? "")" },
                       ["scale lab_web ok lab_web scaled to 6", "scale lab_web ok lab_web scaled to 5"], log)
        XCTAssertTrue(entries.allSatisfy { $0["endpoint"]?.contains("swarmtop-lab") == true && $0["time"] != nil }, log)
        try t.send("?")
        try t.waitFor("actions are logged to \(stateHome.path)/swarmtop/actions.jsonl")
        try t.send("Escape", "q")
        try t.waitFor("exit=0")
    }

    func testStopThenStartAStackKeepsTheCountsInALabel() throws {
        let stack = "swarmtopite2estop"
        try deploy(stack)
        defer { _ = try? E2E.docker(["stack", "rm", stack]) }
        let t = try start()
        try t.waitFor("Leader")
        let dialog = try openDialog(t, key: "X", showing: "Stop stack \(stack)?")
        XCTAssertTrue(dialog.contains("\(stack)_web (2)"), dialog)
        XCTAssertTrue(dialog.contains("left running: \(stack)_agent"), dialog)
        try t.send("y")
        try t.waitFor("stack \(stack): stopped 1 service")
        XCTAssertEqual(try E2E.docker(["service", "inspect", "--format", "{{.Spec.Mode.Replicated.Replicas}} {{index .Spec.Labels \"swarmtop.replicas\"}}",
                                   "\(stack)_web"]), "0 2")
        try E2E.eventually(60, "\(stack)_web at 0/0") { try E2E.replicas("\(stack)_web") == "0/0" }

        try t.waitFor("\(stack)_web at 0/0 on screen") { $0.contains("0/0") }
        try openDialog(t, key: "X", showing: "Start stack \(stack)?")
        try t.send("y")
        try t.waitFor("stack \(stack): started 1 service")
        try E2E.eventually(60, "\(stack)_web back at 2/2") { try E2E.replicas("\(stack)_web") == "2/2" }
        XCTAssertEqual(try E2E.docker(["service", "inspect", "--format", "{{json .Spec.Labels}}", "\(stack)_web"]).contains("swarmtop.replicas"), false)
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testRemoveStackWantsItsNameTyped() throws {
        let stack = "swarmtopite2erm"
        try deploy(stack)
        defer { _ = try? E2E.docker(["stack", "rm", stack]) }
        let t = try start()
        try t.waitFor("Leader")
        let dialog = try openDialog(t, key: "D", showing: "Remove stack \(stack)?")
        // The dialog lists what it removes, its network included (read when it opened).
        XCTAssertTrue(dialog.contains("So are its network \(stack)_default. Volumes are"), dialog)
        XCTAssertTrue(dialog.contains("Type \(stack) and press Enter"), dialog)
        try t.send("y", "Enter")
        try t.waitFor("type \(stack) exactly, or Esc to cancel")
        XCTAssertEqual(try E2E.docker(["stack", "services", "-q", stack]).split(separator: "\n").count, 2, "y removed the stack")
        try t.send("BSpace")
        for c in stack { try t.send(String(c)) }
        try t.send("Enter")
        try t.waitFor("stack \(stack): removed 2 services")
        XCTAssertEqual(try E2E.docker(["service", "ls", "-q", "--filter", "label=com.docker.stack.namespace=\(stack)"]), "")
        try t.send("q")
        try t.waitFor("exit=0")
    }

    func testReadOnlySaysSoAndChangesNothing() throws {
        try E2E.eventually(60, "lab_web at 5/5 before the test") { try E2E.replicas("lab_web") == "5/5" }
        let t = try start("--read-only")
        try t.waitFor("Leader")
        try t.send("2", "End", "+")
        try t.waitFor("refused: + would scale up by one (--read-only)")
        try t.send("1", "d")
        try t.waitFor("refused: d would drain the node (--read-only)")
        try t.send("?")
        try t.waitFor("actions are off (--read-only)")
        XCTAssertEqual(try E2E.replicas("lab_web"), "5/5")
        XCTAssertEqual(try E2E.docker(["node", "inspect", "--format", "{{.Spec.Availability}}", "node1"]), "active")
        try t.send("Escape", "q")
        try t.waitFor("exit=0")
    }
}
