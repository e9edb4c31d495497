import Foundation
import LabFixtures
@testable import SwarmState
import XCTest

/// The disk view's answers through the assembler (`Fixtures/v1.41/disk`): `/system/df` and a
/// node engine's `/info` become `NodeEngine` fields, successive sizes a growth.
final class DiskAssemblyTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func testSystemDFAndInfoFillTheNodeEngine() throws {
        var a = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        for o in try LabFixtures.diskObservations(at: t0, later: false) { a.apply(o) }
        let node1 = a.snapshot.engines[0]
        XCTAssertEqual(node1.diskUsage, try LabFixtures.decode(DiskUsage.self, "disk/system-df-node1.json"))
        XCTAssertEqual(node1.diskUsageAt, t0)
        XCTAssertEqual(node1.diskQuerySeconds, 0.2)
        XCTAssertEqual(node1.engineInfo?.driver, "overlay2")
        XCTAssertNil(node1.diskError)
        XCTAssertNil(node1.error)
        XCTAssertNil(node1.sizeHistory.values.compactMap(\.bytesPerMinute).first, "one answer: no growth yet")
    }

    /// node1's container list and its `/system/df`, taken together, applied in either order:
    /// each container is kept once (the second answer's strings are the first's), nothing of either lost.
    func testTheListAndSystemDFShareTheirContainers() throws {
        let list = try LabFixtures.data("shared/containers-size-node1.json")
        let df = try LabFixtures.data("shared/system-df-node1.json")
        let answers = [(EnginePath.containers(size: true), list), (EnginePath.systemDF, df)]
        for order in [answers, answers.reversed()] {
            var a = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
            a.apply(EngineObservation(.manager, .engines([.init(hostname: "node1", endpoint: "unix:///run/swarmtop-lab/node1.sock", origin: nil, problem: nil)]), at: t0))
            for (path, body) in order { a.apply(EngineObservation(.node(hostname: "node1"), .answer(path: path, body: body, took: 0.1), at: t0)) }
            let node1 = a.snapshot.engines[0]
            XCTAssertEqual(node1.containers, try LabFixtures.decode([ContainerSummary].self, "shared/containers-size-node1.json"))
            XCTAssertEqual(node1.diskUsage, try LabFixtures.decode(DiskUsage.self, "shared/system-df-node1.json"))
            let listed = Dictionary(uniqueKeysWithValues: node1.containers.map { ($0.id, $0) })
            let inDF = try XCTUnwrap(node1.diskUsage?.containers)
            XCTAssertEqual(inDF.count, listed.count)
            for container in inDF {
                let other = try XCTUnwrap(listed[container.id])
                XCTAssertEqual(container.id.storageAddress, other.id.storageAddress, "\(container.name): its ID is held twice")
                XCTAssertEqual((container.imageID ?? "").storageAddress, (other.imageID ?? "").storageAddress, "\(container.name): its image ID is held twice")
                if container == other {
                    XCTAssertEqual(unsafeBitCast(container, to: UInt.self), unsafeBitCast(other, to: UInt.self), "\(container.name): one box, not two")
                }
            }
            XCTAssertTrue(inDF.contains { listed[$0.id] == $0 }, "some containers are alike in both answers")
        }
    }

    func testGrowthIsBytesPerMinuteSinceFirstSeen() throws {
        var a = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        for o in try LabFixtures.diskObservations(at: t0, later: true) { a.apply(o) }
        let node1 = a.snapshot.engines[0]
        let grow = try XCTUnwrap(node1.diskUsage?.containers?.first { $0.name == "capture_grow" })
        let history = try XCTUnwrap(node1.sizeHistory[grow.id])
        XCTAssertEqual(history.recentBytes, [1_048_576, 3_145_728])
        XCTAssertEqual(history.first, .init(at: t0, bytes: 1_048_576))
        XCTAssertEqual(try XCTUnwrap(history.bytesPerMinute), 2_097_152.0 / LabFixtures.diskLaterSeconds * 60, accuracy: 0.001)
        let web = try XCTUnwrap(node1.diskUsage?.containers?.first { $0.name.hasPrefix("lab_web.") })
        XCTAssertEqual(node1.sizeHistory[web.id]?.bytesPerMinute, 0, "a layer that did not change grows by 0")
    }

    func testReplayGivesTheSameGrowthAsTheLiveRun() throws {
        let observations = try LabFixtures.diskObservations(at: t0, later: true)
        var live = SnapshotAssembler(endpoint: "x"), replay = SnapshotAssembler(endpoint: "x")
        for o in observations { live.apply(o) }
        for o in observations { replay.apply(o) }
        XCTAssertEqual(live.snapshot.engines, replay.snapshot.engines)
    }

    func testContainersGoneFromAListLoseTheirHistory() throws {
        var a = SnapshotAssembler(endpoint: "x")
        for o in try LabFixtures.diskObservations(at: t0, later: false) { a.apply(o) }
        let grow = try XCTUnwrap(a.snapshot.engines[0].diskUsage?.containers?.first { $0.name == "capture_grow" })
        a.apply(EngineObservation(.node(hostname: "node1"), .answer(path: EnginePath.containers(size: true), body: Data("[]".utf8), took: 0.1),
                                  at: t0.addingTimeInterval(30)))
        XCTAssertNil(a.snapshot.engines[0].sizeHistory[grow.id])
    }

    func testHistoryKeepsTheLastSizesAndTheFirst() throws {
        var h = SizeHistory(.init(at: t0, bytes: 0))
        for i in 1...40 { h.note(.init(at: t0.addingTimeInterval(Double(i) * 60), bytes: Int64(i) * 1000)) }
        h.note(.init(at: t0, bytes: 5))  // older than the last: ignored
        XCTAssertEqual(h.recentBytes.count, SizeHistory.kept)
        XCTAssertEqual(h.recentBytes.last, 40_000)
        XCTAssertEqual(h.first.bytes, 0)
        XCTAssertEqual(try XCTUnwrap(h.bytesPerMinute), 1000, accuracy: 1e-9)
    }

    func testAFailedSystemDFIsTheDiskErrorOnly() throws {
        var a = SnapshotAssembler(endpoint: "x")
        for o in try LabFixtures.diskObservations(at: t0, later: false) { a.apply(o) }
        a.apply(EngineObservation(.node(hostname: "node2"), .failure(path: EnginePath.systemDF, error: "timed out"), at: t0))
        XCTAssertEqual(a.snapshot.engines[1].diskError, "timed out")
        XCTAssertNil(a.snapshot.engines[1].error, "its containers are not stale for it")
        XCTAssertNotNil(a.snapshot.engines[1].diskUsage, "the last answer is kept")
    }

    /// Totals as `docker system df` computes them, compared in bytes with the answer's parts.
    func testTotalsOfNode1() throws {
        let usage = try LabFixtures.decode(DiskUsage.self, "disk/system-df-node1.json")
        let totals = DiskTotals.of(usage)
        XCTAssertEqual(totals.map(\.kind), DiskTotals.Kind.allCases)
        XCTAssertEqual(totals[2], DiskTotals(kind: .volumes, total: 1, active: 0, size: 1_048_576, reclaimable: 1_048_576))
        XCTAssertEqual(totals[2].reclaimablePercent, 100)
        XCTAssertEqual(totals[3], DiskTotals(kind: .buildCache, total: 0, active: 0, size: 0, reclaimable: 0))
        XCTAssertNil(totals[3].reclaimablePercent)
        let containers = usage.containers ?? []
        XCTAssertEqual(totals[1].size, containers.reduce(0) { $0 + ($1.sizeRw ?? 0) })
        XCTAssertEqual(totals[1].total, containers.count)
        let swarm = DiskTotals.sum([totals, totals])
        XCTAssertEqual(swarm[1].size, 2 * totals[1].size)
        XCTAssertEqual(swarm[0].active, 2 * totals[0].active)
    }
}
