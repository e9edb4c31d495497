/// swarmkit's scheduler as far as a snapshot shows it: every node's load counted once, so
/// that each waiting task can be explained (`explain`) and a drain planned (`drainPlan`)
/// without counting the tasks again. Pure: a function of the snapshot.
public struct SchedulingModel: Sendable {
    /// The snapshot modelled.
    public let snapshot: ClusterSnapshot
    /// What the tasks on each node hold of it, by node ID (`NodeLoad.loads`).
    public let loads: [String: NodeLoad]

    public init(_ snapshot: ClusterSnapshot) {
        self.snapshot = snapshot
        loads = NodeLoad.loads(snapshot)
    }

    /// What the task asks of a node (its own spec, else its service's).
    public func requirements(_ task: SwarmTask) -> TaskRequirements {
        TaskRequirements(task: task, service: snapshot.service(id: task.serviceID))
    }

    /// The nodes the scheduler would try for the task, each with what refuses it (nil: it fits):
    /// the task's own node when one was chosen beforehand (a global service's task), else every node.
    public func verdicts(_ task: SwarmTask) -> [SchedulingExplanation.Verdict] {
        let requirements = requirements(task)
        let nodes = task.nodeID.flatMap { snapshot.node(id: $0) }.map { [$0] } ?? snapshot.nodes.sorted { $0.hostname < $1.hostname }
        return nodes.map { SchedulingExplanation.Verdict(node: $0, failure: PlacementCheck.failure(requirements, on: $0, load: loads[$0.id] ?? NodeLoad())) }
    }

    /// True when the task wants to run and waits for a node: desired state `running`, and
    /// `new`, `pending` or `assigned` without a node, or `pending` for its global service's node.
    public static func isWaiting(_ task: SwarmTask) -> Bool {
        guard task.desiredState == "running" else { return false }
        return task.state == "pending" || (task.nodeID == nil && ["new", "assigned"].contains(task.state))
    }
}

extension SchedulingModel {
    /// Why the task is not running, nil when it does not wait for a node (`isWaiting`) and was
    /// not rejected for a missing image (`No such image: …` in its error).
    public func explain(_ task: SwarmTask) -> SchedulingExplanation? {
        let err = task.status?.err
        if task.state == "rejected" || task.state == "failed" {
            guard let err, let range = err.range(of: "No such image: ", options: .caseInsensitive) else { return nil }
            let image = err[range.upperBound...].prefix { !$0.isWhitespace }
            let node = snapshot.node(id: task.nodeID)?.hostname ?? task.nodeID ?? "its node"
            return SchedulingExplanation(taskName: snapshot.taskName(task), state: task.state, verdicts: [], engineError: err,
                                         missingImage: .init(node: node, image: String(image)))
        }
        guard Self.isWaiting(task) else { return nil }
        return SchedulingExplanation(taskName: snapshot.taskName(task), state: task.state, verdicts: verdicts(task), engineError: err)
    }
}

extension ClusterSnapshot {
    /// Why the task is not running, in lines, for the inspect view (`SchedulingExplanation.lines`):
    /// what the engine says, the reason in short, then each node the scheduler would try and what
    /// refuses the task there. Empty when the task does not wait for a node and was not rejected
    /// for a missing image. Pure: computed from this snapshot's nodes, services and tasks.
    public func whyNotRunning(_ task: SwarmTask) -> [String] {
        SchedulingModel(self).explain(task)?.lines ?? []
    }
}

extension SchedulingModel {
    /// The short reason (`SchedulingExplanation.short`) of every waiting task whose engine error
    /// it replaces (`replacesEngineError`), by task ID, for the Tasks pane. Tasks alike (same
    /// requirements, node, state and error: a service's pending replicas) are explained once.
    public func shortReasons() -> [String: String] {
        struct Alike: Hashable { var requirements: TaskRequirements, nodeID: String?, state: String, err: String? }
        var explained: [Alike: String?] = [:]
        var reasons: [String: String] = [:]
        for task in snapshot.tasks where Self.isWaiting(task) {
            let key = Alike(requirements: requirements(task), nodeID: task.nodeID, state: task.state, err: task.status?.err)
            let reason = explained[key] ?? explain(task).flatMap { $0.replacesEngineError ? $0.short : nil }
            explained[key] = reason
            if let reason { reasons[task.id] = reason }
        }
        return reasons
    }
}
