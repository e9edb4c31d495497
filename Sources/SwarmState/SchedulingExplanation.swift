import Foundation

/// Why a task that wants to run is not running, in words, as swarmkit's scheduler would say
/// it: node by node, the first filter that refuses the task (`PlacementCheck`), or the image a
/// node could not find (from the engine's own error text).
public struct SchedulingExplanation: Sendable, Hashable {
    /// One node the scheduler would try, and what refuses the task there (nil: it fits).
    public struct Verdict: Sendable, Hashable {
        public var node: Node
        public var failure: PlacementFailure?
    }

    /// The task's name as `docker service ps` shows it, e.g. `hsched_gpu.1`.
    public var taskName: String
    /// The task's current state, e.g. `pending`, `rejected`.
    public var state: String
    /// The nodes tried, by hostname (empty for a task rejected by its node).
    public var verdicts: [Verdict]
    /// The engine's own error for the task (`Status.Err`), nil when it has none.
    public var engineError: String?
    /// The node that rejected the task for a missing image, from the engine's `No such image: IMAGE`.
    public var missingImage: MissingImage?

    /// A node that has not the task's image and could not pull it.
    public struct MissingImage: Sendable, Hashable {
        /// The node's hostname.
        public var node: String
        /// The image as the engine names it, e.g. `swarmtop-lab/nope:1`.
        public var image: String
    }

    /// The reason in a few words, for the Tasks pane's ERROR column, e.g. `no node has
    /// node.labels.gpu==true`, `no node has 1000GiB memory free`, `max replicas per node (1)
    /// reached on node1, node2`, `node2 drained`, `image foo:1 not found on node2`; nil when every
    /// node tried can take the task as far as swarmtop can tell.
    public var short: String? {
        if let missingImage { return "image \(missingImage.image) not found on \(missingImage.node)" }
        let refused = verdicts.compactMap { v in v.failure.map { (host: v.node.hostname, failure: $0) } }
        guard !refused.isEmpty else { return nil }
        let all = refused.count == verdicts.count && verdicts.count > 1
        var groups: [(key: String, filter: PlacementFailure.Filter, items: [(host: String, failure: PlacementFailure)])] = []
        for item in refused {
            let key = Self.groupKey(item.failure)
            if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].items.append(item) } else {
                groups.append((key, item.failure.filter, [item]))
            }
        }
        groups.sort { ($0.items.count, -$0.filter.rawValue) > ($1.items.count, -$1.filter.rawValue) }
        return groups.map { group in
            let whole = all && groups.count == 1
            let hosts = Self.hosts(group.items.map(\.host), all: whole)
            switch group.items[0].failure {
            case .down: return "\(hosts) down"
            case .unavailable(let availability):
                return "\(hosts) \(availability == "drain" ? "drained" : availability == "pause" ? "paused" : availability)"
            case .resources(let need, _, _):
                let lacking = group.items.reduce(into: (cpu: false, memory: false)) { acc, item in
                    if case .resources(_, let free, _) = item.failure {
                        acc.cpu = acc.cpu || need.nanoCPUs > free.nanoCPUs
                        acc.memory = acc.memory || need.memoryBytes > free.memoryBytes
                    }
                }
                let what = [lacking.cpu ? PlacementFailure.cpus(need.nanoCPUs) : nil,
                            lacking.memory ? GoUnits.binarySize(need.memoryBytes) + " memory" : nil].compactMap { $0 }.joined(separator: " and ")
                return whole ? "no node has \(what) free" : "not \(what) free on \(hosts)"
            case .constraint(let constraint):
                if whole { return "no node \(constraint.equals ? "has" : "meets") \(constraint.text)" }
                return "\(constraint.text) not met on \(hosts)"
            case .maxReplicas(let limit, _):
                return "max replicas per node (\(limit)) reached on \(hosts)"
            }
        }.joined(separator: "; ")
    }

    /// The scheduler's own error for this verdict, as the engine writes it when no node fits:
    /// `no suitable node (scheduling constraints not satisfied on 2 nodes)` (swarmkit's
    /// `Pipeline.Explain`: the filters' counts, most first); nil when a node fits.
    public var schedulerError: String? {
        guard !verdicts.isEmpty, verdicts.allSatisfy({ $0.failure != nil }) else { return nil }
        let counts = Dictionary(grouping: verdicts.compactMap { $0.failure?.filter }, by: { $0 }).mapValues(\.count)
        let ordered = counts.sorted { ($0.value, -$0.key.rawValue) > ($1.value, -$1.key.rawValue) }
        return "no suitable node (" + ordered.map { $0.key.explain(nodes: $0.value) }.joined(separator: "; ") + ")"
    }

    /// True when the Tasks pane shows `short` in place of the engine's error: the task waits for
    /// a node and the engine said nothing or only `no suitable node (…)`. A task rejected or
    /// failed by its node keeps the engine's own words.
    public var replacesEngineError: Bool {
        guard short != nil, missingImage == nil, state != "rejected", state != "failed" else { return false }
        return engineError.map { $0.isEmpty || $0.hasPrefix("no suitable node") } ?? true
    }

    /// The long form, one line each, for the inspect view: what the engine says, the reason in
    /// short, then each node tried with what refuses the task there (or `fits`).
    public var lines: [String] {
        var lines: [String] = []
        if let missingImage {
            lines.append("\(taskName) was rejected by \(missingImage.node): the image \(missingImage.image) is not on that node"
                         + " and could not be pulled; swarm makes a new task, on this node or another.")
            if let engineError { lines.append("The engine says: \(engineError)") }
            return lines
        }
        lines.append("\(taskName) wants to run and is \(state)" + (short == nil ? "." : ": no node it may run on can take it."))
        if let engineError, !engineError.isEmpty { lines.append("The engine says: \(engineError)") }
        lines.append(short.map { "Why: \($0)" }
                     ?? "Why: every node can take it as far as swarmtop can tell (it does not check plugins, the image's platforms or host-mode ports); it may be placed any moment.")
        for verdict in verdicts {
            lines.append("  \(verdict.node.hostname): " + (verdict.failure?.reason(on: verdict.node) ?? "fits"))
        }
        return lines
    }

    static func groupKey(_ failure: PlacementFailure) -> String {
        switch failure {
        case .down: "down"
        case .unavailable(let a): "unavailable \(a)"
        case .resources: "resources"
        case .constraint(let c): "constraint \(c.text)"
        case .maxReplicas: "max"
        }
    }

    /// Hostnames for a short text: all of them up to 3, then `+N`; `all N nodes` when `all` and more than 2.
    static func hosts(_ names: [String], all: Bool) -> String {
        if all, names.count > 2 { return "all \(names.count) nodes" }
        return names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " +\(names.count - 3)" : "")
    }
}
