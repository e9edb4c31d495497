import DockerAPI
import Foundation
import Recording
import SwarmState
import XCTest

/// A recording made on the lab while the refresh engine runs gives back, replayed, every
/// snapshot the engine published, at the moment it published it.
final class RecordReplayIntegrationTests: XCTestCase {
    func testEveryPublishedSnapshotComesBackFromTheRecording() async throws {
        let service = "hrec-it-\(UUID().uuidString.prefix(6).lowercased())"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(service).swarmrec.gz").path
        defer {
            _ = try? Lab.docker(["service", "rm", service])
            try? FileManager.default.removeItem(atPath: path)
        }
        let nodes = try Lab.nodeURLs().map { ($0.0, try DockerEndpoint(parsing: $0.1)) }
        let connections = try Connections(manager: DockerEndpoint(parsing: Lab.managerURL()), nodeHosts: nodes, timeout: 5)
        let recorder = try Recorder(path: path, endpoint: connections.manager.endpoint.description, swarmtop: "test")
        let published = Published()
        let engine = RefreshEngine(connections: connections, intervals: .init(poll: 0.5, sizes: 2), observer: recorder.observe)
        let run = Task { await engine.run { published.append($0) } }
        // The swarm moves while it records: a service created, scaled, removed.
        try await Task.sleep(for: .seconds(3))
        _ = try Lab.docker(["service", "create", "--detach", "--name", service, "--replicas", "1", "swarmtop-lab/busybox:1",
                            "sh", "-c", "while true; do sleep 3600; done"])
        try await Task.sleep(for: .seconds(4))
        _ = try Lab.docker(["service", "scale", "--detach", "\(service)=3"])
        try await Task.sleep(for: .seconds(4))
        _ = try Lab.docker(["service", "rm", service])
        try await Task.sleep(for: .seconds(4))
        run.cancel()
        await run.value
        await connections.shutdown()
        XCTAssertNil(recorder.close())

        let snapshots = published.all
        XCTAssertGreaterThan(snapshots.count, 5)
        XCTAssertTrue(snapshots.contains { $0.services.contains { $0.name == service } }, "the recording saw the service")
        // Replayed through the assembler, the snapshot after each observation is one the engine
        // published, in the same order: every published one is met.
        let reader = try RecordingReader(path: path)
        var assembler = SnapshotAssembler(endpoint: reader.header.endpoint)
        var replayed = [assembler.snapshot]
        while let observation = try reader.next() {
            if assembler.apply(observation) { replayed.append(assembler.snapshot) }
        }
        var index = 0
        for snapshot in snapshots {
            guard let found = replayed[index...].firstIndex(of: snapshot) else {
                return XCTFail("published snapshot \(snapshots.firstIndex(of: snapshot) ?? -1) of \(snapshots.count) is not in the replay")
            }
            index = found
        }
    }
}

/// The snapshots published, in order.
private final class Published: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshots: [ClusterSnapshot] = []

    func append(_ snapshot: ClusterSnapshot) { lock.withLock { snapshots.append(snapshot) } }
    var all: [ClusterSnapshot] { lock.withLock { snapshots } }
}
