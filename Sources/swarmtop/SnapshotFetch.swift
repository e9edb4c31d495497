import DockerAPI
import Foundation
import SwarmState

/// One read of the swarm for `swarmtop snapshot`: the manager's nodes, services and tasks and
/// every node engine's containers with their writable-layer sizes, all at once, no live loop.
enum SnapshotFetch {
    /// Asks the manager, then every node engine `Connections.plan` names for its nodes,
    /// concurrently (at most `Connections.limiter`'s bound at once). An engine that fails has its
    /// error in the snapshot (`error` for the manager, `NodeEngine.error` for a node engine)
    /// instead of throwing.
    static func fetch(_ connections: Connections) async -> ClusterSnapshot {
        let manager = connections.manager
        var snapshot = ClusterSnapshot(endpoint: manager.endpoint.description)
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
        snapshot.engines = await containers(connections.plan(nodes: snapshot.nodes, managerHostname: snapshot.info?.name), connections)
        return snapshot
    }

    private static func containers(_ hosts: [Connections.NodeHost], _ connections: Connections) async -> [NodeEngine] {
        await withTaskGroup(of: (Int, NodeEngine).self) { group in
            for (index, host) in hosts.enumerated() {
                group.addTask {
                    var engine = NodeEngine(hostname: host.hostname, endpoint: host.choice.endpoint?.description ?? "",
                                            error: host.choice.problem)
                    engine.origin = host.choice.origin.description
                    guard let endpoint = host.choice.endpoint else { return (index, engine) }
                    do {
                        let client = try connections.client(for: endpoint)
                        engine.containers = try await connections.limiter.run { try await client.containers(size: true) }
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
