import Foundation
import XCTest

/// Quitting while an action runs, in tmux against the lab: swarmtop says it waits, waits a few
/// seconds at most, restores the terminal, and says on stderr and in the action log what did not
/// finish. The action is a container stop (`POST /containers/{id}/stop?t=10`), made slow by a
/// container that takes its time over SIGTERM or ignores it.
final class QuitDuringActionEndToEndTests: XCTestCase {
    private let image = "swarmtop-lab/busybox:1"

    /// Creates a one-replica service `name` running `script` and waits until it runs.
    private func create(_ name: String, script: String) throws {
        _ = try? E2E.docker(["service", "rm", name])
        let id = try E2E.docker(["service", "create", "--detach", "--name", name, "--replicas", "1",
                                 "--restart-condition", "none", image, "sh", "-c", script])
        XCTAssertFalse(id.isEmpty, "docker service create \(name) failed")
        try E2E.eventually(90, "\(name) running 1/1") { try E2E.replicas(name) == "1/1" }
    }

    /// Starts swarmtop with its action log under `stateHome`, selects the container of `service`
    /// in the containers pane, stops it (`x`, `y`) and returns the session.
    private func stopContainer(of service: String, stateHome: URL) throws -> Tmux {
        var env = try E2E.labEnvironment()
        env["XDG_STATE_HOME"] = stateHome.path
        let t = try Tmux("'\(E2E.binary)'; echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo; sleep 120",
                         environment: env)
        try t.waitFor("Leader")
        try t.send("4", "/", "^\(service)", "Enter", "g")
        try t.waitFor("\(service) running on screen") { $0.contains("\(service).1.") && $0.contains("Up ") }
        try t.send("x")
        try t.waitFor("the stop dialog") { $0.contains("Stop container") && $0.contains("y/Enter confirm") }
        try t.send("y")
        return t
    }

    /// The action log's entries as `action target-prefix result`.
    private func logEntries(_ stateHome: URL) throws -> [[String: String]] {
        let log = try String(contentsOf: stateHome.appendingPathComponent("swarmtop/actions.jsonl"), encoding: .utf8)
        return log.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
    }

    func testQuitWaitsForAStopThatFinishesInTime() throws {
        let service = "hreadonly_slowstop"
        // SIGTERM ends it about 3 s later: the stop answers in time.
        try create(service, script: "trap 'sleep 3; exit 0' TERM; while true; do sleep 1; done")
        defer { _ = try? E2E.docker(["service", "rm", service]) }
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("swarmtop-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let t = try stopContainer(of: service, stateHome: stateHome)
        try t.send("q")
        let waiting = try t.waitFor("waiting up to 5 s for stop \(service).1.", timeout: 2)
        XCTAssertTrue(waiting.contains("q again: quit now"), waiting)
        let end = try t.waitFor("the exit", timeout: 10) { $0.contains("exit=") && $0.contains("icanon") }
        XCTAssertTrue(end.contains("exit=0"), end)
        XCTAssertFalse(end.contains("did not finish"), end)
        XCTAssertTrue(end.contains("icanon") && !end.contains("-icanon") && !end.contains("-echo"), end)
        let entries = try logEntries(stateHome)
        XCTAssertEqual(entries.map { "\($0["action"] ?? "") \($0["result"] ?? "")" }, ["stop ok"], "\(entries)")
    }

    func testSIGTERMDuringAStopThatDoesNotFinishSaysSoAndLogsIt() throws {
        let service = "hreadonly_stuckstop"
        // SIGTERM is ignored (PID 1 without a handler): the stop takes its full 10 s grace period.
        try create(service, script: "while true; do sleep 1; done")
        defer { _ = try? E2E.docker(["service", "rm", service]) }
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("swarmtop-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let t = try stopContainer(of: service, stateHome: stateHome)
        let started = Date()
        Thread.sleep(forTimeInterval: 0.3)
        kill(try t.swarmtopPID(), SIGTERM)
        try t.waitFor("waiting up to 5 s for stop \(service).1.", timeout: 3)
        let end = try t.waitFor("the exit", timeout: 10) { $0.contains("exit=") && $0.contains("icanon") }
        let waited = Date().timeIntervalSince(started)
        XCTAssertTrue(waited > 4.5 && waited < 8, "quit after \(waited) s")
        XCTAssertTrue(end.contains("exit=143"), end)
        XCTAssertTrue(end.contains("swarmtop: stop \(service).1."), end)
        XCTAssertTrue(end.contains("did not finish"), end)
        XCTAssertTrue(end.contains("icanon") && !end.contains("-icanon") && !end.contains("-echo"), end)
        let entries = try logEntries(stateHome)
        XCTAssertEqual(entries.map { "\($0["action"] ?? "") \($0["result"] ?? "")" }, ["stop interrupted"], "\(entries)")
        XCTAssertTrue(entries.first?["target"]?.hasPrefix("\(service).1.") == true, "\(entries)")
    }
}
