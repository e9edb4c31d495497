import XCTest
@testable import Dashboard
import SwarmState

/// Quitting while an action on the swarm runs: the reducer waits for its outcome (the UI loop
/// bounds the wait), says so, and takes no other key meanwhile; a second quit leaves at once.
final class ReduceQuitTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    private let scale = Effect.scale(serviceID: "s-web", serviceName: "lab_web", from: 5, replicas: 6)

    /// On the services pane with lab_web's scale to 6 confirmed and not answered yet.
    private func scaling() -> AppState {
        var state = AppState.loaded()
        state.press(.char("2"))
        state.select(.service("s-web"))
        XCTAssertEqual(state.press(.char("+"), .char("y")), [scale])
        return state
    }

    func testQuitWithNothingRunningQuitsAtOnce() {
        var state = AppState.loaded()
        state.press(.char("q"))
        XCTAssertTrue(state.quit)
    }

    func testQuitWhileAnActionRunsWaitsForItsOutcome() {
        var state = scaling()
        state.press(.char("q"))
        XCTAssertFalse(state.quit, "quit while lab_web's scale runs")
        XCTAssertEqual(state.status, StatusMessage("waiting up to 5 s for scale lab_web to finish… (q again: quit now)", isPending: true))
        XCTAssertEqual(state.press(.char("1"), .char("-"), .char("/")), [], "no other key while waiting")
        XCTAssertEqual(state.pane, .services)
        XCTAssertNil(state.dialog)
        _ = reduce(&state, .effectFinished(scale, message: "lab_web scaled to 6", isError: false))
        XCTAssertTrue(state.quit)
        XCTAssertEqual(state.running, [])
    }

    func testASecondQuitLeavesAtOnceWithTheActionStillRunning() {
        var state = scaling()
        state.press(.ctrl("c"))
        XCTAssertFalse(state.quit)
        state.press(.ctrl("c"))
        XCTAssertTrue(state.quit)
        XCTAssertEqual(state.running, [scale], "what did not finish")
    }

    func testAQuitSignalWaitsToo() {
        var state = scaling()
        _ = reduce(&state, .quit)
        XCTAssertFalse(state.quit)
        XCTAssertTrue(state.status?.text.hasPrefix("waiting up to 5 s for scale lab_web") ?? false)
        _ = reduce(&state, .effectFinished(scale, message: "engine said 500: boom", isError: true))
        XCTAssertTrue(state.quit, "a failed action has finished too")
    }

    func testReadsAndLogStreamsAreNotWaitedFor() {
        var state = AppState.loaded()
        state.press(.char("4"), .char("a"))  // c-scratch exited: a quiet row, shown with a
        state.select(.container(hostname: "node1", id: "c-scratch"))
        XCTAssertEqual(state.press(.char("r")).count, 1)
        XCTAssertEqual(state.running, [])
        state.press(.char("q"))
        XCTAssertTrue(state.quit)
    }
}
