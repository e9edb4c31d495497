import XCTest
@testable import Dashboard
import SwarmState

/// A confirmed dialog acts on what it showed: when a new snapshot shows its object changed or
/// gone, the open dialog says so and cannot be confirmed.
final class StaleDialogTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func on(_ pane: Character, _ id: RowID, _ snapshot: ClusterSnapshot = SampleCluster.snapshot()) -> AppState {
        var state = AppState.loaded(snapshot)
        state.press(.char(pane))
        state.select(id)
        return state
    }

    /// The screen of `state` at its own size.
    private func screen(_ state: AppState) -> [String] {
        render(state, width: state.width, height: state.height, now: SampleCluster.refreshedAt).lines
    }

    /// The sample swarm with lab_web at `replicas`.
    private func withWeb(replicas: Int) -> ClusterSnapshot {
        var services = SampleCluster.services
        services[0] = SampleCluster.service("s-web", "lab_web", stack: "lab", mode: #"{"Replicated":{"Replicas":\#(replicas)}}"#)
        return SampleCluster.snapshot(services: services)
    }

    func testAScaleDialogWhoseCountChangedCannotBeConfirmed() {
        var state = on("2", .service("s-web"))
        state.press(.char("+"))
        XCTAssertEqual(state.confirmation?.message.first, "Scale service lab_web from 5 to 6 replicas?")
        XCTAssertTrue(screen(state).contains { $0.contains("└─ y/Enter confirm  n/Esc cancel ─") })
        _ = reduce(&state, .snapshot(withWeb(replicas: 3)))
        XCTAssertTrue(screen(state).contains { $0.contains("└─ n/Esc cancel ─") }, "the box offers only the way out")
        XCTAssertEqual(state.press(.char("y")), [], "a scale from 5 was sent while the service has 3")
        XCTAssertNotNil(state.dialog, "the dialog closed without saying why")
        XCTAssertEqual(state.confirmation?.changed, "lab_web has 3 replicas now, not 5")
        XCTAssertEqual(state.status, StatusMessage("not confirmed: changed since this dialog opened: lab_web has 3 replicas now, not 5. Esc closes it.", isError: true))
        XCTAssertTrue(screen(state).contains { $0.contains("changed since this dialog opened: lab_web has 3") }, screen(state).joined(separator: "\n"))
        // Back at 5, it stays refused: it is opened again to act on what is there now.
        _ = reduce(&state, .snapshot(SampleCluster.snapshot()))
        XCTAssertEqual(state.press(.char("y")), [])
        state.press(.escape, .char("+"))
        XCTAssertEqual(state.press(.char("y")), [.scale(serviceID: "s-web", serviceName: "lab_web", from: 5, replicas: 6)])
    }

    func testAScaleDialogWhoseServiceVanishedCannotBeConfirmed() {
        var state = on("2", .service("s-web"))
        state.press(.char("-"))
        _ = reduce(&state, .snapshot(SampleCluster.snapshot(services: Array(SampleCluster.services.dropFirst()))))
        XCTAssertEqual(state.press(.char("y")), [])
        XCTAssertEqual(state.confirmation?.changed, "lab_web is gone")
    }

    func testANodeDialogWhoseAvailabilityChangedCannotBeConfirmed() {
        var state = on("1", .node("n2"))
        state.press(.char("d"))
        let paused = [SampleCluster.nodes[0], SampleCluster.node("n2", "node2", role: "worker", availability: "pause")]
        _ = reduce(&state, .snapshot(SampleCluster.snapshot(nodes: paused)))
        XCTAssertEqual(state.press(.char("y")), [], "a drain was sent for a node that is no longer as shown")
        XCTAssertEqual(state.confirmation?.changed, "node2 is pause now, not active")
    }

    func testAStopStackDialogWhoseStackChangedCannotBeConfirmed() {
        var state = on("2", .service("s-web"))
        state.press(.char("X"))
        XCTAssertEqual(state.confirmation?.title, "Stop stack")
        var services = SampleCluster.services
        services.append(SampleCluster.service("s-new", "lab_new", stack: "lab", mode: #"{"Replicated":{"Replicas":2}}"#))
        _ = reduce(&state, .snapshot(SampleCluster.snapshot(services: services)))
        XCTAssertEqual(state.press(.char("y")), [], "a stack stop was sent for a stack that no longer is what the dialog listed")
        XCTAssertEqual(state.confirmation?.changed, "stack lab now also holds lab_new")
    }

    func testAStopStackDialogWhoseCountsChangedCannotBeConfirmed() {
        var state = on("2", .service("s-web"))
        state.press(.char("X"))
        XCTAssertEqual(state.confirmation?.message[1], "Its replicated services are scaled to 0: lab_viz (1), lab_web (5).")
        _ = reduce(&state, .snapshot(SampleCluster.snapshot()))
        XCTAssertNil(state.confirmation?.changed, "an unchanged snapshot made the dialog stale")
        _ = reduce(&state, .snapshot(withWeb(replicas: 7)))
        XCTAssertEqual(state.press(.char("y")), [])
        XCTAssertEqual(state.confirmation?.changed, "the counts of stack lab changed")
    }

    func testTheReplicaInputOfAServiceThatChangedCannotBeConfirmed() {
        var state = on("2", .service("s-web"))
        state.press(.char("="))
        _ = reduce(&state, .snapshot(withWeb(replicas: 2)))
        state.type("7")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.replicaInput?.changed, "lab_web has 2 replicas now, not 5")
    }

    func testAScaleCarriesTheCountItsDialogShowed() {
        var state = on("2", .service("s-web"), withWeb(replicas: 2))
        state.press(.char("="))
        state.type("4")
        state.press(.enter)
        XCTAssertEqual(state.confirmation?.message.first, "Scale service lab_web from 2 to 4 replicas?")
        XCTAssertEqual(state.press(.char("y")), [.scale(serviceID: "s-web", serviceName: "lab_web", from: 2, replicas: 4)])
    }

    /// The remove dialog lists the stack's services by ID and waits for its secrets, configs and
    /// networks; the removal carries exactly what the dialog listed.
    func testRemovingAStackActsOnWhatTheDialogListed() {
        var state = on("2", .service("s-web"))
        XCTAssertEqual(state.press(.char("D")), [.listStack(name: "lab")])
        state.type("lab")
        XCTAssertEqual(state.press(.enter), [], "confirmed before its networks were listed")
        XCTAssertEqual(state.typedName?.confirmation.waiting, "reading its secrets, configs and networks…")
        let web = StackObject(id: "s-web", name: "lab_web", labels: ["com.docker.stack.namespace": "lab"])
        let net = StackObject(id: "net1", name: "lab_default", labels: ["com.docker.stack.namespace": "lab"])
        _ = reduce(&state, .stackListed(StackContents(stack: "other", objects: [.secrets: [], .configs: [], .networks: [net]])))
        XCTAssertNotNil(state.typedName?.confirmation.waiting, "another stack's list filled the dialog")
        _ = reduce(&state, .stackListed(StackContents(stack: "lab", objects: [.services: [web], .secrets: [], .configs: [], .networks: [net]])))
        XCTAssertEqual(state.typedName?.confirmation.message[2], "So are its network lab_default. Volumes are kept.")
        guard case .removeStack(let contents)? = state.press(.enter).first else { return XCTFail("no removal") }
        XCTAssertEqual(contents.stack, "lab")
        XCTAssertEqual(contents[.services].map(\.id), ["s-agent", "s-viz", "s-web"], "the services the dialog listed, from the snapshot")
        XCTAssertEqual(contents[.networks], [net])
    }

    func testARemoveDialogWhoseListFailedCannotBeConfirmed() {
        var state = on("2", .service("s-web"))
        state.press(.char("D"))
        _ = reduce(&state, .effectFinished(.listStack(name: "lab"), message: "could not list the objects of stack lab: engine said 500", isError: true))
        state.type("lab")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.typedName?.confirmation.waiting, "could not list the objects of stack lab: engine said 500: Esc, then D to try again")
    }

    /// A decoy whose stack label holds a JSON escape is its own stack: its dialog lists the decoy
    /// alone, never the stack its name decodes to.
    func testADecoyStackListsOnlyItsOwnServices() {
        var services = SampleCluster.services
        services.append(SampleCluster.service("s-decoy", "decoy", stack: #"la\\u0062"#, mode: #"{"Replicated":{"Replicas":1}}"#))
        var state = on("2", .service("s-decoy"), SampleCluster.snapshot(services: services))
        XCTAssertEqual(state.press(.char("D")), [.listStack(name: #"la\u0062"#)])
        guard case .removeStack(let contents)? = state.typedName?.confirmation.effect else { return XCTFail("no removal dialog") }
        XCTAssertEqual(contents.stack, #"la\u0062"#)
        XCTAssertEqual(contents[.services].map(\.id), ["s-decoy"])
    }
}
