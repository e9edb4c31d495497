/// The identity of a selectable row, stable across snapshots: the selection follows it.
public enum RowID: Sendable, Hashable {
    /// A node, by node ID.
    case node(String)
    /// A stack heading in the services pane, by stack name.
    case stack(String)
    /// A service, by service ID.
    case service(String)
    /// A task (a row of the tasks pane or a card of the placement grid), by task ID.
    case task(String)
    /// A container, by the hostname of its node and its container ID.
    case container(hostname: String, id: String)
    /// An entry of the event timeline, by `TimelineEntry.id`.
    case event(Int)
}
