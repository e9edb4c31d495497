import XCTest
@testable import Dashboard
import SwarmState

final class ReduceActionTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func onService(_ id: String, readOnly: Bool = false) -> AppState {
        var state = AppState.loaded(readOnly: readOnly)
        state.press(.char("2"))
        state.select(.service(id))
        return state
    }

    func testScaleUpAsksThenReturnsTheEffect() {
        var state = onService("s-web")
        XCTAssertEqual(state.press(.char("+")), [])
        XCTAssertEqual(state.confirmation?.message, ["Scale service lab_web from 5 to 6 replicas?"])
        XCTAssertEqual(state.press(.char("y")), [.scale(serviceID: "s-web", serviceName: "lab_web", from: 5, replicas: 6)])
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status, StatusMessage("scaling lab_web to 6…", isPending: true))
        _ = reduce(&state, .tick(SampleCluster.refreshedAt.addingTimeInterval(60)))
        XCTAssertEqual(state.status?.text, "scaling lab_web to 6…", "a pending message waits for its effect")
        _ = reduce(&state, .effectFinished(.scale(serviceID: "s-web", serviceName: "lab_web", from: 5, replicas: 6), message: "lab_web scaled to 6", isError: false))
        XCTAssertEqual(state.status, StatusMessage("lab_web scaled to 6"))
    }

    func testScaleDownConfirmsWithEnter() {
        var state = onService("s-web")
        state.press(.char("-"))
        XCTAssertEqual(state.confirmation?.message, ["Scale service lab_web from 5 to 4 replicas?"])
        XCTAssertEqual(state.press(.enter), [.scale(serviceID: "s-web", serviceName: "lab_web", from: 5, replicas: 4)])
    }

    func testCancellingADialogReturnsNoEffect() {
        var state = onService("s-web")
        state.press(.char("+"))
        XCTAssertEqual(state.press(.char("n")), [])
        XCTAssertNil(state.dialog)
        XCTAssertNil(state.status)
        state.press(.char("+"))
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.pane, .services, "Esc closed the dialog and did not go back")
    }

    func testDialogIsModal() {
        var state = onService("s-web")
        state.press(.char("+"))
        XCTAssertEqual(state.press(.char("3"), .down, .char("q"), .char("x"), .tab), [])
        XCTAssertEqual(state.pane, .services)
        XCTAssertEqual(state.selection.id, .service("s-web"))
        XCTAssertFalse(state.quit)
        XCTAssertNotNil(state.confirmation)
        state.press(.ctrl("c"))
        XCTAssertTrue(state.quit, "Ctrl-C quits even from a dialog")
    }

    func testTypedReplicaCountIsValidatedThenConfirmed() {
        var state = onService("s-web")
        state.press(.char("="))
        XCTAssertEqual(state.replicaInput?.current, 5)
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.replicaInput?.error, "type a number of replicas")
        state.type("20000")
        XCTAssertEqual(state.replicaInput?.text, "20000")
        XCTAssertNil(state.replicaInput?.error, "typing clears the error")
        XCTAssertEqual(state.pane, .services, "digits are typed, not pane keys")
        state.press(.enter)
        XCTAssertEqual(state.replicaInput?.error, "at most 10000 replicas")
        state.press(.backspace, .backspace, .backspace, .backspace)
        XCTAssertEqual(state.replicaInput?.text, "2")
        state.type("ab")
        XCTAssertEqual(state.replicaInput?.text, "2", "letters are not typed")
        state.press(.backspace)
        state.type("5")
        state.press(.enter)
        XCTAssertEqual(state.replicaInput?.error, "lab_web already has 5 replicas")
        state.press(.backspace)
        state.type("12")
        state.press(.enter)
        XCTAssertEqual(state.confirmation?.message, ["Scale service lab_web from 5 to 12 replicas?"])
        XCTAssertEqual(state.press(.char("y")), [.scale(serviceID: "s-web", serviceName: "lab_web", from: 5, replicas: 12)])
        XCTAssertEqual(state.status?.text, "scaling lab_web to 12…")
    }

    func testReplicaInputCancels() {
        var state = onService("s-web")
        state.press(.char("="))
        state.type("7")
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.dialog)
    }

    func testScalingToZeroSaysTheTasksStop() {
        var state = onService("s-viz")
        state.press(.char("-"))
        XCTAssertEqual(state.confirmation?.message,
                       ["Scale service lab_viz from 1 to 0 replicas?", "All of its tasks will be shut down."])
        var zero = AppState.loaded(SampleCluster.snapshot(services: [
            SampleCluster.service("s-web", "lab_web", stack: "lab", mode: #"{"Replicated":{"Replicas":0}}"#),
        ]))
        zero.press(.char("2"))
        zero.select(.service("s-web"))
        zero.press(.char("-"))
        XCTAssertNil(zero.dialog)
        XCTAssertEqual(zero.status, StatusMessage("lab_web has no replicas to remove", isError: true))
    }

    func testGlobalServicesAreNotScaled() {
        for key in ["+", "-", "="] {
            var state = onService("s-agent")
            XCTAssertEqual(state.type(key), [])
            XCTAssertNil(state.dialog)
            XCTAssertEqual(state.status,
                           StatusMessage("lab_agent is a global service: one task per node, no replica count to scale", isError: true))
        }
    }

    func testAReplicatedJobIsScaledByItsCompletions() {
        var job = onService("s-job")
        job.press(.char("+"))
        XCTAssertEqual(job.confirmation?.message, ["Scale replicated job migrate from 3 to 4 completions?",
                                                   "As docker service scale: the job runs again until 4 tasks have completed."])
        XCTAssertEqual(job.press(.char("y")), [.scale(serviceID: "s-job", serviceName: "migrate", from: 3, replicas: 4)])
        job.press(.char("="))
        XCTAssertEqual(job.replicaInput?.current, 4, "the count builds on the scale to 4 still on its way")
    }

    func testScalingAStackRowAsksForAService() {
        var state = onService("s-web")
        state.select(.stack("lab"))
        state.press(.char("+"))
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "select a service to scale")
    }

    func testStopContainerNamesItsNodeAndTheReplacement() {
        var state = AppState.loaded()
        state.press(.char("4"))
        state.select(.container(hostname: "node1", id: "c-web1"))
        state.press(.char("x"))
        XCTAssertEqual(state.confirmation?.title, "Stop container")
        XCTAssertEqual(state.confirmation?.message, [
            "Stop container lab_web.1.t-web1 on node1?",
            "It runs a task of lab_web: swarm will start a new task to replace it.",
        ])
        XCTAssertEqual(state.press(.char("y")), [.stopContainer(hostname: "node1", containerID: "c-web1", name: "lab_web.1.t-web1")])
        XCTAssertEqual(state.status?.text, "stopping lab_web.1.t-web1 on node1…")
    }

    func testADialogTooBigForTheScreenIsNotAnsweredUntilItFits() {
        var state = AppState.loaded(width: 40, height: 8)
        state.press(.char("4"))
        state.select(.container(hostname: "node1", id: "c-web1"))
        state.press(.char("x"))
        XCTAssertEqual(state.press(.char("y")), [])
        XCTAssertEqual(state.status, StatusMessage("the terminal is too small to show this dialog whole: enlarge it to answer, or Esc",
                                                   isError: true))
        XCTAssertEqual(state.confirmation?.title, "Stop container", "still open")
        let screen = render(state, width: 40, height: 8, now: Date()).lines
        XCTAssertTrue(screen.contains { $0.contains("│ enlarge to read it all") }, screen.joined(separator: "\n"))
        _ = reduce(&state, .resize(width: 80, height: 24))
        XCTAssertEqual(state.press(.char("y")), [.stopContainer(hostname: "node1", containerID: "c-web1", name: "lab_web.1.t-web1")])
    }

    func testStopRefusesAContainerThatIsNotRunning() {
        var state = AppState.loaded()
        state.press(.char("4"), .char("a"))  // c-scratch exited: a quiet row, shown with a
        state.select(.container(hostname: "node1", id: "c-scratch"))
        state.press(.char("x"))
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status, StatusMessage("scratch is not running (exited)", isError: true))
    }

    func testStopFromTheTasksPaneStopsTheTasksContainer() {
        var state = AppState.loaded()
        state.press(.char("3"))
        state.select(.task("t-web2"))
        state.press(.char("x"))
        XCTAssertEqual(state.confirmation?.message, [
            "Stop container lab_web.2.t-web2 on node2?",
            "It runs task lab_web.2: swarm will start a new task to replace it.",
        ])
        XCTAssertEqual(state.press(.enter), [.stopContainer(hostname: "node2", containerID: "c-web2", name: "lab_web.2.t-web2")])

        state.select(.task("t-web3"))
        state.press(.char("x"))
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "lab_web.3 has no running container (preparing)")
    }

    func testStopFromTasksNeedsTheNodesEngine() {
        var snapshot = SampleCluster.snapshot()
        snapshot.engines.removeLast()
        var state = AppState.loaded(snapshot)
        state.press(.char("3"))
        state.select(.task("t-web2"))
        state.press(.char("x"))
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text,
                       "swarmtop does not reach the engine of node2: give it with --node-host or --node-host-template to stop containers there")
    }

    func testRemoveStackListsWhatGoesAndWhatStaysAndWantsTheNameTyped() {
        var state = onService("s-viz")
        XCTAssertEqual(state.press(.char("D")), [.listStack(name: "lab")])
        let label = ["com.docker.stack.namespace": "lab"]
        let services = [StackObject(id: "s-agent", name: "lab_agent", labels: label), StackObject(id: "s-viz", name: "lab_viz", labels: label),
                        StackObject(id: "s-web", name: "lab_web", labels: label)]
        var expected = Confirmation(
            title: "Remove stack",
            message: [
                "Remove stack lab?",
                "Its 3 services are removed: lab_agent, lab_viz, lab_web.",
                "So are its secrets, configs and networks (labelled com.docker.stack.namespace=lab), as docker stack rm does. Volumes are kept.",
                "Type lab and press Enter to remove it.",
            ],
            effect: .removeStack(StackContents(stack: "lab", objects: [.services: services])), progress: "removing stack lab…")
        expected.waiting = "reading its secrets, configs and networks…"
        XCTAssertEqual(state.typedName?.confirmation, expected)
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.dialog)
        state.select(.stack("lab"))
        XCTAssertEqual(state.press(.char("D")), [.listStack(name: "lab")])
        XCTAssertEqual(state.typedName?.confirmation, expected)
        let network = StackObject(id: "n-back", name: "lab_back", labels: label)
        let secret = StackObject(id: "x-token", name: "lab_token", labels: label)
        let listed = StackContents(stack: "lab", objects: [.secrets: [secret], .configs: [], .networks: [network]])
        _ = reduce(&state, .stackListed(listed))
        expected.waiting = nil
        expected.message[2] = "So are its secret lab_token; network lab_back. Volumes are kept."
        let removal = StackContents(stack: "lab", objects: [.services: services, .secrets: [secret], .configs: [], .networks: [network]])
        expected.effect = .removeStack(removal)
        XCTAssertEqual(state.typedName?.confirmation, expected)
        XCTAssertEqual(state.press(.char("y")), [], "y is typed, not an answer")
        XCTAssertEqual(state.typedName?.text, "y")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.typedName?.error, "type lab exactly, or Esc to cancel")
        state.press(.backspace)
        XCTAssertEqual(state.type("la"), [])
        XCTAssertEqual(state.press(.enter), [], "a prefix is not the name")
        state.type("b")
        XCTAssertNil(state.typedName?.error, "typing clears the error")
        XCTAssertEqual(state.press(.enter), [.removeStack(removal)])
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status, StatusMessage("removing stack lab…", isPending: true))
    }

    func testRemoveStackRefusesAServiceOutsideStacks() {
        var state = onService("s-job")
        state.press(.char("D"))
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "migrate belongs to no stack")
    }

    func testActionKeysOnlyWorkInTheirPanes() {
        var state = AppState.loaded()
        XCTAssertEqual(state.press(.char("+"), .char("D"), .char("x"), .char("=")), [])
        XCTAssertNil(state.dialog)
        XCTAssertNil(state.status)
    }

    func testReadOnlyModeDisablesEveryAction() {
        var state = onService("s-web", readOnly: true)
        for key: Character in ["+", "-", "=", "D"] {
            XCTAssertEqual(state.press(.char(key)), [])
            XCTAssertNil(state.dialog)
            XCTAssertEqual(state.status?.isError, true)
            XCTAssertTrue(state.status?.text.hasPrefix("refused: \(key) would ") ?? false, "\(String(describing: state.status))")
        }
        state.press(.char("4"), .char("x"))
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "refused: x would stop the container (--read-only)")
        state.press(.char("2"), .enter)
        XCTAssertEqual(state.pane, .tasks, "navigation still works")
    }

    func testEffectFinishedReplacesTheProgressMessage() {
        var state = onService("s-web")
        state.press(.char("+"), .char("y"))
        _ = reduce(&state, .effectFinished(.scale(serviceID: "s-web", serviceName: "lab_web", from: 5, replicas: 6), message: "update out of sequence", isError: true))
        XCTAssertEqual(state.status, StatusMessage("update out of sequence", isError: true))
    }
}
