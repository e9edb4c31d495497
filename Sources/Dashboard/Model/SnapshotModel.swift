import Foundation
import SwarmState

/// Everything the panes show that depends only on the snapshot, computed once when it
/// arrives (k9s' render step): the rows of every pane, the placement grid, the status text.
struct SnapshotModel: Sendable {
    var nodes: [TableRow] = []
    var services: [TableRow] = []
    var tasks: [TableRow] = []
    var containers: [TableRow] = []
    var placement: [PlacementColumnModel] = []
    /// `API 1.41  refreshed 11:42:05`, without the endpoint; `refreshed 11:42:05 (stale)` while
    /// the manager does not answer and the panes show what it last said.
    var freshness = ""
    /// True while the manager does not answer after it once did: every pane is its last answer.
    var isStale = false
    /// The manager's error and the failing engines' errors, e.g. `node2: cannot reach …`.
    var problems: String?

    init() {}

    init(_ snapshot: ClusterSnapshot, timeZone: TimeZone) {
        nodes = NodesView.rows(snapshot)
        services = ServicesView.rows(snapshot)
        tasks = TasksView.rows(snapshot)
        containers = ContainersView.rows(snapshot)
        placement = PlacementView.columns(snapshot)
        isStale = snapshot.error != nil && snapshot.refreshedAt != nil
        freshness = [
            snapshot.apiVersion.map { "API \($0)" },
            snapshot.refreshedAt.map { "refreshed \(Format.clock($0, timeZone: timeZone))" + (isStale ? " (stale)" : "") },
        ].compactMap { $0 }.joined(separator: "  ")
        // An engine that is the manager's own (no --node-host: empty hostname) fails with the
        // manager: its error is said once. A --node-host that names no node is a typo to point out.
        let hostnames = Set(snapshot.nodes.map(\.hostname))
        let errors = [snapshot.error].compactMap { $0 } + snapshot.engines.compactMap { engine in
            engine.error.flatMap { error in
                engine.hostname.isEmpty ? (error == snapshot.error ? nil : error) : "\(engine.hostname): \(error)"
            }
        } + snapshot.engines.compactMap { engine in
            engine.hostname.isEmpty || hostnames.isEmpty || hostnames.contains(engine.hostname) ? nil
                : "--node-host \(engine.hostname): no node of the swarm has this hostname"
        }
        problems = errors.isEmpty ? nil : errors.joined(separator: "; ")
    }

    /// The table of a pane (all rows, before any scope) and its columns; empty for placement.
    func table(_ pane: Pane, scope: Scope?) -> PaneTable {
        let (columns, rows): ([Column], [TableRow]) = switch pane {
        case .nodes: (NodesView.columns, nodes)
        case .services: (ServicesView.columns, services)
        case .tasks: (TasksView.columns, tasks)
        case .containers: (ContainersView.columns, containers)
        case .placement: ([], [])
        }
        guard let scope else { return PaneTable(columns: columns, rows: rows) }
        return PaneTable(columns: columns, rows: rows.filter(scope.includes))
    }
}
