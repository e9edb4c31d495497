import SwarmState

/// The node keys `a` / `p` / `d`: set the selected node's availability.
extension AppState {
    /// Asks to set the selected node's availability, saying how many tasks will move.
    mutating func setSelectedNodeAvailability(_ availability: NodeAvailability) {
        guard let snapshot, case .node(let id)? = selection.id, let node = snapshot.node(id: id) else { return }
        let host = node.hostname
        if node.spec?.availability == availability.rawValue { return refuse("\(host) is already \(availability.adjective)") }
        let running = snapshot.tasks.filter { $0.nodeID == id && $0.desiredState == "running" }
        let perNode = running.filter {
            let mode = snapshot.service(id: $0.serviceID)?.spec.mode
            return mode?.global != nil || mode?.globalJob != nil
        }
        let moving = running.count - perNode.count
        var message: [String]
        switch availability {
        case .drain:
            message = ["Drain node \(host)?",
                       "\(Self.tasks(moving)) will move: shut down on \(host) and started again on other nodes"
                           + (moving == 0 ? "." : " (" + Self.names(running.filter { !perNode.contains($0) }, snapshot) + ").")]
            if !perNode.isEmpty {
                message.append("\(Self.tasks(perNode.count)) of global services will be shut down, not moved (\(Self.names(perNode, snapshot))).")
            }
            message.append("No new tasks are placed on \(host) until it is active again.")
        case .pause:
            message = ["Pause node \(host)?",
                       "No task will move: its \(Self.tasks(running.count)) keep running, and no new tasks are placed on it."]
        case .active:
            message = ["Activate node \(host)?",
                       "No task will move: the scheduler may place new tasks on it, but running tasks are not rebalanced."]
        }
        dialog = .confirm(Confirmation(title: "Node availability", message: message,
                                       effect: .setAvailability(nodeID: id, hostname: host, from: node.spec?.availability ?? "", availability),
                                       progress: "setting \(host) to \(availability.rawValue)…"))
    }

    private static func tasks(_ n: Int) -> String { n == 1 ? "1 task" : "\(n) tasks" }

    /// Task names as `docker service ps` shows them, at most 6, then `…`.
    private static func names(_ tasks: [SwarmTask], _ snapshot: ClusterSnapshot) -> String {
        let all = tasks.map(snapshot.taskName).sorted()
        return all.prefix(6).joined(separator: ", ") + (all.count > 6 ? ", …" : "")
    }
}
