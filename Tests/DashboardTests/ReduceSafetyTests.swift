import XCTest
@testable import Dashboard
import LabFixtures
import SwarmState

/// What a fast or hurried operator can do: scale twice before the swarm answers, or press keys
/// on a screen too small to show the dialog they answer.
final class ReduceSafetyTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private func labWeb() throws -> (AppState, Service) {
        let snapshot = try LabFixtures.snapshot()
        var state = AppState.loaded(snapshot)
        let web = try XCTUnwrap(snapshot.services.first { $0.name == "lab_web" })
        state.press(.char("2"))
        state.select(.service(web.id))
        return (state, web)
    }

    func testASecondScaleBuildsOnTheFirstUntilTheSnapshotShowsIt() throws {
        var (state, web) = try labWeb()
        XCTAssertEqual(state.press(.char("+"), .char("y")), [.scale(serviceID: web.id, serviceName: "lab_web", from: 5, replicas: 6)])
        state.press(.char("+"))
        XCTAssertEqual(state.confirmation?.message, ["Scale service lab_web from 6 to 7 replicas?"])
        XCTAssertEqual(state.press(.char("y")), [.scale(serviceID: web.id, serviceName: "lab_web", from: 6, replicas: 7)])

        // Once a snapshot shows 7, the pending count is dropped and the snapshot counts again.
        var snapshot = try LabFixtures.snapshot()
        let i = try XCTUnwrap(snapshot.services.firstIndex { $0.id == web.id })
        snapshot.services[i].spec.mode?.replicated?.replicas = 7
        _ = reduce(&state, .snapshot(snapshot))
        XCTAssertEqual(state.pendingScales, [:])
        state.press(.char("-"))
        XCTAssertEqual(state.confirmation?.message, ["Scale service lab_web from 7 to 6 replicas?"])
    }

    func testAFailedScaleIsForgotten() throws {
        var (state, web) = try labWeb()
        let effects = state.press(.char("+"), .char("y"))
        _ = reduce(&state, .effectFinished(effects[0], message: "scale lab_web failed: engine said 500: boom", isError: true))
        XCTAssertNil(state.pendingScales[web.id])
        state.press(.char("+"))
        XCTAssertEqual(state.confirmation?.message, ["Scale service lab_web from 5 to 6 replicas?"])
    }

    func testATooSmallScreenTakesNoKeyButQuit() throws {
        var (state, _) = try labWeb()
        state.press(.char("="))
        state.type("3")
        state.press(.enter)
        XCTAssertNotNil(state.confirmation)
        _ = reduce(&state, .resize(width: 10, height: 3))
        XCTAssertEqual(state.press(.char("y"), .enter), [], "a dialog that cannot be seen is not confirmed")
        XCTAssertNotNil(state.confirmation)
        state.press(.char("q"))
        XCTAssertTrue(state.quit)
    }
}
