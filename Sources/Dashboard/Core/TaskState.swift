/// A swarm task's state (`Status.State`, the Engine API's `TaskState` since v1.24), for its
/// colour: each state is a theme role (`[task_state.NAME]` in a theme file) that falls back
/// to ok, warn, error or dim.
public enum TaskState: String, Sendable, Hashable, CaseIterable {
    case new, allocated, pending, assigned, accepted, preparing, ready, starting, running
    case complete, shutdown, failed, rejected, remove, orphaned

    /// The role a theme that does not name this state uses: running is ok, a task on its way
    /// is a warning, failed and rejected are errors, the end states are dim.
    public var fallbackRole: Style.Role {
        switch self {
        case .running: .ok
        case .new, .allocated, .pending, .assigned, .accepted, .preparing, .ready, .starting: .warn
        case .failed, .rejected: .error
        case .complete, .shutdown, .remove, .orphaned: .dim
        }
    }
}
