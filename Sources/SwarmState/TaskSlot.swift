import Foundation

/// A task's place in its service, as `docker service ps` groups a task's history: its slot for
/// a replicated service, its node for a global one (whose tasks have no slot).
public struct TaskSlot: Sendable, Hashable {
    public var serviceID: String
    /// The slot, nil for a global service's task.
    public var slot: Int?
    /// The node of a global service's task, nil for a replicated one's.
    public var nodeID: String?

    /// The slot `task` belongs to.
    public init(_ task: SwarmTask) {
        serviceID = task.serviceID
        slot = task.slot
        nodeID = task.slot == nil ? task.nodeID : nil
    }
}

extension ClusterSnapshot {
    /// Each slot's tasks, the newest first: the slot's current task (desired state `running`
    /// or `ready`) before the others, then by the time of their last state change (`Status.Timestamp`).
    public var slotHistories: [TaskSlot: [SwarmTask]] { Self.histories(tasks) }

    /// `tasks` grouped by slot, each slot's newest first (see `slotHistories`).
    static func histories(_ tasks: [SwarmTask]) -> [TaskSlot: [SwarmTask]] {
        Dictionary(grouping: tasks, by: TaskSlot.init).mapValues { history in
            history.sorted { a, b in
                let (ka, kb) = (Self.recency(a), Self.recency(b))
                return ka.current != kb.current ? ka.current : (ka.time, a.id) > (kb.time, b.id)
            }
        }
    }

    /// The IDs of the tasks that ended long ago: state `shutdown`, `complete`, `failed` or
    /// `rejected`, and not the newest task of their slot (`docker ps` without `-a` leaves out
    /// the containers that exited in the same spirit). While a slot's newest task is on its way
    /// (a restart), the failure before it is not one of them: it says why the slot restarts.
    public var endedTaskIDs: Set<String> {
        var ids: Set<String> = []
        for history in slotHistories.values {
            var restartReason = history.first?.isTransitional == true
            for task in history.dropFirst() where Self.endStates.contains(task.state) {
                if restartReason, task.state == "failed" || task.state == "rejected" {
                    restartReason = false
                    continue
                }
                ids.insert(task.id)
            }
        }
        return ids
    }

    /// The IDs of the tasks starting again after a failure: on their way (`SwarmTask.isTransitional`)
    /// while the task before them in their slot failed or was rejected, a restart loop.
    public var restartingTaskIDs: Set<String> {
        // Only the slots of tasks on their way are read: most snapshots have none.
        let slots = Set(tasks.lazy.filter(\.isTransitional).map(TaskSlot.init))
        guard !slots.isEmpty else { return [] }
        var ids: Set<String> = []
        for history in Self.histories(tasks.filter { slots.contains(TaskSlot($0)) }).values {
            for (task, previous) in zip(history, history.dropFirst())
            where task.isTransitional && (previous.state == "failed" || previous.state == "rejected") {
                ids.insert(task.id)
            }
        }
        return ids
    }

    /// The states of a task that is over.
    static let endStates: Set<String> = ["shutdown", "complete", "failed", "rejected"]

    private static func recency(_ task: SwarmTask) -> (current: Bool, time: Date) {
        (task.desiredState == "running" || task.desiredState == "ready", task.status?.timestamp ?? .distantPast)
    }
}
