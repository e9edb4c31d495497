import XCTest
@testable import Dashboard
import SwarmState

/// `:context NAME` switches the dashboard to another swarm: the front end is asked to, and
/// once it has, nothing of the old swarm is left on screen or acted on; the context is named
/// in the tab bar and in every action's dialog.
final class ContextSwitchTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let prod = "tcp://prod-manager.example:2376"

    /// The sample swarm watched through context `lab`, with `lab` and `prod` known.
    private func onLab(readOnly: Bool = false) -> AppState {
        let snapshot = SampleCluster.snapshot()
        var state = AppState(endpoint: snapshot.endpoint, readOnly: readOnly, context: "lab", contextNames: ["lab", "prod"],
                             timeZone: SampleCluster.utc, width: 100, height: 30)
        _ = reduce(&state, .snapshot(snapshot))
        return state
    }

    private func screen(_ state: AppState) -> String {
        render(state, width: state.width, height: state.height, now: SampleCluster.refreshedAt).lines.joined(separator: "\n")
    }

    func testColonContextAsksTheFrontEndToSwitchAndTabCompletesTheNames() {
        var state = onLab()
        state.press(.char(":"))
        state.type("context p")
        state.press(.tab)
        XCTAssertEqual(state.prompt?.text, "context prod ")
        XCTAssertEqual(state.press(.enter), [.switchContext(name: "prod")])
        XCTAssertEqual(state.status, StatusMessage("switching to context prod…", isPending: true))
    }

    func testColonContextAloneSaysWhichIsWatched() {
        var state = onLab()
        state.press(.char(":"))
        state.type("context")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status?.text, "context lab (unix:///run/swarmtop-lab/node1.sock); contexts: lab, prod")
    }

    func testASwitchForgetsTheOldSwarm() {
        var state = onLab()
        state.press(.char("2"))
        state.press(.char("/"))
        state.type("web")
        state.press(.enter)
        state.select(.service("s-web"))
        state.press(.char("+"))
        XCTAssertNotNil(state.dialog)
        XCTAssertEqual(reduce(&state, .contextSwitched(name: "prod", endpoint: prod, manager: prod)), [])
        XCTAssertNil(state.snapshot)
        XCTAssertNil(state.dialog, "a dialog about the old swarm stays open after the switch")
        XCTAssertNil(state.filters[.services])
        XCTAssertEqual(state.endpoint, prod)
        XCTAssertTrue(screen(state).contains("connecting to \(prod)…"), screen(state))
        XCTAssertTrue(screen(state).contains("context prod"), screen(state))

        var fresh = SampleCluster.snapshot()
        fresh.endpoint = prod
        _ = reduce(&state, .snapshot(fresh))
        XCTAssertEqual(state.snapshot?.endpoint, prod)
    }

    func testASnapshotOfTheNewSwarmThatCameFirstIsKept() {
        var state = onLab()
        var fresh = SampleCluster.snapshot()
        fresh.endpoint = prod
        _ = reduce(&state, .snapshot(fresh))
        _ = reduce(&state, .contextSwitched(name: "prod", endpoint: "\(prod) (context prod)", manager: prod))
        XCTAssertEqual(state.snapshot?.endpoint, prod, "the new swarm's first snapshot was dropped: the screen waits for the next change")
        XCTAssertEqual(state.endpoint, "\(prod) (context prod)")
    }

    func testASwitchClosesTheLogViewOfTheOldSwarm() throws {
        var state = onLab()
        state.press(.char("2"))
        state.select(.service("s-web"))
        let follow = state.press(.char("l"))
        guard case .followLogs(_, let stream)? = follow.first else { return XCTFail("l did not open a log: \(follow)") }
        XCTAssertEqual(reduce(&state, .contextSwitched(name: "prod", endpoint: prod, manager: prod)), [.stopLogs(stream: stream)])
        XCTAssertNil(state.logs)
    }

    func testADialogNamesTheContextItActsOn() {
        var state = onLab()
        state.press(.char("2"))
        state.select(.service("s-web"))
        state.press(.char("+"))
        XCTAssertTrue(screen(state).contains("─ Scale service · context lab ─"), screen(state))
    }

    func testNoSwitchWhileAnActionOnTheSwarmRuns() {
        var state = onLab()
        state.press(.char("2"))
        state.select(.service("s-web"))
        XCTAssertEqual(state.press(.char("+"), .char("y")).count, 1)
        state.press(.char(":"))
        state.type("context prod")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status?.isError, true)
        XCTAssertTrue(state.status?.text.hasPrefix("not switched: wait for scale ") == true, state.status?.text ?? "")
    }

    func testReadOnlyMayStillSwitch() {
        var state = onLab(readOnly: true)
        state.press(.char(":"))
        state.type("context prod")
        XCTAssertEqual(state.press(.enter), [.switchContext(name: "prod")])
    }
}
