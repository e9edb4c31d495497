import SwarmState

extension AppState {
    /// The container of the selected row, for the views that read one through its node's engine
    /// (changes `d`, image layers `L`): a container row's (Containers, Disk), or a task row's
    /// container on the task's node (Tasks). A task without a container yet is refused on the
    /// status line.
    /// - Returns: the node's hostname and the container ID; nil for any other row.
    mutating func selectedContainer() -> (hostname: String, containerID: String)? {
        guard let snapshot, let id = selection.id else { return nil }
        switch id {
        case .container(let hostname, let containerID):
            return (hostname, containerID)
        case .task(let taskID):
            guard let task = snapshot.tasks.first(where: { $0.id == taskID }) else { return nil }
            guard let containerID = task.status?.containerStatus?.containerID, !containerID.isEmpty,
                  let hostname = snapshot.node(id: task.nodeID)?.hostname else {
                refuse("\(snapshot.taskName(task)) has no container yet (\(task.state.isEmpty ? "unknown" : task.state))")
                return nil
            }
            return (hostname, containerID)
        default:
            return nil
        }
    }
}
