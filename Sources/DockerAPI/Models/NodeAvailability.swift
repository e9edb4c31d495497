/// A node's `Spec.Availability`, as `docker node update --availability` sets it.
public enum NodeAvailability: String, Sendable, CaseIterable {
    /// The scheduler may place tasks on the node.
    case active
    /// No new tasks; running tasks stay.
    case pause
    /// No new tasks; running tasks are shut down and rescheduled on other nodes.
    case drain

    /// The word for a node in this availability: `active`, `paused`, `drained`.
    public var adjective: String {
        switch self {
        case .active: "active"
        case .pause: "paused"
        case .drain: "drained"
        }
    }
}
