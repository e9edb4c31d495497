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
    /// Calls `body` with each slot's tasks, the newest first: the slot's current task (desired
    /// state `running` or `ready`) before the others, then by the time of their last state
    /// change (`Status.Timestamp`). The tasks are sorted by slot, then so, and read slot by
    /// slot: grouped in a dictionary of arrays (twice, grouped then sorted), 10,000 tasks took
    /// 2.2 MB for each snapshot a big swarm's preparer read.
    static func forEachHistory(_ tasks: [SwarmTask], _ body: (ArraySlice<SwarmTask>) -> Void) {
        let sorted = tasks.sorted { a, b in
            if let before = slotOrder(a, b) { return before }
            let (ka, kb) = (recency(a), recency(b))
            return ka.current != kb.current ? ka.current : (ka.time, a.id) > (kb.time, b.id)
        }
        var start = sorted.startIndex
        while start < sorted.endIndex {
            var end = start + 1
            while end < sorted.endIndex, slotOrder(sorted[start], sorted[end]) == nil { end += 1 }
            body(sorted[start..<end])
            start = end
        }
    }

    /// Whether `a`'s slot comes before `b`'s (by service, slot, node); nil when it is the same slot.
    private static func slotOrder(_ a: SwarmTask, _ b: SwarmTask) -> Bool? {
        let (x, y) = (TaskSlot(a), TaskSlot(b))
        if x.serviceID != y.serviceID { return x.serviceID < y.serviceID }
        if x.slot != y.slot { return (x.slot ?? -1) < (y.slot ?? -1) }
        if x.nodeID != y.nodeID { return (x.nodeID ?? "") < (y.nodeID ?? "") }
        return nil
    }

    /// The IDs of the tasks that ended long ago: state `shutdown`, `complete`, `failed` or
    /// `rejected`, and not the newest task of their slot (`docker ps` without `-a` leaves out
    /// the containers that exited in the same spirit). While a slot's newest task is on its way
    /// (a restart), the failure before it is not one of them: it says why the slot restarts.
    public var endedTaskIDs: Set<String> {
        var ids: Set<String> = []
        Self.forEachHistory(tasks) { history in
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
        Self.forEachHistory(tasks.filter { slots.contains(TaskSlot($0)) }) { history in
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
