import DockerAPI
import Foundation
import SwarmState

/// A feed that publishes its snapshots when run, then waits to be cancelled; it asks no engine.
actor StubFeed: SwarmFeed {
    private let snapshots: [ClusterSnapshot]
    /// How often `refreshNow` was called.
    private(set) var refreshes = 0
    /// True once `run` has returned (its task was cancelled).
    private(set) var ended = false

    init(_ snapshots: [ClusterSnapshot] = []) {
        self.snapshots = snapshots
    }

    func run(publish: @escaping @Sendable (ClusterSnapshot) -> Void) async {
        for snapshot in snapshots { publish(snapshot) }
        let (cancelled, cancel) = AsyncStream.makeStream(of: Void.self)
        await withTaskCancellationHandler {
            for await _ in cancelled {}
        } onCancel: {
            cancel.finish()
        }
        ended = true
    }

    func refreshNow() async {
        refreshes += 1
    }

    func refreshSize(hostname: String, containerID: String) async throws -> DockerClient.ContainerSize {
        throw DockerError.transport(endpoint: "stub", reason: "a stub measures nothing")
    }

    var current: ClusterSnapshot { snapshots.last ?? ClusterSnapshot(endpoint: "stub") }
}

/// The snapshots a session publishes, in order, as an async sequence.
final class Published: Sendable {
    let snapshots: AsyncStream<ClusterSnapshot>
    let publish: @Sendable (ClusterSnapshot) -> Void

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: ClusterSnapshot.self)
        snapshots = stream
        publish = { continuation.yield($0) }
    }
}
