import SwarmState

/// A node's column in the placement grid: its header and one card per task placed on it.
struct PlacementColumnModel: Sendable, Equatable {
    var nodeID: String
    var hostname: String
    /// Role and state, e.g. `manager ready`.
    var detail: String
    var detailStyle: Style
    var cards: [PlacementCard]
}

/// A task's card: `web.3` in its service's stable colour.
struct PlacementCard: Sendable, Equatable {
    var taskID: String
    /// The task name without the stack prefix (the colour tells the service), plus the
    /// current state when the task is not running yet, e.g. `web.3 preparing`.
    var text: String
    var style: Style
}

/// The placement pane's model: `ClusterSnapshot.placement` turned into cards.
enum PlacementView {
    /// The columns, each card in its service's colour: distinct colours for up to 11 services,
    /// the oldest keeping theirs (`Style.services`).
    static func columns(_ snapshot: ClusterSnapshot) -> [PlacementColumnModel] {
        let byAge = snapshot.services.sorted { ($0.createdAt ?? .distantPast, $0.id) < ($1.createdAt ?? .distantPast, $1.id) }
        let colours = Style.services(byAge.map(\.name))
        return snapshot.placement.map { column in
            let state = column.node.status?.state ?? ""
            return PlacementColumnModel(
                nodeID: column.node.id, hostname: column.node.hostname,
                detail: [column.node.role, state].filter { !$0.isEmpty }.joined(separator: " "),
                detailStyle: state == "ready" ? Style(.dim) : Style(.error),
                cards: column.tasks.map { card($0, snapshot, colours: colours) })
        }
    }

    private static func card(_ task: SwarmTask, _ snapshot: ClusterSnapshot, colours: [String: Style]) -> PlacementCard {
        let service = snapshot.service(id: task.serviceID)
        var name = snapshot.taskName(task)
        if let stack = service?.stack, name.hasPrefix(stack + "_") { name.removeFirst(stack.count + 1) }
        let style: Style
        switch TaskState(rawValue: task.state) {
        case let failure? where failure == .failed || failure == .rejected: style = Style(.taskState(failure))
        default: style = service.flatMap { colours[$0.name] } ?? .service(named: task.serviceID)
        }
        return PlacementCard(taskID: task.id, text: task.state == "running" ? name : "\(name) \(task.state)", style: style)
    }
}
