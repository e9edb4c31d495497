import Foundation
import LabFixtures
@testable import SwarmState
import XCTest

/// Every task of a swarm with more services than one filter names (`RefreshEngine.wholeListAbove`)
/// is listed again by service, a request at a time: the lab's captured services and tasks, each
/// copied twelve times under other IDs (48 services, 276 tasks).
extension RefreshEngineTests {
    /// The captured lists copied `copies` times, each copy's IDs suffixed with its number.
    static func manyServices(copies: Int = 12) throws -> (services: Data, tasks: Data, serviceIDs: [String], taskIDs: Set<String>) {
        let services = try XCTUnwrap(try JSONSerialization.jsonObject(with: LabFixtures.data("refresh/services.json")) as? [[String: Any]])
        let tasks = try XCTUnwrap(try JSONSerialization.jsonObject(with: LabFixtures.data("refresh/tasks.json")) as? [[String: Any]])
        var manyServices: [[String: Any]] = [], manyTasks: [[String: Any]] = []
        for copy in 0..<copies {
            let suffix = String(format: "%02d", copy)
            for var service in services {
                service["ID"] = try XCTUnwrap(service["ID"] as? String) + suffix
                manyServices.append(service)
            }
            for var task in tasks {
                task["ID"] = try XCTUnwrap(task["ID"] as? String) + suffix
                task["ServiceID"] = try XCTUnwrap(task["ServiceID"] as? String) + suffix
                manyTasks.append(task)
            }
        }
        return (try JSONSerialization.data(withJSONObject: manyServices), try JSONSerialization.data(withJSONObject: manyTasks),
                manyServices.compactMap { $0["ID"] as? String }.sorted(), Set(manyTasks.compactMap { $0["ID"] as? String }))
    }

    func testEveryTaskOfMoreServicesThanOneFilterNamesIsListedByServiceOneRequestAtATime() async throws {
        let swarm = try Self.manyServices()
        XCTAssertGreaterThan(swarm.serviceIDs.count, RefreshEngine.wholeListAbove)
        let firstBatch = EnginePath.tasks(services: swarm.serviceIDs.prefix(RefreshEngine.wholeListAbove))
        let (lab, _) = try lab(Self.intervals()) {
            $0.manager.serve(EnginePath.services, body: swarm.services)
            $0.manager.serve(EnginePath.tasks, body: swarm.tasks)
            $0.manager.delay(firstBatch, 0.1)
        }
        await settled(lab, quiet: true)
        XCTAssertEqual(lab.manager.count(EnginePath.tasks), 1, "the first round, before any service is known: one whole list")
        XCTAssertEqual(lab.manager.count(where: { EnginePath.taskServices($0) != nil }), 0)
        // The manager's stream reopens: every task is asked for again, now by service.
        lab.manager.closeEvents()
        await eventually("both batches answered") {
            lab.manager.count(where: { EnginePath.taskServices($0) != nil }) == 2 && lab.manager.eventStreamOpen
        }
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertEqual(lab.manager.count(EnginePath.tasks), 1, "no whole list again: \(lab.manager.paths)")
        let batches = lab.manager.paths.compactMap(EnginePath.taskServices)
        XCTAssertEqual(batches.map(\.count), [RefreshEngine.wholeListAbove, swarm.serviceIDs.count - RefreshEngine.wholeListAbove])
        XCTAssertEqual(batches.flatMap { $0 }.sorted(), swarm.serviceIDs, "every service, once")
        let times = lab.manager.times(where: { EnginePath.taskServices($0) != nil })
        XCTAssertGreaterThanOrEqual(times[1].timeIntervalSince(times[0]), 0.1, "the second asked once the first (0.1 s) answered")
        let snapshot = await lab.engine.current
        XCTAssertEqual(Set(snapshot.tasks.map(\.id)), swarm.taskIDs)
        XCTAssertEqual(snapshot.tasks.count, swarm.taskIDs.count)
        XCTAssertNil(snapshot.error)
    }

    func testAServiceRemovedBetweenItsListAndItsTasksIsDroppedAndTheOthersAskedAgain() async throws {
        let swarm = try Self.manyServices()
        let batch = Array(swarm.serviceIDs.prefix(RefreshEngine.wholeListAbove))
        let gone = batch[0]
        let (lab, _) = try lab(Self.intervals()) {
            $0.manager.serve(EnginePath.services, body: swarm.services)
            $0.manager.serve(EnginePath.tasks, body: swarm.tasks)
        }
        await settled(lab, quiet: true)
        let before = await lab.engine.current
        XCTAssertFalse(before.tasks.filter { $0.serviceID == gone }.isEmpty)
        // The first batch is answered after 0.2 s, by when the service is removed: the engine refuses the filter.
        lab.manager.delay(EnginePath.tasks(services: batch), 0.2)
        lab.manager.closeEvents()
        await eventually("the first batch asked") { lab.manager.count(EnginePath.tasks(services: batch)) == 1 }
        var list = try XCTUnwrap(try JSONSerialization.jsonObject(with: swarm.services) as? [[String: Any]])
        list.removeAll { $0["ID"] as? String == gone }
        lab.manager.serve(EnginePath.services, body: try JSONSerialization.data(withJSONObject: list))
        await eventually("the batch asked again without it") { lab.manager.count(EnginePath.tasks(services: batch.dropFirst())) == 1 }
        await eventually("the round over") { lab.manager.count(where: { EnginePath.taskServices($0) != nil }) == 3 }
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertEqual(lab.manager.count(EnginePath.services(ids: batch)), 1, "the batch's services listed again: \(lab.manager.paths)")
        let snapshot = await lab.engine.current
        XCTAssertFalse(snapshot.services.contains { $0.id == gone })
        XCTAssertFalse(snapshot.tasks.contains { $0.serviceID == gone }, "its tasks went with it")
        XCTAssertEqual(Set(snapshot.services.map(\.id)), Set(swarm.serviceIDs.dropFirst()))
        XCTAssertEqual(snapshot.tasks.count, swarm.taskIDs.count - before.tasks.filter { $0.serviceID == gone }.count)
        XCTAssertNil(snapshot.error, "the refusal was answered, not shown")
        let failures = lab.observations.all(EngineObservation.self).filter {
            if $0.engine == .manager, case .failure = $0.content { true } else { false }
        }
        XCTAssertEqual(failures, [], "the manager's answers")
    }
}
