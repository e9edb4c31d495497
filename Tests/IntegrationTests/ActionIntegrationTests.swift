import DockerAPI
import Foundation
import XCTest

/// The actions beyond the foundation's, against the real lab, each checked with the docker CLI
/// afterwards: replicated jobs, stale versions, stack stop/start, restart, rollback, force
/// update, node availability. Each test makes its own objects and removes them.
final class ActionIntegrationTests: XCTestCase {
    private let image = "swarmtop-lab/busybox:1"

    private func createService(_ name: String, _ args: [String] = [], command: [String] = ["sh", "-c", "while true; do sleep 3600; done"]) throws {
        try? Lab.docker(["service", "rm", name])
        try Lab.docker(["service", "create", "--detach", "--name", name] + args + [image] + command)
    }

    private func inspect(_ name: String, _ format: String) throws -> String {
        try Lab.docker(["service", "inspect", "--format", format, name])
    }

    func testScalingAReplicatedJobSetsItsCompletions() async throws {
        let name = "swarmtop-it-job"
        try createService(name, ["--mode", "replicated-job", "--replicas", "1", "--max-concurrent", "1"], command: ["true"])
        defer { Lab.removeService(name) }
        let client = try Lab.manager()
        try await client.scaleService(id: name, from: 1, to: 3)
        await client.shutdown()
        XCTAssertEqual(try inspect(name, "{{.Spec.Mode.ReplicatedJob.TotalCompletions}}"), "3")
        XCTAssertEqual(try inspect(name, "{{.Spec.Mode.ReplicatedJob.MaxConcurrent}}"), "1")
    }

    /// A `docker service update` that lands between swarmtop's read and write makes the write
    /// stale: the engine answers "update out of sequence" and the scale is redone on a fresh read,
    /// keeping the concurrent change.
    func testAConcurrentUpdateIsKeptAndTheScaleRetried() async throws {
        let name = "swarmtop-it-race"
        try createService(name, ["--replicas", "1"])
        defer { try? Lab.docker(["service", "rm", name]) }
        let client = try Lab.manager()
        let attempts = Captured(0)
        try await client.updateService(id: name) { spec in
            attempts.value += 1
            if attempts.value == 1 { try? Lab.docker(["service", "update", "--detach", "--label-add", "raced=yes", name]) }
            try ServiceSpecEditor.setReplicas(&spec, 2)
        }
        await client.shutdown()
        XCTAssertEqual(attempts.value, 2, "the stale write was not retried once")
        XCTAssertEqual(try inspect(name, "{{.Spec.Mode.Replicated.Replicas}}"), "2")
        XCTAssertEqual(try inspect(name, "{{index .Spec.Labels \"raced\"}}"), "yes", "the concurrent update was lost")
    }

    func testAVersionStaleOnEveryAttemptGivesUpWithTheEnginesMessage() async throws {
        let name = "swarmtop-it-race-lost"
        try createService(name, ["--replicas", "1"])
        defer { try? Lab.docker(["service", "rm", name]) }
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        let attempts = Captured(0)
        do {
            try await client.updateService(id: name, attempts: 2) { spec in
                attempts.value += 1
                try? Lab.docker(["service", "update", "--detach", "--label-add", "race=\(attempts.value)", name])
                try ServiceSpecEditor.setReplicas(&spec, 3)
            }
            XCTFail("a write on a stale version succeeded")
        } catch let e as DockerError {
            XCTAssertTrue(ServiceSpecEditor.isOutOfSequence(e), "\(e)")
        }
        XCTAssertEqual(attempts.value, 2)
        XCTAssertEqual(try inspect(name, "{{.Spec.Mode.Replicated.Replicas}}"), "1")
    }

    func testStopAndStartAStackKeepTheCountsOnTheSwarm() async throws {
        let stack = "swarmtopitstop"
        let compose = """
        version: "3.8"
        services:
          web:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            deploy: {replicas: 2}
          idle:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            deploy: {replicas: 0}
          agent:
            image: \(image)
            command: ["sh", "-c", "while true; do sleep 3600; done"]
            deploy: {mode: global}
        """
        try Lab.docker(["stack", "deploy", "-c", "-", stack], stdin: compose)
        defer { try? Lab.docker(["stack", "rm", stack]) }
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }

        let stopped = try await client.stopStack(client.stackContents(stack, kinds: [.services]))
        XCTAssertEqual(stopped.changed, [.init(service: "\(stack)_idle", from: 0, to: 0), .init(service: "\(stack)_web", from: 2, to: 0)])
        XCTAssertEqual(stopped.skipped, ["\(stack)_agent (global: not stoppable)"])
        XCTAssertEqual(stopped.failures, [])
        XCTAssertEqual(try inspect("\(stack)_web", "{{.Spec.Mode.Replicated.Replicas}} {{index .Spec.Labels \"swarmtop.replicas\"}}"), "0 2")
        XCTAssertEqual(try inspect("\(stack)_idle", "{{.Spec.Mode.Replicated.Replicas}} {{index .Spec.Labels \"swarmtop.replicas\"}}"), "0 0")
        XCTAssertEqual(try inspect("\(stack)_agent", "{{index .Spec.Labels \"swarmtop.replicas\"}}"), "")

        // Stopping again keeps the recorded counts.
        let again = try await client.stopStack(client.stackContents(stack, kinds: [.services]))
        XCTAssertEqual(again.changed.map(\.from), [0, 0])
        XCTAssertEqual(try inspect("\(stack)_web", "{{index .Spec.Labels \"swarmtop.replicas\"}}"), "2")

        // Another client (a fresh one, as after a restart of swarmtop) starts it from the labels.
        let other = try Lab.manager()
        let started = try await other.startStack(other.stackContents(stack, kinds: [.services]))
        await other.shutdown()
        XCTAssertEqual(started.changed, [.init(service: "\(stack)_idle", from: 0, to: 0), .init(service: "\(stack)_web", from: 0, to: 2)])
        XCTAssertEqual(started.skipped, ["\(stack)_agent (not stopped)"])
        XCTAssertEqual(try inspect("\(stack)_web", "{{.Spec.Mode.Replicated.Replicas}}"), "2")
        for service in ["web", "idle", "agent"] {
            XCTAssertEqual(try Lab.docker(["service", "inspect", "--format", "{{json .Spec.Labels}}", "\(stack)_\(service)"])
                .contains("swarmtop.replicas"), false, "\(service) still has the label")
        }
        try Lab.eventually(60, "\(stack)_web running 2/2 again") {
            try Lab.docker(["service", "ls", "--filter", "name=\(stack)_web", "--format", "{{.Replicas}}"]) == "2/2"
        }
    }

    func testRestartAContainerOnItsNodesEngine() async throws {
        let name = "swarmtop-it-restart"
        let node2 = try XCTUnwrap(try Lab.nodeURLs().first { $0.0 == "node2" }?.1)
        try? Lab.docker(["rm", "-f", name], host: node2)
        let id = try Lab.docker(["run", "-d", "--name", name, image, "sh", "-c", "while true; do sleep 3600; done"], host: node2)
        defer { try? Lab.docker(["rm", "-f", name], host: node2) }
        let startedBefore = try Lab.docker(["inspect", "--format", "{{.State.StartedAt}}", id], host: node2)
        let client = try Lab.node("node2")
        try await client.restartContainer(id: id, graceSeconds: 1)
        await client.shutdown()
        let after = try Lab.docker(["inspect", "--format", "{{.State.Status}} {{.State.StartedAt}}", id], host: node2)
        XCTAssertTrue(after.hasPrefix("running "), after)
        XCTAssertNotEqual(after.dropFirst("running ".count), Substring(startedBefore), "the container was not started again")
    }

    func testRollbackRestoresThePreviousSpec() async throws {
        let name = "swarmtop-it-rollback"
        try createService(name, ["--env", "RELEASE=1", "--update-delay", "0s"])
        defer { try? Lab.docker(["service", "rm", name]) }
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        do {
            try await client.rollbackService(id: name)
            XCTFail("a service never updated was rolled back")
        } catch let DockerError.api(_, message) {
            XCTAssertTrue(message.contains("does not have a previous spec"), message)
        }
        try Lab.docker(["service", "update", "--detach", "--env-add", "RELEASE=2", name])
        XCTAssertEqual(try inspect(name, "{{.Spec.TaskTemplate.ContainerSpec.Env}}"), "[RELEASE=2]")
        try await client.rollbackService(id: name)
        XCTAssertEqual(try inspect(name, "{{.Spec.TaskTemplate.ContainerSpec.Env}}"), "[RELEASE=1]")
        XCTAssertEqual(try inspect(name, "{{.PreviousSpec.TaskTemplate.ContainerSpec.Env}}"), "[RELEASE=2]")
    }

    func testForceUpdateReplacesEveryTaskAndChangesNothingElse() async throws {
        let name = "swarmtop-it-force"
        try createService(name, ["--replicas", "1", "--update-delay", "0s", "--stop-grace-period", "1s"])
        defer { try? Lab.docker(["service", "rm", name]) }
        try Lab.eventually(60, "\(name) running 1/1") {
            try Lab.docker(["service", "ls", "--filter", "name=\(name)", "--format", "{{.Replicas}}"]) == "1/1"
        }
        let firstTask = try Lab.docker(["service", "ps", "-q", "--filter", "desired-state=running", name])
        let before = try Lab.docker(["service", "inspect", "--format", "{{json .Spec}}", name])
        let client = try Lab.manager()
        try await client.forceUpdateService(id: name)
        await client.shutdown()
        XCTAssertEqual(try inspect(name, "{{.Spec.TaskTemplate.ForceUpdate}}"), "1")
        let after = try Lab.docker(["service", "inspect", "--format", "{{json .Spec}}", name])
        XCTAssertEqual(after.replacingOccurrences(of: #""ForceUpdate":1"#, with: #""ForceUpdate":0"#), before)
        try Lab.eventually(60, "a new task replaces \(firstTask)") {
            let running = try Lab.docker(["service", "ps", "-q", "--filter", "desired-state=running", name])
            return !running.isEmpty && !running.contains(firstTask)
        }
    }

    /// `pause` then back to `active` on the worker, the node's other fields untouched.
    /// (Draining is the same write with another value; it would move the lab's tasks under
    /// other tests' feet, so the dialog's count of moving tasks is tested on captured state.)
    func testNodeAvailabilityChangesOnlyAvailability() async throws {
        let client = try Lab.manager()
        defer {
            try? Lab.docker(["node", "update", "--availability", "active", "node2"])
            Task { await client.shutdown() }
        }
        let spec = { try Lab.docker(["node", "inspect", "--format", "{{json .Spec}}", "node2"]) }
        let before = try spec()
        XCTAssertTrue(before.contains(#""Availability":"active""#), before)
        try await client.setNodeAvailability(id: "node2", from: "active", to: .pause)
        XCTAssertEqual(try Lab.docker(["node", "inspect", "--format", "{{.Spec.Availability}}", "node2"]), "pause")
        XCTAssertEqual(try spec().replacingOccurrences(of: #""Availability":"pause""#, with: #""Availability":"active""#), before)
        try await client.setNodeAvailability(id: "node2", from: "pause", to: .active)
        XCTAssertEqual(try spec(), before)
    }

    /// A service that vanished, and a worker's engine, answer with the engine's message.
    func testActionsOnAVanishedServiceOrThroughAWorkerSayWhy() async throws {
        let manager = try Lab.manager()
        let worker = try Lab.node("node2")
        defer { Task { await manager.shutdown(); await worker.shutdown() } }
        do {
            try await manager.scaleService(id: "swarmtop-no-such-service", from: 1, to: 2)
            XCTFail("a service that does not exist was scaled")
        } catch let DockerError.api(status, message) {
            XCTAssertEqual(status, 404)
            XCTAssertTrue(message.contains("swarmtop-no-such-service"), message)
        }
        do {  // refused before any read: the worker has no services to read
            try await worker.scaleService(id: "lab_web", from: 1, to: 7)
            XCTFail("a worker's engine scaled a service")
        } catch let DockerError.api(status, message) {
            XCTAssertEqual(status, 503)
            XCTAssertTrue(message.contains("not a swarm manager"), message)
        }
    }

    func testSettingTheAvailabilityOfAVanishedNodeSaysSo() async throws {
        let client = try Lab.manager()
        defer { Task { await client.shutdown() } }
        do {
            try await client.setNodeAvailability(id: "swarmtop-no-such-node", from: "active", to: .drain)
            XCTFail("a node that does not exist was drained")
        } catch let DockerError.api(status, message) {
            XCTAssertEqual(status, 404)
            XCTAssertTrue(message.contains("swarmtop-no-such-node"), message)
        }
    }
}

/// A counter the edit closures bump (they run one at a time on the test's task).
final class Captured<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
