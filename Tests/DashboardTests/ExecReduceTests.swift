import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// `e`: the command line it opens, what Enter asks for, and what it refuses.
final class ExecReduceTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func onTask(_ id: String, _ snapshot: ClusterSnapshot = SampleCluster.snapshot(), readOnly: Bool = false) -> AppState {
        var state = AppState.loaded(snapshot, readOnly: readOnly)
        state.press(.char("3"))
        state.select(.task(id))
        return state
    }

    func testEOpensTheCommandLinePrefilledWithShAndEnterRunsIt() {
        var state = onTask("t-web2")
        XCTAssertEqual(state.press(.char("e")), [])
        let request = ExecRequest(hostname: "node2", containerID: "c-web2", name: "lab_web.2.t-web2", command: [])
        XCTAssertEqual(state.prompt, Prompt(.exec(request), text: "sh"))
        XCTAssertTrue(render(state, width: 80, height: 24, now: SampleCluster.refreshedAt).lines.contains { $0.hasPrefix("exec in lab_web.2.t-web2 on node2: sh") })
        var expected = request
        expected.command = ["sh"]
        XCTAssertEqual(state.press(.enter), [.exec(expected)])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status?.text, "exec sh in lab_web.2.t-web2 on node2…")
    }

    func testTheTypedCommandIsSplitIntoWordsAsAShellWould() {
        var state = onTask("t-web2")
        state.press(.char("e"), .backspace, .backspace)
        state.type("sh -c 'echo a  b' \"x\\\"y\"")
        let effects = state.press(.enter)
        XCTAssertEqual(effects, [.exec(ExecRequest(hostname: "node2", containerID: "c-web2", name: "lab_web.2.t-web2",
                                                   command: ["sh", "-c", "echo a  b", "x\"y"]))])
        XCTAssertEqual(state.status?.text, #"exec sh -c 'echo a  b' 'x"y' in lab_web.2.t-web2 on node2…"#)
    }

    func testABlankOrUnclosedCommandOpensTheLineAgain() {
        var state = onTask("t-web2")
        state.press(.char("e"), .backspace, .backspace)
        state.type(" ")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.prompt?.error, "type a command, e.g. sh")
        state.type("echo 'a")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.prompt?.error, "the quote ' is not closed")
        state.press(.escape)
        XCTAssertNil(state.prompt)
    }

    func testAContainerRowOfTheContainersPane() {
        var state = AppState.loaded()
        state.press(.char("4"))
        state.select(.container(hostname: "node1", id: "c-web1"))
        state.press(.char("e"))
        XCTAssertEqual(state.press(.enter), [.exec(ExecRequest(hostname: "node1", containerID: "c-web1", name: "lab_web.1.t-web1", command: ["sh"]))])
    }

    func testReadOnlyRefusesIt() {
        var state = onTask("t-web2", readOnly: true)
        XCTAssertEqual(state.press(.char("e")), [])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status?.text, "refused: e would run a command in the container, a shell by default (docker exec -it) (--read-only)")
        XCTAssertTrue(state.status?.isError == true)
    }

    func testAReplayRefusesIt() throws {
        var state = AppState(endpoint: "unix:///run/swarmtop-lab/node1.sock", keymap: Keymap.standard.addingReplayKeys(),
                             timeZone: .utc, width: 100, height: 20)
        _ = reduce(&state, .replayStatus(ReplayStatus(position: 0, duration: 60, paused: true, speed: 1, start: SampleCluster.refreshedAt)))
        _ = reduce(&state, .snapshot(SampleCluster.snapshot()))
        state.press(.char("3"))
        state.select(.task("t-web2"))
        XCTAssertEqual(state.press(.char("e"), .enter), [])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status?.text,
                       "refused: e would run a command in the container, a shell by default (docker exec -it): this is a replay of a recording, no engine is asked")
    }

    func testATaskWithoutAContainerIsRefused() {
        var state = onTask("t-web3")
        XCTAssertEqual(state.press(.char("e")), [])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status?.text, "lab_web.3 has no container yet (preparing)")
    }

    func testAContainerThatStoppedOrVanishedSinceTheLineOpenedIsRefusedOnEnter() {
        var state = onTask("t-web2")
        state.press(.char("e"))
        XCTAssertNotNil(state.prompt)
        var stopped = SampleCluster.snapshot()
        let node2 = stopped.engines.firstIndex { $0.hostname == "node2" }!
        let web2 = stopped.engines[node2].containers.firstIndex { $0.id == "c-web2" }!
        stopped.engines[node2].containers[web2].state = "exited"
        _ = reduce(&state, .snapshot(stopped))
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status?.text, "changed since the line opened: lab_web.2.t-web2 is not running (exited): nothing to exec in")

        state = onTask("t-web2")
        state.press(.char("e"))
        var vanished = SampleCluster.snapshot()
        vanished.engines[node2].containers.remove(at: web2)
        _ = reduce(&state, .snapshot(vanished))
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status?.text, "changed since the line opened: lab_web.2.t-web2 is no longer listed on node2")
    }

    func testAnExitedContainerIsRefused() {
        var state = AppState.loaded()
        state.press(.char("4"))
        state.press(.char("a"))  // exited containers are quiet rows: shown
        state.select(.container(hostname: "node1", id: "c-scratch"))
        state.press(.char("e"))
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status?.text, "scratch is not running (exited): nothing to exec in")
    }

    func testAnEngineNotReachedIsRefused() {
        var snapshot = SampleCluster.snapshot()
        snapshot.engines.removeLast()
        var state = onTask("t-web2", snapshot)
        state.press(.char("e"))
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status?.text, "swarmtop does not reach the engine of node2: give it with --node-host or --node-host-template to exec there")
        snapshot = SampleCluster.snapshot()
        snapshot.engines[1].error = "connection refused"
        state = onTask("t-web2", snapshot)
        state.press(.char("e"))
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status?.text, "the engine of node2 does not answer (connection refused): no exec there")
    }

    func testOnTheLabALabWebTaskOnNode2() throws {
        let snapshot = try LabFixtures.snapshot()
        let task = try XCTUnwrap(snapshot.tasks.first { snapshot.taskName($0) == "lab_web.1" && $0.desiredState == "running" })
        let containerID = try XCTUnwrap(task.status?.containerStatus?.containerID)
        var state = onTask(task.id, snapshot)
        state.press(.char("e"), .backspace, .backspace)
        state.type("hostname")
        XCTAssertEqual(state.press(.enter), [.exec(ExecRequest(hostname: "node2", containerID: containerID,
                                                              name: "lab_web.1.hwm5mta8bohiyhqjqv05ly197", command: ["hostname"]))])
    }

    func testAPlacementCard() throws {
        var state = AppState.loaded()
        state.press(.char("5"))
        for _ in 0..<3 where state.selection.id != .task("t-web2") {
            state.press(.home)
            for _ in 0..<10 where state.selection.id != .task("t-web2") { state.press(.down) }
            if state.selection.id != .task("t-web2") { state.press(.right) }
        }
        XCTAssertEqual(state.selection.id, .task("t-web2"))
        state.press(.char("e"))
        XCTAssertEqual(state.press(.enter), [.exec(ExecRequest(hostname: "node2", containerID: "c-web2", name: "lab_web.2.t-web2", command: ["sh"]))])
    }

    func testInteractiveShellsAndOtherCommands() {
        func request(_ words: String...) -> ExecRequest { ExecRequest(hostname: "n", containerID: "c", name: "x", command: words) }
        XCTAssertTrue(request("sh").isInteractiveShell)
        XCTAssertTrue(request("/bin/bash", "-l").isInteractiveShell)
        XCTAssertFalse(request("sh", "-c", "ls").isInteractiveShell)
        XCTAssertFalse(request("hostname").isInteractiveShell)
        XCTAssertEqual(Effect.exec(request("hostname")).action, "exec")
        XCTAssertEqual(Effect.exec(request("hostname")).target, "x on n")
        XCTAssertTrue(Effect.exec(request("hostname")).changesSwarm)
    }
}
