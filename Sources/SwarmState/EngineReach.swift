import Foundation

/// Whether swarmtop reaches a node's own engine (for its containers and their sizes), as the
/// Nodes pane and `snapshot` say it.
public enum EngineReach: Sendable, Hashable, CustomStringConvertible {
    /// Its containers were listed and its last query succeeded.
    case ok
    /// Its engine is followed but did not answer, or the template did not expand for it: why.
    case unreachable(String)
    /// Followed, not answered yet.
    case connecting
    /// No `--node-host`, template or context names its engine.
    case notConfigured

    /// `engine: ok`, `unreachable: reason`, `connecting`, `not configured`.
    public var description: String {
        switch self {
        case .ok: "engine: ok"
        case .unreachable(let reason): "unreachable: \(reason)"
        case .connecting: "connecting"
        case .notConfigured: "not configured"
        }
    }

    /// The Nodes pane's ENGINE cell: `ok`, `unreachable: reason`, `connecting`, `not configured`.
    public var short: String {
        if case .ok = self { return "ok" }
        return description
    }
}

extension ClusterSnapshot {
    /// Each node's `EngineReach`, by node ID: its engine is the one followed under its hostname.
    public var engineReach: [String: EngineReach] {
        let byHostname = Dictionary(engines.map { ($0.hostname, $0) }, uniquingKeysWith: { first, _ in first })
        return Dictionary(nodes.map { node in
            guard let engine = byHostname[node.hostname] else { return (node.id, EngineReach.notConfigured) }
            if let error = engine.error { return (node.id, .unreachable(error)) }
            return (node.id, engine.listedAt == nil ? .connecting : .ok)
        }, uniquingKeysWith: { first, _ in first })
    }
}
