import Foundation
import LabFixtures
@testable import SwarmState
import XCTest

/// The refresh engine's policy without the lab: its engines are `CapturedEngine`s answering
/// what the lab answered (`Fixtures/v1.41/refresh`), with small intervals, so each test waits
/// a fraction of a second.
final class RefreshEngineTests: XCTestCase {
    static let node1 = "unix:///run/swarmtop-lab/node1.sock"
    static let node2 = "unix:///run/swarmtop-lab/node2.sock"

    /// The lab's two engines: node1 (the manager, whose own containers it also answers) and node2.
    struct Lab {
        let manager: CapturedEngine
        let node2: CapturedEngine
        let connections: Connections
        let engine: RefreshEngine
        let observations: Observations
        let snapshots: Observations

        init(_ intervals: RefreshEngine.Intervals) throws {
            let observations = Observations()
            self.observations = observations
            snapshots = Observations()
            manager = try CapturedEngine(RefreshEngineTests.node1, answers: [
                EnginePath.info: "refresh/info.json", EnginePath.nodes: "refresh/nodes.json",
                EnginePath.services: "refresh/services.json", EnginePath.tasks: "refresh/tasks.json",
                EnginePath.containers(size: false): "refresh/containers-node1.json",
                EnginePath.containers(size: true): "refresh/containers-size-node1.json",
            ])
            node2 = try CapturedEngine(RefreshEngineTests.node2, answers: [
                EnginePath.containers(size: false): "refresh/containers-node2.json",
                EnginePath.containers(size: true): "refresh/containers-size-node2.json",
            ])
            let (manager, node2) = (manager, node2)
            connections = try Connections(manager: DockerEndpoint(parsing: RefreshEngineTests.node1), nodeHosts: [],
                                          template: NodeHostTemplate("unix:///run/swarmtop-lab/{hostname}.sock"), timeout: 1,
                                          readers: { $0.description == RefreshEngineTests.node2 ? node2 : manager })
            engine = RefreshEngine(connections: connections, intervals: intervals, observer: { observations.append($0) })
        }

        /// Runs the engine until the returned task is cancelled.
        func run() -> Task<Void, Never> {
            let snapshots = snapshots
            let engine = engine
            return Task { await engine.run { snapshots.append($0) } }
        }
    }

    /// A lab whose engine is stopped and whose clients are shut down when the test ends.
    /// - Parameter prepare: what the engines answer before the refresh engine runs.
    func lab(_ intervals: RefreshEngine.Intervals, prepare: (Lab) throws -> Void = { _ in }) throws -> (Lab, Task<Void, Never>) {
        let lab = try Lab(intervals)
        try prepare(lab)
        let run = lab.run()
        let connections = lab.connections
        addTeardownBlock {
            run.cancel()
            await run.value
            await connections.shutdown()
        }
        return (lab, run)
    }

    /// Things seen from another executor, in order.
    final class Observations: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Any] = []
        func append(_ item: Any) { lock.withLock { items.append(item) } }
        func all<T>(_: T.Type = T.self) -> [T] { lock.withLock { items.compactMap { $0 as? T } } }
    }

    /// Serves the captured service list (`refresh/services.json`) with, for each of `ids` it
    /// lacks, a copy of its first service under that ID. The events and task lists captured at
    /// other times name services this list does not hold, and, as the engine does,
    /// `CapturedEngine` refuses a task filter naming a service it does not list.
    static func serveServices(_ engine: CapturedEngine, including ids: Set<String>) throws {
        var list = try XCTUnwrap(try JSONSerialization.jsonObject(with: LabFixtures.data("refresh/services.json")) as? [[String: Any]])
        for id in ids.sorted() where !list.contains(where: { $0["ID"] as? String == id }) {
            var copy = list[0]
            copy["ID"] = id
            list.append(copy)
        }
        engine.serve(EnginePath.services, body: try JSONSerialization.data(withJSONObject: list))
    }

    /// Steady intervals long enough that only what a test causes happens.
    static func intervals(poll: TimeInterval = 60, sizes: TimeInterval = 60, fastPoll: TimeInterval = 0.05,
                          fastWindow: TimeInterval = 0.25, sizeBudget: Double = 0.05,
                          eventIdle: TimeInterval = 60) -> RefreshEngine.Intervals {
        .init(poll: poll, sizes: sizes, fastPoll: fastPoll, fastWindow: fastWindow, sizeBudget: sizeBudget, resync: 600,
              coalesce: 0.02, minSpacing: 0.02, reconnectMax: 0.1, eventIdle: eventIdle)
    }

    /// Waits for `condition`, polling every 10 ms, at most `seconds`.
    func eventually(_ what: String, within seconds: TimeInterval = 2, _ condition: () async -> Bool) async {
        let deadline = Date().addingTimeInterval(seconds)
        while !(await condition()) {
            if Date() > deadline { return XCTFail("not within \(seconds) s: \(what)") }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
    }

    /// Waits until the first round is in and every engine listed its containers with sizes;
    /// `quiet`: and the round the streams' opening asks for is over too (for tests that count requests).
    func settled(_ lab: Lab, quiet: Bool = false) async {
        await eventually("first round and sizes") {
            let s = await lab.engine.current
            return s.refreshedAt != nil && s.engines.count == 2 && s.engines.allSatisfy { $0.sizesAt != nil && $0.listedAt != nil }
                && lab.manager.eventStreamOpen && lab.node2.eventStreamOpen
        }
        if quiet { try? await Task.sleep(nanoseconds: 50_000_000) }
    }

    func testTheFirstRoundListsEverythingAndTheObservationsReplayToTheSameSnapshot() async throws {
        let (lab, _) = try lab(Self.intervals())
        await settled(lab, quiet: true)  // nothing more to ask until the 60 s cadences
        let snapshot = await lab.engine.current
        XCTAssertEqual(snapshot.apiVersion, "1.41")
        XCTAssertEqual(snapshot.nodes.map(\.hostname), ["node1", "node2"])
        XCTAssertEqual(snapshot.engines.map(\.endpoint), [Self.node1, Self.node2])
        let sized = try LabFixtures.decode([ContainerSummary].self, "refresh/containers-size-node2.json")
        XCTAssertEqual(snapshot.engines[1].containers.map(\.id), sized.map(\.id))
        XCTAssertEqual(snapshot.engines[1].containers.map(\.sizeRootFs), sized.map(\.sizeRootFs), "sizes of the size query")
        XCTAssertEqual(lab.manager.eventStreamSinces, [nil])
        XCTAssertEqual(lab.node2.eventStreamSinces, [nil], "node1's container events come on the manager's stream")
        // Every observation went to the observer: a fresh assembler makes the same snapshot of them.
        var replay = SnapshotAssembler(endpoint: Self.node1)
        for observation in lab.observations.all(EngineObservation.self) { replay.apply(observation) }
        XCTAssertEqual(replay.snapshot, snapshot)
        XCTAssertEqual(lab.snapshots.all(ClusterSnapshot.self).last, snapshot, "the last snapshot was published")
    }

    func testABurstOfEventsCostsOneRoundThenTasksArePolledFastForTheWindowThenSteady() async throws {
        let (lab, _) = try lab(Self.intervals())
        await settled(lab, quiet: true)
        let someServices = { (path: String) in EnginePath.serviceIDs(path) != nil }
        let services = lab.manager.count(where: someServices)
        let wholeServices = lab.manager.count(EnginePath.services), wholeTasks = lab.manager.count(EnginePath.tasks)
        let burst = try CapturedEngine.eventLines(type: "service")
        XCTAssertGreaterThanOrEqual(burst.count, 2)
        try Self.serveServices(lab.manager, including: Set(burst.compactMap { try? DockerJSON.decode(DockerEvent.self, from: $0, path: "event").actor?.id }))
        lab.manager.emit(burst + burst + burst)
        await eventually("the burst's round") { lab.manager.count(where: someServices) > services }
        let eventAt = Date()
        try await Task.sleep(nanoseconds: 350_000_000)  // the fast window (0.25 s) and beyond
        // The burst's service (and only it) is asked for: its counts, then its tasks, fast.
        let ids = Set(burst.compactMap { try? DockerJSON.decode(DockerEvent.self, from: $0, path: "event").actor?.id })
        XCTAssertEqual(lab.manager.paths.compactMap(EnginePath.serviceIDs).first.map(Set.init), ids)
        XCTAssertLessThanOrEqual(lab.manager.count(EnginePath.services), wholeServices + 1, "the counts checked once, when the window ends")
        XCTAssertEqual(lab.manager.count(EnginePath.tasks), wholeTasks, "no whole task list")
        let polls = lab.manager.times(where: { EnginePath.taskServices($0).map(Set.init) == ids })
        let inWindow = polls.filter { $0.timeIntervalSince(eventAt) < 0.25 }
        XCTAssertGreaterThanOrEqual(inWindow.count, 3, "fast polls (0.05 s) in the 0.25 s window: \(polls.map { $0.timeIntervalSince(eventAt) })")
        XCTAssertEqual(polls.filter { $0.timeIntervalSince(eventAt) > 0.3 }.count, 0, "steady (60 s) after the window")
        let events = await lab.engine.counters.events
        XCTAssertEqual(events, burst.count * 3)
        XCTAssertEqual(lab.observations.all(EngineObservation.self).filter { if case .event = $0.content { true } else { false } }.count,
                       burst.count * 3, "every event is an observation")
    }

    func testATaskContainersEventAsksForItsServicesTasksAndCountsAlone() async throws {
        let (lab, _) = try lab(Self.intervals())
        await settled(lab, quiet: true)
        let die = try XCTUnwrap(try CapturedEngine.eventLines(type: "container").first { $0.contains(Data("\"die\"".utf8)) })
        let service = try XCTUnwrap(try DockerJSON.decode(DockerEvent.self, from: die, path: "event").actor?.attributes?["com.docker.swarm.service.id"])
        try Self.serveServices(lab.manager, including: [service])
        let wholeServices = lab.manager.count(EnginePath.services), wholeTasks = lab.manager.count(EnginePath.tasks)
        lab.node2.emit([die])
        await eventually("that service's tasks asked for") { lab.manager.count(EnginePath.tasks(services: [service])) > 0 }
        await eventually("its counts asked for") { lab.manager.count(EnginePath.services(ids: [service])) > 0 }
        XCTAssertEqual(lab.manager.count(EnginePath.tasks), wholeTasks, "no whole task list: \(lab.manager.paths)")
        XCTAssertEqual(lab.manager.count(EnginePath.services), wholeServices, "no whole service list")
    }

    func testAServiceRemovedIsNotNamedInATaskFilterAndTakesItsTasks() async throws {
        let (lab, _) = try lab(Self.intervals())
        await settled(lab, quiet: true)
        // lab_viz is removed: the engine lists it no more, and its event arrives.
        var list = try XCTUnwrap(try JSONSerialization.jsonObject(with: LabFixtures.data("refresh/services.json")) as? [[String: Any]])
        let vizIndex = try XCTUnwrap(list.firstIndex { ($0["Spec"] as? [String: Any])?["Name"] as? String == "lab_viz" })
        let viz = try XCTUnwrap(list.remove(at: vizIndex)["ID"] as? String)
        lab.manager.serve(EnginePath.services, body: try JSONSerialization.data(withJSONObject: list))
        let before = await lab.engine.current
        XCTAssertFalse(before.tasks.filter { $0.serviceID == viz }.isEmpty)
        let remove = #"{"Type":"service","Action":"remove","Actor":{"ID":"\#(viz)","Attributes":{"name":"lab_viz"}},"scope":"swarm","time":1795952090,"timeNano":1795952090000000000}"#
        lab.manager.emit([Data(remove.utf8)])
        await eventually("lab_viz gone with its tasks") {
            let s = await lab.engine.current
            return !s.services.contains { $0.id == viz } && !s.tasks.contains { $0.serviceID == viz }
        }
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertEqual(lab.manager.count(where: { EnginePath.taskServices($0)?.contains(viz) == true }), 0, "\(lab.manager.paths)")
        let error = await lab.engine.current.error
        XCTAssertNil(error)
    }

    func testASteadyPollAsksForTheCountsAndOnlyTheTasksOfTheServicesWhoseCountsMoved() async throws {
        let (lab, _) = try lab(Self.intervals(poll: 0.1))
        await settled(lab, quiet: true)
        let anyTasks = { (path: String) in path.hasPrefix(EnginePath.tasks) }
        let services = lab.manager.count(EnginePath.services), tasks = lab.manager.count(where: anyTasks)
        let wholeTasks = lab.manager.count(EnginePath.tasks)
        await eventually("three steady polls") { lab.manager.count(EnginePath.services) >= services + 3 }
        XCTAssertEqual(lab.manager.count(where: anyTasks), tasks, "counts as before: no task asked for: \(lab.manager.paths)")
        // One service's running count moves (as when one of its tasks fails): its tasks alone are asked for.
        var list = try XCTUnwrap(try JSONSerialization.jsonObject(with: LabFixtures.data("refresh/services.json")) as? [[String: Any]])
        let moved = try XCTUnwrap(list[0]["ID"] as? String)
        var status = try XCTUnwrap(list[0]["ServiceStatus"] as? [String: Any])
        status["RunningTasks"] = (status["RunningTasks"] as? Int ?? 0) + 1
        list[0]["ServiceStatus"] = status
        lab.manager.serve(EnginePath.services, body: try JSONSerialization.data(withJSONObject: list))
        await eventually("the moved service's tasks asked for") { lab.manager.count(EnginePath.tasks(services: [moved])) > 0 }
        XCTAssertEqual(lab.manager.count(EnginePath.tasks), wholeTasks, "no whole task list")
        XCTAssertEqual(lab.manager.count(where: anyTasks), tasks + 1, "\(lab.manager.paths)")
    }

    func testADroppedStreamIsReopenedWithSinceTheLastEventAndListsAgain() async throws {
        let (lab, _) = try lab(Self.intervals())
        await settled(lab)
        let containerLine = try XCTUnwrap(try CapturedEngine.eventLines(type: "container").last)
        let event = try DockerJSON.decode(DockerEvent.self, from: containerLine, path: "/events")
        let lists = lab.node2.count(EnginePath.containers(size: false))
        lab.node2.emit([containerLine])
        lab.node2.closeEvents()
        await eventually("reopened") { lab.node2.eventStreamSinces.count == 2 }
        XCTAssertEqual(lab.node2.eventStreamSinces, [nil, event.sinceParameter])
        await eventually("listed again after the gap") { lab.node2.count(EnginePath.containers(size: false)) >= lists + 2 }
    }

    func testASilentStreamWhoseEngineDoesNotAnswerPingIsMarkedStaleThenRecovers() async throws {
        let (lab, _) = try lab(Self.intervals(eventIdle: 0.1))
        await settled(lab)
        lab.node2.pingFails(true)
        var stale = await lab.engine.current
        await eventually("node2 stale") {
            stale = await lab.engine.current
            return stale.engines[1].error != nil
        }
        XCTAssertEqual(stale.engines[1].error,
                       "no event for 0 s and no answer to /_ping (cannot reach \(Self.node2): timed out): reopening the event stream")
        XCTAssertEqual(stale.engines[1].containers.count, 11, "its rows are kept")
        XCTAssertNil(stale.engines[0].error, "node1 is fine")
        XCTAssertNil(stale.error)
        lab.node2.pingFails(false)
        await eventually("node2 back") { await lab.engine.current.engines[1].error == nil }
        XCTAssertGreaterThanOrEqual(lab.node2.eventStreamSinces.count, 2, "its stream was reopened")
    }

    func testANodeThatLeavesIsNoLongerFollowedAndOneThatJoinsIs() async throws {
        let (lab, _) = try lab(Self.intervals())
        await settled(lab, quiet: true)
        // The captured node list without node2 (a node removed from the swarm).
        let nodes = try XCTUnwrap(JSONSerialization.jsonObject(with: LabFixtures.data("refresh/nodes.json")) as? [[String: Any]])
        let withoutNode2 = nodes.filter { ($0["Description"] as? [String: Any])?["Hostname"] as? String != "node2" }
        lab.manager.serve(EnginePath.nodes, body: try JSONSerialization.data(withJSONObject: withoutNode2))
        await lab.engine.refreshNow()
        await eventually("node2 left") { await lab.engine.current.engines.map(\.hostname) == ["node1"] }
        await eventually("node2's stream closed") { !lab.node2.eventStreamOpen }
        let asked = lab.node2.count(EnginePath.containers(size: false))
        await lab.engine.refreshNow()
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertEqual(lab.node2.count(EnginePath.containers(size: false)), asked, "node2 is no longer asked")
        try lab.manager.serve(EnginePath.nodes, file: "refresh/nodes.json")
        await lab.engine.refreshNow()
        await eventually("node2 joined again") {
            let engines = await lab.engine.current.engines
            return engines.map(\.hostname) == ["node1", "node2"] && engines[1].listedAt != nil
        }
        XCTAssertEqual(lab.node2.eventStreamSinces, [nil, nil], "followed afresh")
    }

    func testSizeQueriesTakeAtMostTheirBudgetOfTheEnginesTime() async throws {
        let (lab, _) = try lab(Self.intervals(sizes: 0.1, sizeBudget: 0.5)) { $0.node2.delay(EnginePath.containers(size: true), 0.1) }
        await eventually("two size queries on node2") { lab.node2.times(EnginePath.containers(size: true)).count >= 2 }
        let engine = await lab.engine.current.engines[1]
        let took = try XCTUnwrap(engine.sizeQuerySeconds)
        XCTAssertGreaterThanOrEqual(took, 0.1)
        XCTAssertEqual(try XCTUnwrap(engine.sizeInterval), took / 0.5, accuracy: 1e-9, "a query that took \(took) s waits it twice over")
        let times = lab.node2.times(EnginePath.containers(size: true))
        XCTAssertGreaterThanOrEqual(times[1].timeIntervalSince(times[0]), 0.1 + 0.2 - 0.01, "answer, then twice the time it took")
    }

    /// `/system/df` follows each size query on the same budget (both timed), the node engine's
    /// `/info` is asked until it answered, and an engine that does not answer `/system/df`
    /// (node1 here) has a disk error but fresh rows.
    func testSystemDFComesWithEachSizeQueryOnItsBudgetAndInfoOnce() async throws {
        let (lab, _) = try lab(Self.intervals(sizes: 0.1, sizeBudget: 0.5)) {
            try $0.node2.serve(EnginePath.systemDF, file: "disk/system-df-node2.json")
            try $0.node2.serve(EnginePath.info, file: "disk/info-node2.json")
            $0.node2.delay(EnginePath.systemDF, 0.1)
        }
        await eventually("two disk queries on node2") { lab.node2.times(EnginePath.systemDF).count >= 2 }
        let snapshot = await lab.engine.current
        let node2 = snapshot.engines[1]
        XCTAssertEqual(node2.diskUsage, try LabFixtures.decode(DiskUsage.self, "disk/system-df-node2.json"))
        XCTAssertEqual(node2.engineInfo?.driver, "overlay2")
        XCTAssertEqual(lab.node2.count(EnginePath.info), 1, "asked until it answered")
        let dfTook = try XCTUnwrap(node2.diskQuerySeconds)
        XCTAssertGreaterThanOrEqual(dfTook, 0.1)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(node2.sizeInterval), dfTook / 0.5, "the budget counts /system/df's time too")
        let sizes = lab.node2.times(EnginePath.containers(size: true)), dfs = lab.node2.times(EnginePath.systemDF)
        XCTAssertLessThanOrEqual(sizes[0], dfs[0], "size=1 first, then /system/df")
        XCTAssertGreaterThanOrEqual(sizes[1].timeIntervalSince(dfs[0]), 0.1 + 0.2 - 0.01, "the next round waits twice the time both took")
        XCTAssertNotNil(snapshot.engines[0].diskError)
        XCTAssertNil(snapshot.engines[0].error, "its containers are fresh")
    }

    func testAManagerFailureIsShownWithTheLastGoodRowsAndClearedByTheNextGoodRound() async throws {
        let (lab, _) = try lab(Self.intervals(poll: 0.1))
        await settled(lab)
        let worker503 = try CapturedEngine.error("error-worker-503.json")
        lab.manager.fail(EnginePath.services, worker503)  // the steady poll's request
        await eventually("the error shown") { await lab.engine.current.error != nil }
        let failed = await lab.engine.current
        XCTAssertEqual(failed.error, worker503.description)
        XCTAssertTrue(worker503.description.hasPrefix("engine said 503: This node is not a swarm manager."))
        XCTAssertEqual(failed.tasks.count, 23, "the last good tasks are kept")
        try lab.manager.serve(EnginePath.services, file: "refresh/services.json")
        await eventually("cleared by the next poll") { await lab.engine.current.error == nil }
        let recovered = await lab.engine.current
        XCTAssertGreaterThan(try XCTUnwrap(recovered.refreshedAt), try XCTUnwrap(failed.refreshedAt))
    }

    func testACrashLoopingServiceStopsAskingForTaskPollsOnceCycling() async throws {
        let (lab, _) = try lab(Self.intervals(fastWindow: 0.05)) {
            try $0.manager.serve(EnginePath.tasks, file: "refresh/crash-tasks-1.json")
            try Self.serveServices($0.manager, including: Set(try LabFixtures.decode([SwarmTask].self, "refresh/crash-tasks-1.json").map(\.serviceID)))
        }
        await settled(lab, quiet: true)
        let text = String(decoding: try LabFixtures.data("refresh/crash-events.txt"), as: UTF8.self)
        let dies = text.split(whereSeparator: \.isNewline).filter { $0.contains("\"Action\":\"die\"") }.map { Data($0.utf8) }
        XCTAssertGreaterThanOrEqual(dies.count, 4)
        // Each failure seen: a die event asks for a task poll, which sees the next capture.
        let anyTasks = { (path: String) in path.hasPrefix(EnginePath.tasks) }
        for (index, file) in ["refresh/crash-tasks-2.json", "refresh/crash-tasks-3.json"].enumerated() {
            let polls = lab.manager.count(where: anyTasks)
            try lab.manager.serve(EnginePath.tasks, file: file)
            lab.manager.emit([dies[index]])
            await eventually("the die event's poll") { lab.manager.count(where: anyTasks) > polls }
            let expected = try LabFixtures.decode([SwarmTask].self, file).sorted { $0.id < $1.id }
            await eventually("\(file) applied") { await lab.engine.current.tasks.sorted { $0.id < $1.id } == expected }
        }
        // 4 failures within a minute: the service cycles; its tasks no longer keep the poll
        // fast, and its containers' events no longer ask for one (they still list containers).
        try await Task.sleep(nanoseconds: 150_000_000)  // the 0.05 s fast window and a poll after it
        let polls = lab.manager.count(where: anyTasks), lists = lab.manager.count(EnginePath.containers(size: false))
        lab.manager.emit(Array(dies[2...]))
        await eventually("the containers listed") { lab.manager.count(EnginePath.containers(size: false)) > lists }
        try await Task.sleep(nanoseconds: 150_000_000)
        XCTAssertEqual(lab.manager.count(where: anyTasks), polls, "\(dies.count - 2) die events of a cycling service: no task poll")
    }

    func testOneContainerIsMeasuredAloneThroughTheFeed() async throws {
        let id = try LabFixtures.decode([ContainerSummary].self, "refresh/containers-node2.json")[0].id
        let (lab, _) = try lab(Self.intervals()) { try $0.node2.serve(EnginePath.containerSize(id: id), file: "refresh/container-size-node2.json") }
        await settled(lab)
        let feed: any SwarmFeed = lab.engine
        let size = try await feed.refreshSize(hostname: "node2", containerID: id)
        XCTAssertEqual(size, DockerClient.ContainerSize(sizeRw: 0, sizeRootFs: 1_987_415))
        let engine = await feed.current.engines[1]
        XCTAssertEqual(engine.containers.first { $0.id == id }?.sizeRw, 0)
        XCTAssertEqual(Array(engine.sizeTimes.keys), [id])
        XCTAssertEqual(lab.snapshots.all(ClusterSnapshot.self).last?.engines[1].sizeTimes.keys.first, id, "published")
        do {
            _ = try await feed.refreshSize(hostname: "node9", containerID: id)
            XCTFail("no engine for node9")
        } catch let error as DockerError {
            XCTAssertEqual(error, .transport(endpoint: "node9", reason: Connections.notConfigured))
        }
    }
}
