/// A node's `Spec.Availability`, as `docker node update --availability` sets it.
public enum NodeAvailability: String, Sendable, CaseIterable {
    /// The scheduler may place tasks on the node.
    case active
    /// No new tasks; running tasks stay.
    case pause
    /// No new tasks; running tasks are shut down and rescheduled on other nodes.
    case drain
}
