import Foundation
import LabFixtures
import SwarmState
import XCTest

/// The event timeline built from the story captured on the lab (scripts/capture-timeline-fixtures):
/// its events, the manager's answers after each step, and both together.
final class TimelineTests: XCTestCase {
    /// An entry as one line: `type name node message`.
    private func line(_ e: TimelineEntry) -> String {
        "\(e.object.type) \(e.object.name) \(e.node ?? "-") \(e.message)"
    }

    /// The timeline after each step's answers were noted in turn (no events).
    private func changes() throws -> Timeline {
        var timeline = Timeline()
        let times = try LabFixtures.timelineStepTimes()
        var before = try LabFixtures.timelineSnapshot(LabFixtures.timelineSteps[0])
        for step in LabFixtures.timelineSteps.dropFirst() {
            let after = try LabFixtures.timelineSnapshot(step)
            let at = try XCTUnwrap(times[step])
            timeline.note(EngineObservation(.manager, .answer(path: "/tasks", body: Data(), took: nil), at: at), before: before, after: after)
            before = after
        }
        return timeline
    }

    func testEventsOfTheStorySayWhatTheDockerCLIDid() throws {
        var timeline = Timeline()
        let snapshot = try LabFixtures.timelineSnapshot("01-deployed")
        for observation in try LabFixtures.timelineEvents() {
            timeline.note(observation, before: snapshot, after: snapshot)
        }
        let lines = timeline.entries.filter { $0.object.type != "container" }.map(line)
        XCTAssertEqual(lines, [
            "service htl_web - created",
            "service htl_crash - created",
            "service htl_missing - created",
            "service htl_web - scaled 1 -> 3",
            "node node2 node2 availability active -> drain",
            "node node2 node2 availability drain -> active",
            "service htl_web - updated",
            "service htl_web - update started",
            "service htl_web - update completed",
            "service htl_web - rollback started",
            "service htl_web - rolled back",
            "service htl_crash - removed",
            "service htl_missing - removed",
            "service htl_web - removed",
            "node node2 node2 state ready -> down",
            "node node2 node2 state down -> ready",
            "service lab_scribbler - updated",
            "service lab_scribbler - update started",
            "service lab_scribbler - update completed",
            "service lab_web - updated",
            "service lab_web - update started",
            "service lab_web - update completed",
        ])
        let died = timeline.entries.filter { $0.kind == .containerDied }
        XCTAssertEqual(died.count, 44)
        let crash = try XCTUnwrap(died.first)
        XCTAssertEqual(line(crash), "container htl_crash.1.zi9qu4c9uhchio0m33w6j6y9l node1 died (exit code 3)")
        XCTAssertEqual(crash.time.timeIntervalSince1970, 1_796_280_447.0, accuracy: 1)
        XCTAssertTrue(died.contains { line($0) == "container htl_crash.1.ks3uq8kfztjtgfapbchu08q46 node2 died (exit code 3)" })
    }

    func testChangesBetweenTheManagersAnswersTellTasksNodesServicesAndStacks() throws {
        let lines = try changes().entries.map(line)
        for expected in [
            "service htl_web - created",
            "task htl_missing.1 node1 rejected: No such image: htl-missing/nothing:1",
            "task htl_crash.1 node1 failed: task: non-zero exit (3)",
            "service htl_web - scaled 1 -> 3",
            "node node2 node2 availability active -> drain",
            "node node2 node2 availability drain -> active",
            "service htl_web - rolled back",
            "service htl_web - removed",
            "stack htl - removed",
            "node node2 node2 state ready -> down",
            "node node2 node2 state down -> ready",
        ] {
            XCTAssertTrue(lines.contains(expected), "missing \(expected) in\n\(lines.joined(separator: "\n"))")
        }
        XCTAssertEqual(lines.filter { $0.hasPrefix("stack") }.count, 1)
    }

    func testTheFirstSnapshotAddsNoHistory() throws {
        var timeline = Timeline()
        let first = try LabFixtures.timelineSnapshot("03-crashed")
        XCTAssertTrue(first.tasks.contains { $0.state == "failed" })
        timeline.note(EngineObservation(.manager, .answer(path: "/tasks", body: Data(), took: nil), at: Date()),
                      before: ClusterSnapshot(endpoint: first.endpoint), after: first)
        XCTAssertEqual(timeline.entries.map(line), [])
    }

    func testAFailedTaskIsDatedByItsStatusAndNamedOnItsNode() throws {
        let failed = try changes().entries.filter { $0.kind == .taskFailed }
        XCTAssertFalse(failed.isEmpty)
        // Swarm keeps 5 tasks a slot: a task is looked up in the step that showed it.
        let tasks = try LabFixtures.timelineSteps.flatMap { try LabFixtures.timelineSnapshot($0).tasks }
        for entry in failed {
            let task = try XCTUnwrap(tasks.last { $0.id == entry.object.id }, entry.object.id)
            XCTAssertEqual(entry.time, task.status?.timestamp)
            XCTAssertEqual(entry.node, ["64wq4yd1wpnepsqmz9mm0dy5d": "node1", "azeccmbsen6ryv6oqti2tdept": "node2"][task.nodeID ?? ""])
        }
    }

    func testWhatAnEventAndTheAnswersBothTellIsSaidOnce() throws {
        var timeline = Timeline()
        let times = try LabFixtures.timelineStepTimes()
        var observations: [(Date, EngineObservation?, String?)] = try LabFixtures.timelineEvents().map { ($0.at, $0, nil) }
        for step in LabFixtures.timelineSteps.dropFirst() { observations.append((try XCTUnwrap(times[step]), nil, step)) }
        observations.sort { $0.0 < $1.0 }
        var snapshot = try LabFixtures.timelineSnapshot(LabFixtures.timelineSteps[0])
        for (at, event, step) in observations {
            if let event {
                timeline.note(event, before: snapshot, after: snapshot)
            } else if let step {
                let after = try LabFixtures.timelineSnapshot(step)
                timeline.note(EngineObservation(.manager, .answer(path: "/tasks", body: Data(), took: nil), at: at), before: snapshot, after: after)
                snapshot = after
            }
        }
        let lines = timeline.entries.map(line)
        for once in ["service htl_web - scaled 1 -> 3", "service htl_web - created", "service htl_web - removed",
                     "service htl_web - rolled back", "node node2 node2 availability active -> drain",
                     "node node2 node2 state ready -> down", "stack htl - removed"] {
            XCTAssertEqual(lines.filter { $0 == once }.count, 1, "\(once) in\n\(lines.joined(separator: "\n"))")
        }
        XCTAssertEqual(timeline.entries.map(\.time), timeline.entries.map(\.time).sorted(), "oldest first")
    }

    func testTheTimelineKeepsTheNewestEntriesUpToItsCapacity() throws {
        var timeline = Timeline(capacity: 10)
        let snapshot = try LabFixtures.timelineSnapshot("01-deployed")
        let events = try LabFixtures.timelineEvents()
        for observation in events { timeline.note(observation, before: snapshot, after: snapshot) }
        XCTAssertEqual(timeline.entries.count, 10)
        XCTAssertEqual(timeline.entries.last.map(line), "service lab_web - update completed")
        XCTAssertEqual(timeline.entries.map(\.id), Array(timeline.entries[0].id..<(timeline.entries[0].id + 10)))
    }

    func testAnEngineThatStopsAnsweringAndComesBack() throws {
        var timeline = Timeline()
        let base = try LabFixtures.timelineSnapshot("07-removed")
        var fine = base
        fine.engines = ["node1", "node2"].map { NodeEngine(hostname: $0, endpoint: "unix:///run/swarmtop-lab/\($0).sock") }
        var broken = fine
        broken.engines[1].error = "cannot reach unix:///run/swarmtop-lab/node2.sock: connection refused"
        let at = try XCTUnwrap(base.refreshedAt)
        func note(_ before: ClusterSnapshot, _ after: ClusterSnapshot, _ seconds: Double) {
            timeline.note(EngineObservation(.node(hostname: "node2"), .failure(path: "/containers/json?all=1", error: "x"),
                                            at: at.addingTimeInterval(seconds)), before: before, after: after)
        }
        note(fine, broken, 1)
        note(broken, broken, 2)
        note(broken, fine, 3)
        XCTAssertEqual(timeline.entries.map(line), [
            "engine node2 node2 unreachable: cannot reach unix:///run/swarmtop-lab/node2.sock: connection refused",
            "engine node2 node2 answering again",
        ])
    }

    /// A dropped stream is reopened with `since=` the last event's time: the engine sends the
    /// events from then again, the timeline says them once.
    func testEventsSentAgainByAReopenedStreamAreSaidOnce() throws {
        var timeline = Timeline()
        let snapshot = try LabFixtures.timelineSnapshot("01-deployed")
        let events = try LabFixtures.timelineEvents()
        for observation in events { timeline.note(observation, before: snapshot, after: snapshot) }
        let once = timeline.entries
        for observation in events.suffix(20) { timeline.note(observation, before: snapshot, after: snapshot) }
        XCTAssertEqual(timeline.entries.count, once.count)
    }

    func testAnEventThatIsNotJSONAddsNothing() throws {
        var timeline = Timeline()
        let snapshot = try LabFixtures.timelineSnapshot("01-deployed")
        timeline.note(EngineObservation(.manager, .event(Data("{\"Type\":".utf8)), at: Date()), before: snapshot, after: snapshot)
        XCTAssertEqual(timeline.entries, [])
    }
}
