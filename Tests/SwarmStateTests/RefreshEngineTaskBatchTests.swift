import Foundation
import LabFixtures
@testable import SwarmState
import XCTest

/// Every task of a swarm with more services than one filter names (`RefreshEngine.wholeListAbove`)
/// is listed again by service, a few requests at a time: the lab's captured services and tasks,
/// copied under other IDs (`manyServices`).
extension RefreshEngineTests {
    /// The captured lists (4 services, 23 tasks) copied `copies` times, each copy's IDs suffixed with its number.
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

    func testEveryTaskOfMoreServicesThanOneFilterNamesIsListedByServiceAFewRequestsAtATime() async throws {
        let swarm = try Self.manyServices(copies: 60)
        let size = RefreshEngine.wholeListAbove, atOnce = RefreshEngine.taskListsAtOnce
        let batches = stride(from: 0, to: swarm.serviceIDs.count, by: size).map { Array(swarm.serviceIDs[$0..<min($0 + size, swarm.serviceIDs.count)]) }
        XCTAssertGreaterThan(batches.count, atOnce, "more lists than are asked for at once")
        let (lab, _) = try lab(Self.intervals()) {
            $0.manager.serve(EnginePath.services, body: swarm.services)
            $0.manager.serve(EnginePath.tasks, body: swarm.tasks)
            for batch in batches { $0.manager.delay(EnginePath.tasks(services: batch), 0.1) }
        }
        await settled(lab, quiet: true)
        XCTAssertEqual(lab.manager.count(EnginePath.tasks), 1, "the first round, no service known yet: one whole list")
        // The manager's stream reopens: every task is asked for again, now by service.
        let before = lab.manager.count(where: { EnginePath.taskServices($0) != nil })
        lab.manager.closeEvents()
        await eventually("every list asked again") {
            lab.manager.count(where: { EnginePath.taskServices($0) != nil }) == before + batches.count
        }
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertEqual(lab.manager.count(EnginePath.tasks), 1, "no whole list again: \(lab.manager.paths)")
        let asked = Array(lab.manager.paths.compactMap(EnginePath.taskServices).suffix(batches.count))
        XCTAssertEqual(asked.map(\.count).sorted(), batches.map(\.count).sorted())
        XCTAssertEqual(asked.flatMap { $0 }.sorted(), swarm.serviceIDs, "every service, once")
        let times = lab.manager.times(where: { EnginePath.taskServices($0) != nil }).suffix(batches.count).map { $0 }
        XCTAssertLessThan(times[atOnce - 1].timeIntervalSince(times[0]), 0.1, "the first \(atOnce) at once")
        XCTAssertGreaterThanOrEqual(times[atOnce].timeIntervalSince(times[0]), 0.1, "the next once one (0.1 s) answered")
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
        let asked = lab.manager.count(EnginePath.tasks(services: batch))
        let batchesAsked = lab.manager.count(where: { EnginePath.taskServices($0) != nil })
        lab.manager.delay(EnginePath.tasks(services: batch), 0.2)
        lab.manager.closeEvents()
        await eventually("the first batch asked") { lab.manager.count(EnginePath.tasks(services: batch)) == asked + 1 }
        var list = try XCTUnwrap(try JSONSerialization.jsonObject(with: swarm.services) as? [[String: Any]])
        list.removeAll { $0["ID"] as? String == gone }
        lab.manager.serve(EnginePath.services, body: try JSONSerialization.data(withJSONObject: list))
        await eventually("the batch asked again without it") { lab.manager.count(EnginePath.tasks(services: batch.dropFirst())) == 1 }
        await eventually("the round over") { lab.manager.count(where: { EnginePath.taskServices($0) != nil }) == batchesAsked + 3 }
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
