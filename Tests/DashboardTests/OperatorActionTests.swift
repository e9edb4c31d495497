import XCTest
@testable import Dashboard
import SwarmState

/// The operator actions beyond scale / stop / remove: undo, stop and start a stack, node
/// availability, rollback, force update, restart, and read-only mode, on the sample swarm.
final class OperatorActionTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    /// The state on `pane` with row `id` selected; `showingAll` presses `a` first, for a
    /// quiet row (an exited container).
    private func on(_ pane: Character, _ id: RowID, _ snapshot: ClusterSnapshot = SampleCluster.snapshot(),
                    readOnly: Bool = false, showingAll: Bool = false) -> AppState {
        var state = AppState.loaded(snapshot, readOnly: readOnly)
        state.press(.char(pane))
        if showingAll { state.press(.char("a")) }
        state.select(id)
        return state
    }

    /// The sample swarm with lab_web's mode and labels replaced.
    private func withWeb(replicas: Int, labels: String = #"{"com.docker.stack.namespace":"lab"}"#) -> ClusterSnapshot {
        var services = SampleCluster.services
        services[0] = """
        {"ID":"s-web","Version":{"Index":21},"Spec":{"Name":"lab_web","Labels":\(labels),
          "TaskTemplate":{"ContainerSpec":{"Image":"swarmtop-lab/busybox:1"}},"Mode":{"Replicated":{"Replicas":\(replicas)}}}}
        """
        return SampleCluster.snapshot(services: services)
    }

    /// The sample stack lab as a stack action carries it: its services by ID, with their labels.
    private func labStack() -> StackContents {
        let label = ["com.docker.stack.namespace": "lab"]
        return StackContents(stack: "lab", objects: [.services: [StackObject(id: "s-agent", name: "lab_agent", labels: label),
                                                                 StackObject(id: "s-viz", name: "lab_viz", labels: label),
                                                                 StackObject(id: "s-web", name: "lab_web", labels: label)]])
    }

    func testUndoPutsBackTheCountOfTheLastScale() {
        var state = on("2", .service("s-web"))
        XCTAssertEqual(state.press(.char("u")), [])
        XCTAssertEqual(state.status, StatusMessage("nothing to undo: no scale yet in this session", isError: true))
        let effects = state.press(.char("+"), .char("y"))
        XCTAssertEqual(effects, [.scale(serviceID: "s-web", serviceName: "lab_web", from: 5, replicas: 6)])
        _ = reduce(&state, .effectFinished(effects[0], message: "engine said 500: update out of sequence", isError: true))
        XCTAssertNil(state.lastScale, "a failed scale is nothing to undo")
        _ = reduce(&state, .effectFinished(effects[0], message: "lab_web scaled to 6", isError: false))
        XCTAssertEqual(state.lastScale, ScaleRecord(serviceID: "s-web", serviceName: "lab_web", from: 5, to: 6))
        state.press(.char("u"))
        XCTAssertNil(state.dialog, "the snapshot still shows 5")
        XCTAssertEqual(state.status?.text, "lab_web already has 5 replicas")

        _ = reduce(&state, .snapshot(withWeb(replicas: 6)))
        state.press(.char("1"), .char("u"))
        XCTAssertEqual(state.confirmation?.title, "Undo scale")
        XCTAssertEqual(state.confirmation?.message, ["Undo the last scale: scale lab_web from 6 back to 5 replicas?"])
        XCTAssertEqual(state.press(.char("y")), [.scale(serviceID: "s-web", serviceName: "lab_web", from: 6, replicas: 5)])

        _ = reduce(&state, .snapshot(withWeb(replicas: 8)))
        state.press(.char("u"))
        XCTAssertEqual(state.confirmation?.message, ["Undo the last scale: scale lab_web from 8 back to 5 replicas?",
                                                     "swarmtop scaled it from 5 to 6; it has 8 now."])
    }

    func testStoppingAStackNamesWhatStopsAndWhatCannot() {
        var state = on("2", .service("s-web"))
        state.press(.char("X"))
        XCTAssertEqual(state.confirmation, Confirmation(
            title: "Stop stack",
            message: ["Stop stack lab?",
                      "Its replicated services are scaled to 0: lab_viz (1), lab_web (5).",
                      "Each count is kept in the service label swarmtop.replicas: X starts the stack again, from any swarmtop.",
                      "Not stoppable, left running: lab_agent (global)."],
            effect: .stopStack(labStack()), progress: "stopping stack lab…"))
        XCTAssertEqual(state.press(.char("y")), [.stopStack(labStack())])
    }

    func testAStackWithTheLabelIsStartedFromIt() {
        var state = on("2", .service("s-web"), withWeb(replicas: 0, labels: #"{"com.docker.stack.namespace":"lab","swarmtop.replicas":"5"}"#))
        state.press(.char("X"))
        XCTAssertEqual(state.confirmation?.message, [
            "Start stack lab?",
            "Its stopped services are scaled back to the counts kept in their label swarmtop.replicas, which is then removed: lab_web 0 → 5.",
            "Left as they are: lab_agent, lab_viz.",
        ])
        guard case .startStack(let contents)? = state.press(.enter).first else { return XCTFail("no start") }
        XCTAssertEqual(contents.stack, "lab")
        XCTAssertEqual(contents[.services].first { $0.id == "s-web" }?.labels["swarmtop.replicas"], "5", "the labels the dialog showed")
    }

    func testStoppingAServiceOutsideAStackIsRefused() {
        var state = on("2", .service("s-job"))
        XCTAssertEqual(state.press(.char("X")), [])
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "migrate belongs to no stack")
    }

    func testAnAvailabilityTheNodeHasIsRefusedInPlainWords() {
        var snapshot = SampleCluster.snapshot()
        let i = snapshot.nodes.firstIndex { $0.id == "n2" }!
        for (availability, key, word) in [("drain", "d", "drained"), ("pause", "p", "paused")] {
            snapshot.nodes[i].spec?.availability = availability
            var state = on("1", .node("n2"), snapshot)
            state.press(.char(Character(key)))
            XCTAssertNil(state.dialog)
            XCTAssertEqual(state.status?.text, "node2 is already \(word)")
        }
    }

    func testDrainSaysHowManyTasksMove() {
        var state = on("1", .node("n2"))
        state.press(.char("d"))
        XCTAssertEqual(state.confirmation?.message, [
            "Drain node node2?",
            "3 tasks will move (shut down on node2, started again where they fit): lab_web.2, lab_web.3 and lab_web.5 to node1.",
            "Warning: 1 task of global services will stop on node2, not move (lab_agent.node2).",
            "No new tasks are placed on node2 until it is active again.",
        ])
        XCTAssertEqual(state.press(.char("y")), [.setAvailability(nodeID: "n2", hostname: "node2", from: "active", .drain)])
        state.press(.char("p"))
        XCTAssertEqual(state.confirmation?.message, ["Pause node node2?",
                                                     "No task leaves node2: its 4 tasks keep running (lab_agent.node2, lab_web.2, lab_web.3, lab_web.5). New tasks are not placed on it."])
        state.press(.escape, .char("a"))
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "node2 is already active")
    }

    func testActivatingADrainedNodeMovesNothing() {
        let nodes = [SampleCluster.nodes[0], SampleCluster.node("n2", "node2", role: "worker", availability: "drain")]
        var state = on("1", .node("n2"), SampleCluster.snapshot(nodes: nodes))
        state.press(.char("a"))
        XCTAssertEqual(state.confirmation?.message, ["Activate node node2?",
                                                     "No task will move: the scheduler may place new tasks on it, but running tasks are not rebalanced."])
        XCTAssertEqual(state.press(.char("y")), [.setAvailability(nodeID: "n2", hostname: "node2", from: "drain", .active)])
    }

    func testRollbackAndForceUpdateAreConfirmed() {
        var state = on("2", .service("s-web"))
        state.press(.char("B"))
        XCTAssertEqual(state.confirmation?.message.first, "Roll back service lab_web to its previous spec?")
        XCTAssertEqual(state.press(.char("y")), [.rollback(serviceID: "s-web", serviceName: "lab_web")])
        state.press(.char("F"))
        XCTAssertEqual(state.confirmation?.message, [
            "Redeploy service lab_web?",
            "As docker service update --force: each of its 5 tasks is replaced by a new one following its update policy; the spec does not change.",
        ])
        XCTAssertEqual(state.press(.char("y")), [.forceUpdate(serviceID: "s-web", serviceName: "lab_web")])
        state.select(.stack("lab"))
        XCTAssertEqual(state.press(.char("F")), [])
        XCTAssertEqual(state.status?.text, "select a service")
    }

    func testRestartRefusesASwarmTasksContainer() {
        var state = on("4", .container(hostname: "node1", id: "c-scratch"), showingAll: true)  // exited: a quiet row
        state.press(.char("R"))
        XCTAssertEqual(state.confirmation?.message.first, "Restart container scratch on node1?")
        XCTAssertEqual(state.press(.char("y")), [.restartContainer(hostname: "node1", containerID: "c-scratch", name: "scratch")])
        state.select(.container(hostname: "node1", id: "c-web1"))
        XCTAssertEqual(state.press(.char("R")), [])
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text.hasPrefix("lab_web.1.t-web1 runs a swarm task: restarting it would leave"), true)
    }

    func testReadOnlyRefusesEveryActionKeyWherever() {
        let places: [(Character, RowID)] = [("1", .node("n2")), ("2", .service("s-web")), ("3", .task("t-web1")),
                                            ("4", .container(hostname: "node1", id: "c-scratch"))]
        for (pane, id) in places {
            var state = on(pane, id, readOnly: true, showingAll: pane == "4")  // c-scratch exited: a quiet row
            for binding in Keymap.standard.bindings where binding.dangerous && binding.applies(in: state.pane, inDialog: false) {
                XCTAssertEqual(state.press(binding.keys[0]), [])
                XCTAssertNil(state.dialog, binding.description)
                XCTAssertEqual(state.status?.text, "refused: \(binding.label) would \(binding.description) (--read-only)")
            }
        }
    }

    func testHelpSaysWhereActionsAreLogged() {
        var state = AppState(endpoint: "unix:///x.sock", actionLog: "/root/.local/state/swarmtop/actions.jsonl",
                             timeZone: SampleCluster.utc, width: 140, height: 45)
        _ = reduce(&state, .snapshot(SampleCluster.snapshot()))
        state.press(.char("?"))
        let screen = render(state, width: 140, height: 45, now: SampleCluster.refreshedAt).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("actions are logged to /root/.local/state/swarmtop/actions.jsonl"), screen)
        XCTAssertTrue(screen.contains("undo the last scale"), screen)
    }
}
