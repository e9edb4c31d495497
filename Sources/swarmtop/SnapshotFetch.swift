import DockerAPI
import Foundation
import SwarmState

/// One read of the swarm for `swarmtop snapshot`: the manager's nodes, services and tasks and
/// every node engine's containers with their writable-layer sizes, all at once, no live loop.
enum SnapshotFetch {
    /// Asks every engine once, concurrently. An engine that fails has its error in the snapshot
    /// (`error` for the manager, `NodeEngine.error` for a node engine) instead of throwing.
    static func fetch(_ connections: Connections) async -> ClusterSnapshot {
        let manager = connections.manager
        var snapshot = ClusterSnapshot(endpoint: manager.endpoint.description)
        async let engines = containers(connections)
        do {
            async let version = manager.apiVersion()
            async let info = manager.info()
            async let nodes = manager.nodes()
            async let services = manager.services()
            async let tasks = manager.tasks()
            snapshot.apiVersion = try await version.description
            snapshot.info = try await info
            snapshot.nodes = try await nodes
            snapshot.services = try await services
            snapshot.tasks = try await tasks
            snapshot.refreshedAt = Date()
        } catch {
            snapshot.error = (error as? DockerError)?.description ?? String(describing: error)
        }
        snapshot.engines = await engines.map { engine in
            var engine = engine
            if engine.hostname.isEmpty { engine.hostname = snapshot.info?.name ?? "" }
            return engine
        }
        return snapshot
    }

    private static func containers(_ connections: Connections) async -> [NodeEngine] {
        await withTaskGroup(of: (Int, NodeEngine).self) { group in
            for (index, node) in connections.nodes.enumerated() {
                group.addTask {
                    var engine = NodeEngine(hostname: node.hostname, endpoint: node.client.endpoint.description)
                    do {
                        engine.containers = try await node.client.containers(size: true)
                        engine.listedAt = Date()
                        engine.sizesAt = engine.listedAt
                    } catch {
                        engine.error = (error as? DockerError)?.description ?? String(describing: error)
                    }
                    return (index, engine)
                }
            }
            var engines: [(Int, NodeEngine)] = []
            for await result in group { engines.append(result) }
            return engines.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
