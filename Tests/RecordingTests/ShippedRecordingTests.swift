import Foundation
@testable import Recording
import SwarmState
import XCTest

/// The recording of the lab that ships in the repository (scripts/record-lab): read back and
/// written again, it gives its own lines byte for byte (every delta reproduced the engine's
/// bytes, and the same observations give the same line), and it assembles into a moving swarm.
final class ShippedRecordingTests: XCTestCase {
    private let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("recordings/lab.swarmrec.gz").path

    func testReadAndWrittenAgainItIsTheSameFile() throws {
        let reader = try RecordingReader(path: path)
        var encoder = ObservationEncoder(start: reader.header.start)
        let lines = try GzipLines(path: path)
        _ = try lines.next()  // the header
        var count = 0
        while let observation = try reader.next() {
            let original = try XCTUnwrap(try lines.next())
            let again = try encoder.encode(observation).dropLast()
            XCTAssertEqual(again, original, "line \(count + 2)")
            count += 1
        }
        XCTAssertNil(try lines.next())
        XCTAssertGreaterThan(count, 1000)
    }

    func testItAssemblesIntoTheSwarmAsItMoved() throws {
        let reader = try RecordingReader(path: path)
        var assembler = SnapshotAssembler(endpoint: reader.header.endpoint)
        var webReplicas: [Int] = []
        var node2Down = false
        while let observation = try reader.next() {
            guard assembler.apply(observation) else { continue }
            let snapshot = assembler.snapshot
            let web = snapshot.services.first { $0.name == "hrec_shop_web" }?.id
            let running = snapshot.tasks.filter { $0.serviceID == web && $0.state == "running" }.count
            if webReplicas.last != running { webReplicas.append(running) }
            if snapshot.nodes.contains(where: { $0.hostname == "node2" && $0.status?.state == "down" }) { node2Down = true }
        }
        XCTAssertTrue(webReplicas.contains(5) && webReplicas.contains(2), "\(webReplicas)")
        XCTAssertEqual(webReplicas.last, 0, "the stack removed")
        XCTAssertTrue(node2Down)
    }
}
