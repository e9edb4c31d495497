import SwarmState

/// The nodes pane: `docker node ls` columns plus role, resources, running tasks, whether
/// swarmtop reaches the node's own engine (ENGINE: `ok`, `unreachable: reason`, `not
/// configured`; cut first, hidden after LABELS and ROLE when narrow) and the node's labels (`Spec.Labels`, as `key=value`).
enum NodesView {
    static let columns = [
        Column("HOSTNAME", min: 8, shrink: 4),
        Column("ROLE", hide: 2),
        Column("AVAILABILITY"),
        Column("STATUS"),
        Column("MANAGER STATUS"),
        Column("VERSION", min: 8, shrink: 3),
        Column("ENGINE", min: 14, shrink: 0, hide: 2),
        Column("CPUS", hide: 6),
        Column("MEMORY", hide: 5),
        Column("TASKS"),
        Column("LABELS", min: 10, shrink: 0, hide: 1),
    ]

    /// One row per node, by hostname. The node swarmtop talks to is marked ` *`, as
    /// `docker node ls` marks it; the Raft leader reads `Leader` in MANAGER STATUS.
    static func rows(_ snapshot: ClusterSnapshot) -> [TableRow] {
        let running = snapshot.runningTaskCounts
        let selfID = snapshot.info?.swarm?.nodeID
        let reach = snapshot.engineReach
        return snapshot.nodes.sorted { ($0.hostname, $0.id) < ($1.hostname, $1.id) }.map { node in
            let state = node.status?.state ?? ""
            let availability = node.spec?.availability ?? ""
            let manager = managerStatus(node)
            let engine = reach[node.id] ?? .notConfigured
            return TableRow(id: .node(node.id), cells: [
                TableCell(node.id == selfID ? node.hostname + " *" : node.hostname),
                TableCell(node.role),
                TableCell(Format.prettyPrint(availability), style: availability == "active" ? nil : Style(.warn)),
                TableCell(Format.prettyPrint(state), style: state == "ready" ? nil : Style(.error)),
                TableCell(manager, style: manager == "Unreachable" ? Style(.error) : nil),
                TableCell(node.description?.engine?.engineVersion ?? ""),
                TableCell(engine.short, style: Self.style(engine)),
                TableCell(node.description?.resources?.nanoCPUs.map(Format.cpus) ?? "",
                          sortKey: node.description?.resources?.nanoCPUs.map(Double.init)),
                TableCell(node.description?.resources?.memoryBytes.map(Format.binarySize) ?? "",
                          sortKey: node.description?.resources?.memoryBytes.map(Double.init)),
                TableCell(String(running[node.id] ?? 0), sortKey: Double(running[node.id] ?? 0)),
                TableCell((node.spec?.labels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    .joined(separator: ", ")),
            ], nodeID: node.id)
        }
    }

    /// The help's note on the ENGINE column: how to reach every node's own engine.
    static let engineHelp = [
        "ENGINE: is the node's own engine reached (containers, sizes)?",
        "Name every node's: --node-host-template ssh://user@{hostname}",
        "({addr}, {id} too), --node-host HOST=URL, or a context per node.",
    ]

    /// `ok` plain, `unreachable` as an error, `not configured` and `connecting` dim.
    private static func style(_ reach: EngineReach) -> Style? {
        switch reach {
        case .ok: nil
        case .unreachable: Style(.error)
        case .connecting, .notConfigured: Style(.dim)
        }
    }

    /// MANAGER STATUS as `docker node ls`: `Leader`, else the reachability pretty-printed; empty on workers.
    static func managerStatus(_ node: Node) -> String {
        guard let status = node.managerStatus else { return "" }
        return status.leader == true ? "Leader" : Format.prettyPrint(status.reachability ?? "")
    }
}
