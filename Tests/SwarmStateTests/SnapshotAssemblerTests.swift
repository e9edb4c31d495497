import Foundation
import LabFixtures
@testable import SwarmState
import XCTest

/// The assembler alone, on answers captured from the lab (`Fixtures/v1.41/refresh`, taken
/// together by `scripts/capture-fixtures --refresh-only`): what each answer does to the snapshot.
final class SnapshotAssemblerTests: XCTestCase {
    static let endpoint = "unix:///run/swarmtop-lab/node1.sock"
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func answer(_ engine: EngineObservation.Engine, _ path: String, _ file: String, took: Double? = nil,
                       at: Date) throws -> EngineObservation {
        EngineObservation(engine, .answer(path: path, body: try LabFixtures.data("refresh/" + file), took: took), at: at)
    }

    static func planned(_ hostname: String, endpoint: String? = nil) -> EngineObservation.PlannedEngine {
        .init(hostname: hostname, endpoint: endpoint ?? "unix:///run/swarmtop-lab/\(hostname).sock", origin: "--node-host", problem: nil)
    }

    /// A manager round of the four captured answers, then `.roundEnd`.
    func managerRound(_ a: inout SnapshotAssembler, at: Date) throws {
        for (path, file) in [(EnginePath.info, "info.json"), (EnginePath.nodes, "nodes.json"),
                             (EnginePath.services, "services.json"), (EnginePath.tasks, "tasks.json")] {
            a.apply(try Self.answer(.manager, path, file, at: at))
        }
        a.apply(EngineObservation(.manager, .roundEnd, at: at))
    }

    /// The captured whole list `file` filtered as the engine filters it (`filters`): the items whose `key` is among `ids`.
    static func filtered(_ file: String, _ key: String, _ ids: Set<String>) throws -> Data {
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: LabFixtures.data("refresh/" + file)) as? [[String: Any]])
        return try JSONSerialization.data(withJSONObject: items.filter { ($0[key] as? String).map(ids.contains) ?? false })
    }

    func testTheTasksOrCountsOfSomeServicesReplaceTheirsAndWhatTheyLackIsGoneWithItsTasks() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        try managerRound(&a, at: t0)
        let before = a.snapshot
        let web = try XCTUnwrap(before.services.first { $0.name == "lab_web" })
        let viz = try XCTUnwrap(before.services.first { $0.name == "lab_viz" })
        let webTasks = try XCTUnwrap(try JSONSerialization.jsonObject(with: Self.filtered("tasks.json", "ServiceID", [web.id])) as? [[String: Any]])
        XCTAssertGreaterThan(webTasks.count, 1)
        // lab_web's tasks, one of them gone: it goes, every other task stays.
        let gone = try XCTUnwrap(webTasks[0]["ID"] as? String)
        a.apply(EngineObservation(.manager, .answer(path: EnginePath.tasks(services: [web.id]),
                                                    body: try JSONSerialization.data(withJSONObject: Array(webTasks.dropFirst())), took: nil), at: t0))
        XCTAssertEqual(Set(a.snapshot.tasks.map(\.id)), Set(before.tasks.map(\.id)).subtracting([gone]))
        // lab_web and lab_viz asked for, lab_viz not in the answer (removed): it goes.
        a.apply(EngineObservation(.manager, .answer(path: EnginePath.services(ids: [viz.id, web.id]),
                                                    body: try Self.filtered("services.json", "ID", [web.id]), took: nil), at: t0))
        XCTAssertEqual(a.snapshot.services.map(\.id).sorted(), before.services.map(\.id).filter { $0 != viz.id }.sorted())
        XCTAssertFalse(before.tasks.filter { $0.serviceID == viz.id }.isEmpty)
        XCTAssertTrue(a.snapshot.tasks.filter { $0.serviceID == viz.id }.isEmpty, "a service gone takes its tasks")
        // The next whole lists are decoded, though their bytes are those decoded first.
        try managerRound(&a, at: t0)
        XCTAssertEqual(a.snapshot.tasks, before.tasks)
        XCTAssertEqual(a.snapshot.services, before.services)
    }

    func testATaskListOfSomeServicesAnsweredAgainAfterAnotherChangedTheirTasksIsDecodedAgain() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        try managerRound(&a, at: t0)
        let before = a.snapshot
        let web = try XCTUnwrap(before.services.first { $0.name == "lab_web" }).id
        let viz = try XCTUnwrap(before.services.first { $0.name == "lab_viz" }).id
        let both = EnginePath.tasks(services: [web, viz])
        let bothBody = try Self.filtered("tasks.json", "ServiceID", [web, viz])
        a.apply(EngineObservation(.manager, .answer(path: both, body: bothBody, took: nil), at: t0))
        XCTAssertEqual(Set(a.snapshot.tasks.map(\.id)), Set(before.tasks.map(\.id)))
        // lab_web's own list lacks a task: it goes.
        let webTasks = try XCTUnwrap(try JSONSerialization.jsonObject(with: Self.filtered("tasks.json", "ServiceID", [web])) as? [[String: Any]])
        let gone = try XCTUnwrap(webTasks[0]["ID"] as? String)
        a.apply(EngineObservation(.manager, .answer(path: EnginePath.tasks(services: [web]),
                                                    body: try JSONSerialization.data(withJSONObject: Array(webTasks.dropFirst())), took: nil), at: t0))
        XCTAssertFalse(a.snapshot.tasks.contains { $0.id == gone })
        // The list of both, with the bytes decoded first: lab_web's tasks changed since, so it is decoded and the task is back.
        a.apply(EngineObservation(.manager, .answer(path: both, body: bothBody, took: nil), at: t0))
        XCTAssertEqual(Set(a.snapshot.tasks.map(\.id)), Set(before.tasks.map(\.id)))
    }

    func testATaskAnAnswerRepeatsUnchangedIsTheOneHeldBefore() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        try managerRound(&a, at: t0)
        let before = a.snapshot.tasks
        let web = try XCTUnwrap(a.snapshot.services.first { $0.name == "lab_web" }).id
        // lab_web's tasks, listed alone, one of them failed since.
        var webTasks = try XCTUnwrap(try JSONSerialization.jsonObject(with: Self.filtered("tasks.json", "ServiceID", [web])) as? [[String: Any]])
        var status = try XCTUnwrap(webTasks[0]["Status"] as? [String: Any])
        status["State"] = "failed"
        webTasks[0]["Status"] = status
        let failed = try XCTUnwrap(webTasks[0]["ID"] as? String)
        a.apply(EngineObservation(.manager, .answer(path: EnginePath.tasks(services: [web]),
                                                    body: try JSONSerialization.data(withJSONObject: webTasks), took: nil), at: t0))
        let old = Dictionary(uniqueKeysWithValues: before.map { ($0.id, $0) })
        for task in a.snapshot.tasks {
            XCTAssertEqual(task.isSameTask(as: try XCTUnwrap(old[task.id])), task.id != failed, task.id)
        }
        XCTAssertEqual(a.snapshot.tasks.first { $0.id == failed }?.status?.state, "failed")
        // The whole list in other bytes (the same tasks, but the failed one as it was): each task is the one held.
        let list = try JSONSerialization.jsonObject(with: LabFixtures.data("refresh/tasks.json"))
        let held = Dictionary(uniqueKeysWithValues: a.snapshot.tasks.map { ($0.id, $0) })
        a.apply(EngineObservation(.manager, .answer(path: EnginePath.tasks, body: try JSONSerialization.data(withJSONObject: list), took: nil), at: t0))
        XCTAssertEqual(a.snapshot.tasks, before)
        for task in a.snapshot.tasks where task.id != failed {
            XCTAssertTrue(task.isSameTask(as: try XCTUnwrap(held[task.id])), task.id)
        }
    }

    func testCapturedAnswersMakeTheSnapshotTheCLIShows() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        a.apply(EngineObservation(.manager, .engines([Self.planned("node1"), Self.planned("node2")]), at: t0))
        try managerRound(&a, at: t0)
        a.apply(EngineObservation(.manager, .apiVersion("1.41"), at: t0))
        for node in ["node1", "node2"] {
            a.apply(try Self.answer(.node(hostname: node), EnginePath.containers(size: true), "containers-size-\(node).json", took: 0.25, at: t0))
        }
        let s = a.snapshot
        XCTAssertEqual(s.endpoint, Self.endpoint)
        XCTAssertEqual(s.apiVersion, "1.41")
        XCTAssertEqual(s.info?.name, "node1")
        XCTAssertEqual(s.nodes, try LabFixtures.decode([Node].self, "refresh/nodes.json"))
        XCTAssertEqual(s.services, try LabFixtures.decode([Service].self, "refresh/services.json"))
        XCTAssertEqual(s.tasks, try LabFixtures.decode([SwarmTask].self, "refresh/tasks.json"))
        XCTAssertEqual(s.refreshedAt, t0)
        XCTAssertNil(s.error)
        XCTAssertEqual(s.engines.map(\.hostname), ["node1", "node2"])
        XCTAssertEqual(s.engines.map(\.origin), ["--node-host", "--node-host"])
        XCTAssertEqual(s.engines[1].containers, try LabFixtures.decode([ContainerSummary].self, "refresh/containers-size-node2.json"))
        XCTAssertEqual(s.engines[1].listedAt, t0)
        XCTAssertEqual(s.engines[1].sizesAt, t0)
        XCTAssertEqual(s.engines[1].sizeQuerySeconds, 0.25)
        XCTAssertNil(s.engines[1].error)
    }

    func testIdenticalBytesChangeNothingButARoundStillRefreshes() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        try managerRound(&a, at: t0)
        let t1 = t0.addingTimeInterval(20)
        XCTAssertFalse(a.apply(try Self.answer(.manager, EnginePath.tasks, "tasks.json", at: t1)), "the same bytes: no change")
        XCTAssertFalse(a.apply(try Self.answer(.manager, EnginePath.nodes, "nodes.json", at: t1)))
        XCTAssertTrue(a.apply(EngineObservation(.manager, .roundEnd, at: t1)), "the round succeeded: refreshedAt moves")
        XCTAssertEqual(a.snapshot.refreshedAt, t1)
        // Other bytes to the same path are decoded: tasks of another moment.
        XCTAssertTrue(a.apply(EngineObservation(.manager, .answer(path: EnginePath.tasks, body: try LabFixtures.data("tasks.json"), took: nil), at: t1)))
        XCTAssertEqual(a.snapshot.tasks, try LabFixtures.decode([SwarmTask].self, "tasks.json"))
        // A node engine's identical list still counts as listed now.
        a.apply(EngineObservation(.manager, .engines([Self.planned("node2")]), at: t0))
        a.apply(try Self.answer(.node(hostname: "node2"), EnginePath.containers(size: false), "containers-node2.json", at: t0))
        XCTAssertTrue(a.apply(try Self.answer(.node(hostname: "node2"), EnginePath.containers(size: false), "containers-node2.json", at: t1)))
        XCTAssertEqual(a.snapshot.engines[0].listedAt, t1)
        // ... and answers again after a failure: the same bytes clear the error, rows as they were.
        let rows = a.snapshot.engines[0].containers
        let t2 = t1.addingTimeInterval(20)
        a.apply(EngineObservation(.node(hostname: "node2"), .failure(path: EnginePath.containers(size: false), error: "refused"), at: t2))
        XCTAssertEqual(a.snapshot.engines[0].error, "refused")
        XCTAssertTrue(a.apply(try Self.answer(.node(hostname: "node2"), EnginePath.containers(size: false), "containers-node2.json", at: t2)))
        XCTAssertNil(a.snapshot.engines[0].error)
        XCTAssertEqual(a.snapshot.engines[0].containers, rows)
        XCTAssertEqual(a.snapshot.engines[0].listedAt, t2)
    }

    func testARoundWithAFailureShowsItsFirstErrorAndKeepsTheLastGoodState() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        try managerRound(&a, at: t0)
        let t1 = t0.addingTimeInterval(20)
        let worker503 = "engine said 503: This node is not a swarm manager."
        a.apply(EngineObservation(.manager, .failure(path: EnginePath.nodes, error: worker503), at: t1))
        a.apply(EngineObservation(.manager, .failure(path: EnginePath.tasks, error: "timed out"), at: t1))
        a.apply(EngineObservation(.manager, .roundEnd, at: t1))
        XCTAssertEqual(a.snapshot.error, worker503, "the round's first failure")
        XCTAssertEqual(a.snapshot.refreshedAt, t0, "not refreshed")
        XCTAssertEqual(a.snapshot.nodes.count, 2, "the last good nodes are kept")
        // A body that does not decode is a failure of the round too.
        a.apply(EngineObservation(.manager, .answer(path: EnginePath.services, body: try LabFixtures.data("info-worker.json"), took: nil), at: t1))
        a.apply(EngineObservation(.manager, .roundEnd, at: t1))
        XCTAssertTrue(a.snapshot.error?.hasPrefix("malformed answer to /services?status=true: ") == true, a.snapshot.error ?? "no error")
        // A round without failure clears it.
        let t2 = t1.addingTimeInterval(20)
        try managerRound(&a, at: t2)
        XCTAssertNil(a.snapshot.error)
        XCTAssertEqual(a.snapshot.refreshedAt, t2)
    }

    func testUnreachableMarksTheEngineAndTheNodesReachedThroughTheManager() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        a.apply(EngineObservation(.manager, .engines([Self.planned("node1"), Self.planned("node2")]), at: t0))
        a.apply(try Self.answer(.node(hostname: "node2"), EnginePath.containers(size: false), "containers-node2.json", at: t0))
        a.apply(EngineObservation(.node(hostname: "node2"), .unreachable("no answer to /_ping"), at: t0))
        XCTAssertEqual(a.snapshot.engines[1].error, "no answer to /_ping")
        XCTAssertEqual(a.snapshot.engines[1].containers.count, 11, "stale rows are kept")
        XCTAssertNil(a.snapshot.engines[0].error)
        a.apply(EngineObservation(.manager, .unreachable("gone"), at: t0))
        XCTAssertEqual(a.snapshot.error, "gone")
        XCTAssertEqual(a.snapshot.engines.map(\.error), ["gone", "no answer to /_ping"], "node1 shares the manager's endpoint")
        // A failed list is the engine's error; a failed single size is not (it goes to who asked).
        a.apply(EngineObservation(.node(hostname: "node2"), .failure(path: EnginePath.containers(size: false), error: "refused"), at: t0))
        XCTAssertEqual(a.snapshot.engines[1].error, "refused")
        a.apply(EngineObservation(.node(hostname: "node2"), .failure(path: EnginePath.containerSize(id: "abc"), error: "404"), at: t0))
        XCTAssertEqual(a.snapshot.engines[1].error, "refused")
    }

    /// The containers of one service on two nodes hold its image, image ID and names once:
    /// each engine's answer is decoded apart, its strings shared within it only.
    func testTwoEnginesContainersOfAServiceShareItsTexts() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        a.apply(EngineObservation(.manager, .engines([Self.planned("node1"), Self.planned("node2")]), at: t0))
        for node in ["node1", "node2"] {
            a.apply(try Self.answer(.node(hostname: node), EnginePath.containers(size: true), "containers-size-\(node).json", took: 0.1, at: t0))
        }
        let (node1, node2) = (a.snapshot.engines[0].containers, a.snapshot.engines[1].containers)
        var pairs = 0
        for c1 in node1 where c1.serviceID != nil {
            for c2 in node2 where c2.serviceID == c1.serviceID && c2.image == c1.image && c2.imageID == c1.imageID {
                for text in [\ContainerSummary.Fields.image, \.imageID, \.serviceID, \.serviceName, \.command] {
                    let (x, y) = (c1[dynamicMember: text] ?? "", c2[dynamicMember: text] ?? "")
                    guard x.utf8.count > 15 else { continue }  // shorter strings are inline
                    XCTAssertEqual(x.storageAddress, y.storageAddress, "\(c1.name) and \(c2.name): \(x) held twice")
                }
                pairs += 1
            }
        }
        XCTAssertGreaterThan(pairs, 0, "the lab runs a service's tasks on both nodes")
    }

    func testSizesOfTheLastSizeQueryAreMergedIntoLaterListsAndASingleSizeIsTimed() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        let node2 = EngineObservation.Engine.node(hostname: "node2")
        a.apply(EngineObservation(.manager, .engines([Self.planned("node2")]), at: t0))
        a.apply(try Self.answer(node2, EnginePath.containers(size: false), "containers-node2.json", at: t0))
        XCTAssertTrue(a.snapshot.engines[0].containers.allSatisfy { $0.sizeRootFs == nil }, "a list without sizes")
        XCTAssertNil(a.snapshot.engines[0].sizesAt)
        let t1 = t0.addingTimeInterval(1)
        a.apply(try Self.answer(node2, EnginePath.containers(size: true), "containers-size-node2.json", took: 0.4, at: t1))
        a.apply(EngineObservation(node2, .sizeInterval(30), at: t1))
        let sized = try LabFixtures.decode([ContainerSummary].self, "refresh/containers-size-node2.json")
        XCTAssertEqual(a.snapshot.engines[0].sizeInterval, 30)
        XCTAssertEqual(a.snapshot.engines[0].sizeQuerySeconds, 0.4)
        let t2 = t1.addingTimeInterval(5)
        let measured = a.snapshot.engines[0].containers
        a.apply(try Self.answer(node2, EnginePath.containers(size: false), "containers-node2.json", at: t2))
        let merged = a.snapshot.engines[0]
        // A later list that changes nothing keeps the containers held before, box and all (each
        // such list made two new boxes of every container, their sizes set after sharing).
        let before = Dictionary(uniqueKeysWithValues: measured.map { ($0.id, $0) })
        let unchanged = merged.containers.filter { before[$0.id] == $0 }
        XCTAssertEqual(unchanged.count, 6, "the captured lists differ in 5 containers' status")
        for container in unchanged {
            XCTAssertEqual(unsafeBitCast(container, to: UInt.self), unsafeBitCast(before[container.id], to: UInt.self), "\(container.name): a new box")
        }
        XCTAssertEqual(merged.containers.map(\.sizeRootFs), sized.map(\.sizeRootFs), "sizes of the size query, on the later list")
        XCTAssertEqual(merged.containers.map(\.sizeRw), sized.map(\.sizeRw))
        XCTAssertEqual(merged.listedAt, t2)
        XCTAssertEqual(merged.sizesAt, t1)
        // One container measured (the r key): its sizes and its own time.
        let id = try LabFixtures.decode([ContainerSummary].self, "refresh/containers-node2.json")[0].id
        let t3 = t2.addingTimeInterval(1)
        a.apply(try Self.answer(node2, EnginePath.containerSize(id: id), "container-size-node2.json", at: t3))
        XCTAssertEqual(a.snapshot.engines[0].sizeTimes, [id: t3])
        XCTAssertEqual(a.snapshot.engines[0].containers[0].sizeRw, 0)
        XCTAssertEqual(a.snapshot.engines[0].containers[0].sizeRootFs, 1_987_415)
        a.apply(try Self.answer(node2, EnginePath.containers(size: false), "containers-node2.json", at: t3))
        XCTAssertEqual(a.snapshot.engines[0].containers[0].sizeRw, 0, "the single size is merged too")
        // The next size query forgets the single times.
        a.apply(try Self.answer(node2, EnginePath.containers(size: true), "containers-size-node2.json", took: 0.4, at: t3))
        XCTAssertEqual(a.snapshot.engines[0].sizeTimes, [:])
    }

    func testNodesLeavingDropTheirEngineAndComeBackEmpty() throws {
        var a = SnapshotAssembler(endpoint: Self.endpoint)
        a.apply(EngineObservation(.manager, .engines([Self.planned("node1"), Self.planned("node2")]), at: t0))
        for node in ["node1", "node2"] {
            a.apply(try Self.answer(.node(hostname: node), EnginePath.containers(size: true), "containers-size-\(node).json", at: t0))
        }
        XCTAssertTrue(a.apply(EngineObservation(.manager, .engines([Self.planned("node1")]), at: t0)))
        XCTAssertEqual(a.snapshot.engines.map(\.hostname), ["node1"])
        XCTAssertEqual(a.snapshot.engines[0].containers.count, 12, "node1 kept its rows")
        XCTAssertFalse(a.apply(try Self.answer(.node(hostname: "node2"), EnginePath.containers(size: false), "containers-node2.json", at: t0)),
                       "a late answer of an engine no longer followed is ignored")
        a.apply(EngineObservation(.manager, .engines([Self.planned("node1"), Self.planned("node2")]), at: t0))
        XCTAssertEqual(a.snapshot.engines[1], NodeEngine(hostname: "node2", endpoint: "unix:///run/swarmtop-lab/node2.sock").withOrigin("--node-host"))
        a.apply(try Self.answer(.node(hostname: "node2"), EnginePath.containers(size: false), "containers-node2.json", at: t0))
        XCTAssertTrue(a.snapshot.engines[1].containers.allSatisfy { $0.sizeRootFs == nil }, "sizes of before it left are forgotten")
        // Re-planned elsewhere (another endpoint): a new engine, and a problem is its error.
        var moved = Self.planned("node2", endpoint: "")
        moved.problem = "no address"
        a.apply(EngineObservation(.manager, .engines([Self.planned("node1"), moved]), at: t0))
        XCTAssertEqual(a.snapshot.engines[1].containers, [])
        XCTAssertEqual(a.snapshot.engines[1].error, "no address")
    }
}

private extension NodeEngine {
    func withOrigin(_ origin: String) -> NodeEngine {
        var engine = self
        engine.origin = origin
        return engine
    }
}

/// The fixture loader builds its snapshots with the assembler: each field is what the
/// captured files say.
final class LabFixturesSnapshotTests: XCTestCase {
    func testTheFixtureSnapshotHoldsTheCapturedAnswers() throws {
        let at = try LabFixtures.capturedAt()
        let s = try LabFixtures.snapshot()
        XCTAssertEqual(s.endpoint, "unix:///run/swarmtop-lab/node1.sock")
        XCTAssertEqual(s.apiVersion, "1.41")
        XCTAssertEqual(s.info, try LabFixtures.decode(SystemInfo.self, "info-manager.json"))
        XCTAssertEqual(s.nodes, try LabFixtures.decode([Node].self, "nodes.json"))
        XCTAssertEqual(s.services, try LabFixtures.decode([Service].self, "services.json"))
        XCTAssertEqual(s.tasks, try LabFixtures.decode([SwarmTask].self, "tasks.json"))
        XCTAssertEqual(s.refreshedAt, at)
        XCTAssertNil(s.error)
        XCTAssertEqual(s.engines.map(\.hostname), ["node1", "node2"])
        for engine in s.engines {
            var expected = NodeEngine(hostname: engine.hostname, endpoint: "unix:///run/swarmtop-lab/\(engine.hostname).sock",
                                      containers: try LabFixtures.decode([ContainerSummary].self, "containers-\(engine.hostname).json"),
                                      listedAt: at, sizesAt: at)
            expected.origin = nil
            // The size answer is each measured container's first size (a missing SizeRw is 0).
            expected.sizeHistory.note(expected.containers.map { c in (c.id, c.sizeRw ?? (c.sizeRootFs == nil ? nil : 0)) },
                                      at: at, complete: true)
            XCTAssertFalse(expected.sizeHistory.isEmpty)
            XCTAssertEqual(engine, expected)
        }
    }

    func testTheLogsSnapshotHoldsTheCapturedAnswers() throws {
        let s = try LabFixtures.logsSnapshot()
        XCTAssertEqual(s.apiVersion, "1.41")
        XCTAssertNil(s.info)
        XCTAssertEqual(s.nodes, try LabFixtures.decode([Node].self, "logs-context-nodes.json"))
        XCTAssertEqual(s.services, try LabFixtures.decode([Service].self, "logs-context-services.json"))
        XCTAssertEqual(s.tasks, try LabFixtures.decode([SwarmTask].self, "logs-context-tasks.json"))
        XCTAssertNil(s.refreshedAt)
        XCTAssertEqual(s.engines, [])
    }
}
