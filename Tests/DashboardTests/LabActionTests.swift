import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// The action keys on the lab as captured: the effects carry the real IDs.
final class LabActionTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func lab() throws -> (AppState, ClusterSnapshot) {
        let snapshot = try LabFixtures.snapshot()
        return (AppState.loaded(snapshot), snapshot)
    }

    func testScalingLabWeb() throws {
        var (state, snapshot) = try lab()
        let web = try XCTUnwrap(snapshot.services.first { $0.name == "lab_web" })
        state.press(.char("2"))
        state.select(.service(web.id))
        state.press(.char("+"))
        XCTAssertEqual(state.confirmation?.message, ["Scale service lab_web from 5 to 6 replicas?"])
        XCTAssertEqual(state.press(.char("y")), [.scale(serviceID: web.id, serviceName: "lab_web", from: 5, replicas: 6)])
        XCTAssertEqual(state.status?.text, "scaling lab_web to 6…")
    }

    func testLabAgentIsGlobal() throws {
        var (state, _) = try lab()
        state.press(.char("2"), .down, .char("+"))
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.status?.text, "lab_agent is a global service: one task per node, no replica count to scale")
    }

    func testStoppingATasksContainerOnTheWorker() throws {
        var (state, snapshot) = try lab()
        let task = try XCTUnwrap(snapshot.tasks.first { snapshot.taskName($0) == "lab_web.1" && $0.desiredState == "running" })
        let containerID = try XCTUnwrap(task.status?.containerStatus?.containerID)
        state.press(.char("3"))
        state.select(.task(task.id))
        state.press(.char("x"))
        XCTAssertEqual(state.press(.enter), [.stopContainer(hostname: "node2", containerID: containerID,
                                                            name: "lab_web.1.hwm5mta8bohiyhqjqv05ly197")])
    }

    func testRemovingTheLabStack() throws {
        var (state, _) = try lab()
        XCTAssertEqual(state.press(.char("2"), .char("D")), [.listStack(name: "lab")])
        XCTAssertEqual(state.typedName?.confirmation.message[1], "Its 4 services are removed: lab_agent, lab_scribbler, lab_viz, lab_web.")
        _ = reduce(&state, .stackListed(StackContents(stack: "lab", objects: [.secrets: [], .configs: [], .networks: []])))
        state.type("lab")
        guard case .removeStack(let contents)? = state.press(.enter).first else { return XCTFail("no removal") }
        XCTAssertEqual(contents[.services].map(\.name), ["lab_agent", "lab_scribbler", "lab_viz", "lab_web"])
    }
}
