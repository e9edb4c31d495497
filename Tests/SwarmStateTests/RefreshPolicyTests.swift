import Foundation
import SwarmState
import XCTest

/// The pure parts of the refresh engine: what events ask for, the task poll's cadence, the
/// size query's cadence.
final class RefreshPolicyTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func testEventsAskOnlyForWhatTheyTouch() {
        XCTAssertEqual(RefreshNeeds.needs(for: DockerEvent(type: "service", action: "update")), [.services, .tasks])
        XCTAssertEqual(RefreshNeeds.needs(for: DockerEvent(type: "node", action: "update")), [.nodes, .tasks])
        XCTAssertEqual(RefreshNeeds.needs(for: DockerEvent(type: "secret", action: "create")), [])
        XCTAssertEqual(RefreshNeeds.needs(for: DockerEvent(type: "container", action: "start")), [.containers])
        XCTAssertEqual(RefreshNeeds.needs(for: DockerEvent(type: "container", action: "die", attributes: ["com.docker.swarm.task.id": "t1"])),
                       [.containers, .tasks])
        XCTAssertEqual(RefreshNeeds.needs(for: DockerEvent(type: "container", action: "exec_start: wget -q")), [])
        XCTAssertEqual(RefreshNeeds.needs(for: DockerEvent(type: "container", action: "health_status: healthy")), [])
    }

    func testAFloodCollapsesIntoOneRequestPerCollection() {
        var needs: RefreshNeeds = []
        for i in 0..<10_000 {
            needs.formUnion(.needs(for: DockerEvent(type: i % 3 == 0 ? "node" : "service", action: "update", actorID: "id\(i)")))
        }
        XCTAssertEqual(needs, [.nodes, .services, .tasks])
    }

    func testTaskPollIsFastAfterAnEventThenSlowWhenSteady() {
        var p = TaskPollPolicy(fast: 0.5, steady: 10, window: 5)
        XCTAssertEqual(p.next(at: t0, settling: false, changed: false), 10)
        p.noteEvent(at: t0)
        XCTAssertEqual(p.next(at: t0.addingTimeInterval(1), settling: false, changed: false), 0.5)
        XCTAssertEqual(p.next(at: t0.addingTimeInterval(4.9), settling: false, changed: false), 0.5)
        XCTAssertEqual(p.next(at: t0.addingTimeInterval(5.1), settling: false, changed: false), 10)
    }

    func testTaskPollStaysFastWhileTasksMoveAndBacksOffWhenTheyAreStuck() {
        var p = TaskPollPolicy(fast: 0.5, steady: 10, window: 5)
        let later = t0.addingTimeInterval(60)
        XCTAssertEqual(p.next(at: later, settling: true, changed: true), 0.5)
        XCTAssertEqual(p.next(at: later, settling: true, changed: true), 0.5)
        // A task pending for want of a node: backs off to the steady cadence, never stays fast.
        var intervals: [TimeInterval] = []
        for _ in 0..<20 { intervals.append(p.next(at: later, settling: true, changed: false)) }
        XCTAssertEqual(intervals.first, 0.75)
        XCTAssertEqual(intervals, intervals.sorted())
        XCTAssertEqual(intervals.last, 10)
        XCTAssertEqual(p.next(at: later, settling: true, changed: true), 0.5)
    }

    func testFastIsNeverSlowerThanSteady() {
        var p = TaskPollPolicy(fast: 5, steady: 1, window: 5)
        p.noteEvent(at: t0)
        XCTAssertEqual(p.next(at: t0, settling: false, changed: false), 1)
    }

    func testSizeQueriesTakeAtMostTheirBudgetOfWallTime() {
        let p = SizePolicy(minimum: 15, budget: 0.05)
        XCTAssertEqual(p.interval(after: 0.01), 15)            // cheap: the configured minimum
        XCTAssertEqual(p.interval(after: 2), 40, accuracy: 1e-9) // 2 s of 40 s = 5%
        XCTAssertEqual(p.interval(after: 30), 600, accuracy: 1e-9)
    }

    func testSettlingTasks() throws {
        func task(_ state: String, desired: String) throws -> SwarmTask {
            try DockerJSON.decode(SwarmTask.self, from: Data(#"{"ID":"t","ServiceID":"s","DesiredState":"\#(desired)","Status":{"State":"\#(state)"}}"#.utf8), path: "/tasks")
        }
        XCTAssertTrue(try task("preparing", desired: "running").isSettling)
        XCTAssertTrue(try task("running", desired: "shutdown").isSettling)
        XCTAssertFalse(try task("running", desired: "running").isSettling)
        XCTAssertFalse(try task("shutdown", desired: "shutdown").isSettling)
        XCTAssertFalse(try task("failed", desired: "shutdown").isSettling)
    }

    func testASingleMeasurementDatesOnlyItsOwnRow() throws {
        let at = Date(timeIntervalSince1970: 1_000)
        let later = Date(timeIntervalSince1970: 1_100)
        let a = try DockerJSON.decode(ContainerSummary.self, from: Data(#"{"Id":"a","Names":["/a"],"SizeRw":1}"#.utf8), path: "/containers/json")
        let b = try DockerJSON.decode(ContainerSummary.self, from: Data(#"{"Id":"b","Names":["/b"],"SizeRw":2}"#.utf8), path: "/containers/json")
        var engine = NodeEngine(hostname: "node1", endpoint: "unix:///x", containers: [a, b], sizesAt: at)
        engine.sizeTimes["b"] = later
        let rows = ClusterSnapshot(endpoint: "unix:///x", engines: [engine]).containerRows
        XCTAssertEqual(rows.map(\.sizesAt), [at, later])
    }
}
