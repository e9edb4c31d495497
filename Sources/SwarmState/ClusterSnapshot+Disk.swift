import Foundation

/// The disk view derived from a snapshot: each node engine's `docker system df` totals, the
/// swarm's, and every container's writable layer with its growth. Pure functions of the snapshot.
extension ClusterSnapshot {
    /// The engines that answered `/system/df`, with their totals (`DiskTotals.of`), in the
    /// snapshot's order.
    public var diskTotalsByNode: [(hostname: String, totals: [DiskTotals])] {
        engines.compactMap { engine in engine.diskUsage.map { (engine.hostname, DiskTotals.of($0)) } }
    }

    /// The totals of every engine that answered `/system/df`, added up (`DiskTotals.sum`).
    public var swarmDiskTotals: [DiskTotals] { DiskTotals.sum(diskTotalsByNode.map(\.totals)) }

    /// Every container of the engines' last `/system/df`, the largest writable layer first
    /// (then by node and name).
    public var diskContainers: [DiskContainer] {
        engines.flatMap { engine in
            (engine.diskUsage?.containers ?? []).map { c in
                DiskContainer(hostname: engine.hostname, container: c, history: engine.sizeHistory[c.id],
                              stale: engine.diskError != nil)
            }
        }.sorted { ($1.sizeRw, $0.hostname, $0.container.name) < ($0.sizeRw, $1.hostname, $1.container.name) }
    }

    /// Writable-layer bytes added up per service (label `com.docker.swarm.service.name`) or per
    /// stack (`com.docker.stack.namespace`), the largest first; containers outside any are left out.
    public func writableLayerTotals(by group: DiskContainer.Group) -> [(name: String, bytes: Int64)] {
        var totals: [String: Int64] = [:]
        for row in diskContainers {
            guard let name = row.name(of: group) else { continue }
            totals[name, default: 0] += row.sizeRw
        }
        return totals.map { ($0.key, $0.value) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
    }
}

/// A container as the disk view shows it: its node, its `/system/df` entry, how its writable
/// layer grew.
public struct DiskContainer: Sendable, Hashable {
    /// What containers are added up by.
    public enum Group: Sendable {
        case service, stack
    }

    public var hostname: String
    public var container: ContainerSummary
    /// Its successive sizes; nil when never measured.
    public var history: SizeHistory?
    /// True when its engine's last `/system/df` (or `/info`) failed: the row is that of the
    /// last answer.
    public var stale: Bool

    /// `SizeRw` in bytes (the engine omits a zero one).
    public var sizeRw: Int64 { container.sizeRw ?? 0 }

    /// The stack it was deployed with (label `com.docker.stack.namespace`), if any.
    public var stack: String? { container.stack }

    /// The name of its service or stack.
    public func name(of group: Group) -> String? {
        switch group {
        case .service: container.serviceName
        case .stack: stack
        }
    }
}

extension NodeEngine {
    /// The container `id` as this engine last listed it: in its container list, else in its
    /// last `/system/df` (a Disk row may come from there between two lists); nil when neither has it.
    public func container(id: String) -> ContainerSummary? {
        containers.first { $0.id == id } ?? diskUsage?.containers?.first { $0.id == id }
    }
}
