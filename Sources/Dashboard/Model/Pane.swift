/// The seven panes, in tab order (keys `1`…`7`).
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    /// `docker node ls`, `docker service ls` by stack, `docker service ps`, `docker ps -s` on
    /// every node, the placement grid of tasks per node, the disk (`docker system df` per node
    /// and writable layers with their growth), and the event timeline (what happened, newest first).
    case nodes, services, tasks, containers, placement, disk, events

    /// The tab label, e.g. `Nodes`.
    public var title: String {
        switch self {
        case .nodes: "Nodes"
        case .services: "Services"
        case .tasks: "Tasks"
        case .containers: "Containers"
        case .placement: "Placement"
        case .disk: "Disk"
        case .events: "Events"
        }
    }

    /// The digit that shows this pane (`1` for nodes … `7` for events).
    public var digit: Character { Character(String(rawValue + 1)) }

    /// The pane after this one, wrapping around (Tab).
    var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }

    /// The pane before this one, wrapping around (Shift-Tab).
    var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }
}
