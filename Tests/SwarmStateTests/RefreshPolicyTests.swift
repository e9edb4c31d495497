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

    private func task(_ id: String, service: String = "web", _ state: String, desired: String = "running") -> SwarmTask {
        let json = #"{"ID":"\#(id)","ServiceID":"\#(service)","DesiredState":"\#(desired)","Status":{"State":"\#(state)"}}"#
        return try! DockerJSON.decode(SwarmTask.self, from: Data(json.utf8), path: "/tasks")
    }

    func testTaskPollIsFastAfterAnEventThenSlowWhenSteady() {
        var p = TaskPollPolicy(fast: 0.5, steady: 10, window: 5)
        let steady = [task("a", "running")]
        XCTAssertEqual(p.next(at: t0, tasks: steady), 10)
        p.noteEvent(at: t0)
        XCTAssertEqual(p.next(at: t0.addingTimeInterval(1), tasks: steady), 0.5)
        XCTAssertEqual(p.next(at: t0.addingTimeInterval(4.9), tasks: steady), 0.5)
        XCTAssertEqual(p.next(at: t0.addingTimeInterval(5.1), tasks: steady), 10)
    }

    func testTaskPollStaysFastWhileTasksMoveAndBacksOffWhenTheyAreStuck() {
        var p = TaskPollPolicy(fast: 0.5, steady: 10, window: 5)
        let later = t0.addingTimeInterval(60)
        XCTAssertEqual(p.next(at: later, tasks: [task("a", "preparing")]), 0.5)
        XCTAssertEqual(p.next(at: later, tasks: [task("a", "starting")]), 0.5)
        // A task pending for want of a node: backs off to the steady cadence, never stays fast.
        let stuck = [task("a", "starting"), task("b", "pending")]
        var intervals: [TimeInterval] = [p.next(at: later, tasks: stuck)]
        for _ in 0..<20 { intervals.append(p.next(at: later, tasks: stuck)) }
        XCTAssertEqual(intervals[1], 0.75)
        XCTAssertEqual(intervals.dropFirst(), intervals.dropFirst().sorted()[...])
        XCTAssertEqual(intervals.last, 10)
        XCTAssertEqual(p.next(at: later, tasks: [task("a", "running"), task("b", "assigned")]), 0.5)
    }

    func testFastIsNeverSlowerThanSteady() {
        var p = TaskPollPolicy(fast: 5, steady: 1, window: 5)
        p.noteEvent(at: t0)
        XCTAssertEqual(p.next(at: t0, tasks: []), 1)
    }

    /// A replica that fails 2.5 s after it starts, replaced 0.5 s later, for 5 minutes: its
    /// task list changes at every poll and its containers send events at every restart.
    /// Returns the task polls made (timed and asked by events), and the policy at the end.
    private func crashLoop(seconds: TimeInterval) -> (polls: Int, lastMinute: [TimeInterval], policy: TaskPollPolicy) {
        var p = TaskPollPolicy(fast: 0.5, steady: 20, window: 5)
        func tasks(at t: TimeInterval) -> [SwarmTask] {
            let k = Int(t / 3)
            let current = task("c\(k)", service: "crash", t - Double(k) * 3 < 0.5 ? "starting" : "running")
            let history = (max(0, k - 5)..<k).map { task("c\($0)", service: "crash", "failed", desired: "shutdown") }
            return [task("w1", "running"), task("w2", "running"), current] + history
        }
        func event(_ action: String, _ k: Int) -> DockerEvent {
            DockerEvent(type: "container", action: action,
                        attributes: ["com.docker.swarm.task.id": "c\(k)", "com.docker.swarm.service.id": "crash"])
        }
        var polls = 0, lastMinute: [TimeInterval] = []
        var nextPoll: TimeInterval = 0, nextCrash = 3
        func poll(at t: TimeInterval) {
            polls += 1
            let interval = p.next(at: t0.addingTimeInterval(t), tasks: tasks(at: t))
            if t > seconds - 60 { lastMinute.append(interval) }
            nextPoll = t + interval
        }
        while min(nextPoll, TimeInterval(nextCrash)) < seconds {
            if nextPoll <= TimeInterval(nextCrash) { poll(at: nextPoll); continue }
            let t = TimeInterval(nextCrash)
            for action in ["die", "destroy", "create", "start"] {
                let needs = p.admit(event(action, nextCrash / 3), needs: [.containers, .tasks], at: t0.addingTimeInterval(t))
                if needs.contains(.tasks) { poll(at: t) }
            }
            nextCrash += 3
        }
        return (polls, lastMinute, p)
    }

    func testACrashLoopDoesNotKeepTheTaskPollFast() {
        let run = crashLoop(seconds: 300)
        XCTAssertEqual(run.policy.cycling, ["crash"])
        XCTAssertLessThan(run.polls, 80, "task polls in 5 minutes of a crash loop (fast for 3 failures, then one per 20 s)")
        XCTAssertEqual(Set(run.lastMinute), [20], "the poll is back at the steady cadence")
    }

    func testAServiceUpdateForgetsItsFailuresAndAFixedServiceIsWatchedAgain() {
        var p = crashLoop(seconds: 120).policy
        let now = t0.addingTimeInterval(120)
        XCTAssertEqual(p.admit(DockerEvent(type: "service", action: "update", actorID: "crash"), needs: [.services, .tasks], at: now),
                       [.services, .tasks])
        XCTAssertEqual(p.cycling, [])
        XCTAssertEqual(p.next(at: now, tasks: [task("c41", service: "crash", "running")]), 0.5)
        // Without failures for a minute, a service is not cycling any more.
        var q = crashLoop(seconds: 120).policy
        _ = q.next(at: t0.addingTimeInterval(190), tasks: [task("c41", service: "crash", "running")])
        XCTAssertEqual(q.cycling, [])
        XCTAssertEqual(q.next(at: t0.addingTimeInterval(191), tasks: [task("c41", service: "crash", "starting")]), 0.5)
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
