import Foundation

/// Why a node cannot take a task: the first of swarmkit's scheduler filters (`manager/scheduler`)
/// that refuses it, in the scheduler's order (ready, resources, constraints, max replicas).
public enum PlacementFailure: Sendable, Hashable {
    /// The node is not `ready` (its status state: `down`, `unknown`, `disconnected`).
    case down(state: String)
    /// The node is not `active` (`pause` or `drain`): no new tasks are placed on it.
    case unavailable(availability: String)
    /// The node lacks the CPU or memory the task reserves: what it needs and what is left
    /// (the node's resources less the reservations of the tasks on it), in nano-CPUs and bytes.
    case resources(need: Need, free: Need, reservedBy: Int)
    /// The node does not meet this placement constraint (the first of the task's that it does not).
    case constraint(PlacementConstraint)
    /// The node already runs `running` tasks of the service, the most `limit` allows.
    case maxReplicas(limit: UInt64, running: Int)

    /// An amount of CPU (nano-CPUs) and memory (bytes).
    public struct Need: Sendable, Hashable {
        public var nanoCPUs: Int64
        public var memoryBytes: Int64
        public init(nanoCPUs: Int64, memoryBytes: Int64) {
            self.nanoCPUs = nanoCPUs
            self.memoryBytes = memoryBytes
        }
    }

    /// The scheduler filter that refuses, in swarmkit's order.
    public enum Filter: Int, Sendable, Hashable, Comparable {
        case ready, resources, constraint, maxReplicas
        public static func < (a: Filter, b: Filter) -> Bool { a.rawValue < b.rawValue }

        /// The filter's own words for `nodes` refusals (its `Explain`), as they appear in the
        /// engine's `no suitable node (…)`, e.g. `scheduling constraints not satisfied on 2 nodes`.
        public func explain(nodes: Int) -> String {
            let count = nodes == 1 ? "1 node" : "\(nodes) nodes"
            switch self {
            case .ready: return "\(count) not available for new tasks"
            case .resources: return "insufficient resources on \(count)"
            case .constraint: return "scheduling constraints not satisfied on \(count)"
            case .maxReplicas: return "max replicas per node limit exceed"
            }
        }
    }

    /// The filter this failure comes from.
    public var filter: Filter {
        switch self {
        case .down, .unavailable: .ready
        case .resources: .resources
        case .constraint: .constraint
        case .maxReplicas: .maxReplicas
        }
    }

    /// What the node lacks, in words, for one line per node: `drained: no new tasks are placed on it`,
    /// `reserves 1000GiB memory, 22.1GiB free (23.4GiB less 1.3GiB reserved by 3 tasks)`,
    /// `node.labels.gpu==true not met: node2 has no label gpu`, `runs 1 task of the service, max 1 per node`.
    public func reason(on node: Node) -> String {
        switch self {
        case .down(let state):
            return "\(state.isEmpty ? "not ready" : state): no new tasks are placed on it"
        case .unavailable(let availability):
            return "\(availability == "drain" ? "drained" : availability == "pause" ? "paused" : availability): no new tasks are placed on it"
        case .resources(let need, let free, let reservedBy):
            var parts: [String] = []
            let total = node.description?.resources
            if need.nanoCPUs > free.nanoCPUs {
                parts.append("reserves \(Self.cpus(need.nanoCPUs)), \(Self.cpus(free.nanoCPUs)) free"
                             + " (\(Self.cpus(total?.nanoCPUs ?? 0)) less \(Self.cpus((total?.nanoCPUs ?? 0) - free.nanoCPUs)) reserved by \(Self.tasks(reservedBy)))")
            }
            if need.memoryBytes > free.memoryBytes {
                parts.append("reserves \(GoUnits.binarySize(need.memoryBytes)) memory, \(GoUnits.binarySize(free.memoryBytes)) free"
                             + " (\(GoUnits.binarySize(total?.memoryBytes ?? 0)) less"
                             + " \(GoUnits.binarySize((total?.memoryBytes ?? 0) - free.memoryBytes)) reserved by \(Self.tasks(reservedBy)))")
            }
            return parts.joined(separator: "; ")
        case .constraint(let constraint):
            return "\(constraint.text) not met: \(constraint.unmetReason(node))"
        case .maxReplicas(let limit, let running):
            return "runs \(Self.tasks(running)) of the service, max \(limit) per node"
        }
    }

    /// Nano-CPUs as CPUs: `0.5 CPU`, `2 CPUs`.
    static func cpus(_ nano: Int64) -> String {
        let n = Double(nano) / 1e9
        return String(format: "%g", n) + (n == 1 ? " CPU" : " CPUs")
    }

    static func tasks(_ n: Int) -> String { n == 1 ? "1 task" : "\(n) tasks" }
}
