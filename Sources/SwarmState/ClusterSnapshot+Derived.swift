import Foundation

/// Views derived from a snapshot: lookups, stacks, placement. Pure functions of the snapshot.
extension ClusterSnapshot {
    /// The node with this ID, if the manager listed it.
    public func node(id: String?) -> Node? {
        guard let id, let i = nodeIndex[id] else { return nil }
        return nodes[i]
    }

    /// The service with this ID, if listed.
    public func service(id: String) -> Service? {
        serviceIndex[id].map { services[$0] }
    }

    /// What `read` reads of the service with this ID, if listed; cheaper than `service(id:)`,
    /// which copies the whole service, when done for every task.
    public func service<R>(id: String, _ read: (Service) -> R) -> R? {
        serviceIndex[id].map { read(services[$0]) }
    }

    /// The name of the service with this ID, if listed.
    public func serviceName(id: String) -> String? { service(id: id, \.name) }

    /// The restart condition of the service with this ID (`any`, `on-failure`, `none`; nil when
    /// the service or its policy is not listed, which swarm takes as `any`).
    public func restartCondition(serviceID: String?) -> String? {
        guard let serviceID else { return nil }
        return service(id: serviceID)?.spec.taskTemplate?.restartPolicy?.condition
    }

    /// Tasks whose desired and current state are both `running`, per node ID.
    public var runningTaskCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for t in tasks where t.desiredState == "running" && t.state == "running" {
            if let n = t.nodeID { counts[n, default: 0] += 1 }
        }
        return counts
    }

    /// The stacks (label `com.docker.stack.namespace`) with their services, sorted by name.
    public var stacks: [Stack] {
        var byName: [String: [Service]] = [:]
        for s in services { if let stack = s.stack { byName[stack, default: []].append(s) } }
        return byName.keys.sorted().map { Stack(name: $0, services: byName[$0]!.sorted { $0.name < $1.name }) }
    }

    /// The task's name as `docker service ps` shows it: `web.3` for a replica slot,
    /// `agent.node2` (service and node hostname) for a global service's task.
    public func taskName(_ task: SwarmTask) -> String {
        let service = serviceName(id: task.serviceID) ?? String(task.serviceID.prefix(12))
        if let slot = task.slot, slot > 0 { return "\(service).\(slot)" }
        return "\(service).\(node(id: task.nodeID)?.hostname ?? task.nodeID.map { String($0.prefix(12)) } ?? "?")"
    }

    /// The placement grid: one column per node (sorted by role, managers first, then hostname),
    /// each with the tasks that should run there and do (`desired` and `current` state running
    /// or on their way), sorted by service name then slot.
    public var placement: [PlacementColumn] {
        // Indices, not tasks, are grouped and sorted: a task is a big value to copy.
        var byNode: [String: [(service: String, slot: Int, index: Int)]] = [:]
        for index in tasks.indices where tasks[index].desiredState == "running" {
            guard let node = tasks[index].nodeID else { continue }
            byNode[node, default: []].append((serviceName(id: tasks[index].serviceID) ?? "", tasks[index].slot ?? 0, index))
        }
        let ordered = nodes.sorted {
            ($0.role == "manager" ? 0 : 1, $0.hostname) < ($1.role == "manager" ? 0 : 1, $1.hostname)
        }
        return ordered.map { node in
            let keyed = (byNode[node.id] ?? []).sorted { ($0.service, $0.slot) < ($1.service, $1.slot) }
            return PlacementColumn(node: node, tasks: keyed.map { tasks[$0.index] })
        }
    }

    /// The tasks that want to run and have no node yet (desired state `running`, no `NodeID`:
    /// e.g. pending because no node meets a placement constraint), sorted by service name then
    /// slot: the placement grid's `pending` column.
    public var unplacedTasks: [SwarmTask] {
        tasks.filter { $0.desiredState == "running" && $0.nodeID == nil }
            .map { (key: (serviceName(id: $0.serviceID) ?? "", $0.slot ?? 0, $0.id), task: $0) }
            .sorted { $0.key < $1.key }.map(\.task)
    }

    /// Every container of every reached engine, with the hostname it runs on, sorted by node then name.
    public var containerRows: [ContainerRow] {
        // Each engine's containers are sorted by their names, computed once (not a name and a
        // copy of the container per comparison).
        var rows: [ContainerRow] = []
        for engine in engines.sorted(by: { $0.hostname < $1.hostname }) {
            let names = engine.containers.map(\.name)
            rows += names.indices.sorted { names[$0] < names[$1] }.map { i in
                ContainerRow(hostname: engine.hostname, container: engine.containers[i],
                             sizesAt: engine.sizeTimes[engine.containers[i].id] ?? engine.sizesAt, stale: engine.error != nil)
            }
        }
        return rows
    }
}

/// A stack: services deployed together by `docker stack deploy`.
public struct Stack: Sendable, Hashable {
    public var name: String
    public var services: [Service]
}

/// One column of the placement grid.
public struct PlacementColumn: Sendable, Hashable {
    public var node: Node
    public var tasks: [SwarmTask]
}

/// A container and where it runs, for the containers pane.
public struct ContainerRow: Sendable, Hashable {
    /// The hostname of the node whose engine listed it.
    public var hostname: String
    public var container: ContainerSummary
    /// When its size was measured (the engine's last size query, or a single measurement); nil when never.
    public var sizesAt: Date?
    /// True when its engine's last query failed (the row is the last good one).
    public var stale: Bool
}
