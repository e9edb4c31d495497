@testable import Actions
import Dashboard
import DockerAPI
import Foundation
import XCTest

/// The effect runner's refusals and records: read-only mode refuses every effect that changes
/// the swarm (and nothing else); an interrupted action is logged as such, and nothing after it.
final class ActionRecorderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("recorder-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// One effect of every kind.
    private let everyEffect: [Effect] = [
        .scale(serviceID: "s1", serviceName: "lab_web", from: 5, replicas: 6),
        .stopContainer(hostname: "node1", containerID: "c1", name: "lab_web.1.a"),
        .restartContainer(hostname: "node1", containerID: "c1", name: "lab_web.1.a"),
        .removeStack(StackContents(stack: "lab")), .stopStack(StackContents(stack: "lab")),
        .startStack(StackContents(stack: "lab")), .listStack(name: "lab"),
        .setAvailability(nodeID: "n1", hostname: "node1", from: "active", .drain),
        .rollback(serviceID: "s1", serviceName: "lab_web"), .forceUpdate(serviceID: "s1", serviceName: "lab_web"),
        .refreshSize(hostname: "node1", containerID: "c1", name: "lab_web.1.a"), .loadTheme(name: "dark"),
        .followLogs(.service(id: "s1", name: "lab_web"), stream: 1), .stopLogs(stream: 1),
    ]

    func testReadOnlyRefusesEveryEffectThatChangesTheSwarmAndNothingElse() {
        let recorder = ActionRecorder(readOnly: true, log: nil, endpoint: "unix:///lab.sock")
        let refused = everyEffect.filter { recorder.refusal($0) != nil }.map(\.action)
        XCTAssertEqual(refused, ["scale", "stop", "restart", "stack rm", "stack stop", "stack start",
                                 "node update --availability drain", "service rollback", "service update --force"])
        XCTAssertEqual(recorder.refusal(everyEffect[1]), "refused: stop lab_web.1.a on node1 would change the swarm (--read-only)")
        let writable = ActionRecorder(readOnly: false, log: nil, endpoint: "unix:///lab.sock")
        XCTAssertTrue(everyEffect.allSatisfy { writable.refusal($0) == nil })
    }

    func testAnInterruptedActionIsLoggedAndLaterOutcomesAreNot() throws {
        let log = ActionLog(path: directory.appendingPathComponent("actions.jsonl").path)
        let recorder = ActionRecorder(readOnly: false, log: log, endpoint: "unix:///lab.sock")
        let (scale, stop) = (everyEffect[0], everyEffect[1])
        XCTAssertNil(recorder.record(scale, message: "lab_web scaled to 6", isError: false, at: Date()))
        XCTAssertNil(recorder.record(.refreshSize(hostname: "node1", containerID: "c1", name: "lab_web.1.a"), message: "read", isError: false, at: Date()), "reads are not logged")
        XCTAssertEqual(recorder.interrupt([stop], at: Date()),
                       ["stop lab_web.1.a on node1 did not finish: swarmtop quit before the engine answered; it may still happen"])
        XCTAssertNil(recorder.record(stop, message: "stop failed: cannot reach node1: cancelled", isError: true, at: Date()))
        let entries = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String])
        }
        XCTAssertEqual(entries.map { "\($0["action"]!) \($0["result"]!)" }, ["scale ok", "stop interrupted"])
    }

    func testEachLineNamesTheManagerTalkedToWhenItIsWritten() throws {
        let path = directory.appendingPathComponent("actions.jsonl").path
        final class Manager: @unchecked Sendable {  // what Connections.manager is to the live recorder
            let lock = NSLock()
            var endpoint = "unix:///run/swarmtop1-lab/node1.sock"
            var now: String { lock.withLock { endpoint } }
        }
        let manager = Manager()
        let recorder = ActionRecorder(readOnly: false, log: ActionLog(path: path), endpoint: manager.now)
        let scale = Effect.scale(serviceID: "s1", serviceName: "lab_web", from: 5, replicas: 6)
        XCTAssertNil(recorder.record(scale, message: "scaled", isError: false, at: Date()))
        manager.lock.withLock { manager.endpoint = "unix:///run/swarmtop1-lab/node2.sock" }  // a failover
        XCTAssertNil(recorder.record(scale, message: "scaled", isError: false, at: Date()))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].contains("node1.sock") && lines[1].contains("node2.sock"), "\(lines)")
    }
}
