/// What a drilled-down pane is restricted to (Enter pushes one, Esc pops it).
public enum Scope: Sendable, Hashable {
    /// The tasks of one service.
    case serviceTasks(serviceID: String, name: String)
    /// The tasks assigned to one node.
    case nodeTasks(nodeID: String, hostname: String)
    /// The services of one stack.
    case stackServices(stack: String)

    /// The pane that shows the scoped rows.
    public var pane: Pane {
        switch self {
        case .serviceTasks, .nodeTasks: .tasks
        case .stackServices: .services
        }
    }

    /// The scope as the tab bar names it, e.g. `tasks of lab_web`.
    public var label: String {
        switch self {
        case .serviceTasks(_, let name): "tasks of \(name)"
        case .nodeTasks(_, let hostname): "tasks on \(hostname)"
        case .stackServices(let stack): "services of stack \(stack)"
        }
    }

    /// True when `row` belongs in the scoped view.
    func includes(_ row: TableRow) -> Bool {
        switch self {
        case .serviceTasks(let id, _): row.serviceID == id
        case .nodeTasks(let id, _): row.nodeID == id
        case .stackServices(let stack): row.stack == stack && !row.isHeading
        }
    }
}

/// A place in the UI: a pane and its scope (nil for the whole pane).
public struct Location: Sendable, Hashable {
    /// The pane shown.
    public var pane: Pane
    /// What it is restricted to; nil for the whole pane.
    public var scope: Scope?

    /// A place in the UI.
    public init(pane: Pane, scope: Scope? = nil) {
        self.pane = pane
        self.scope = scope
    }
}
