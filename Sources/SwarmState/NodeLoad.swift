/// What the tasks already on a node hold of it, counted as swarmkit's scheduler counts them
/// (`NodeInfo`): a task holds its reservations from `pending` to `running` (its status state),
/// and counts toward its service's tasks on the node while its desired state is `running` or before.
public struct NodeLoad: Sendable, Hashable {
    /// CPU reserved by the tasks on the node, in nano-CPUs.
    public var nanoCPUs: Int64 = 0
    /// Memory reserved by the tasks on the node, in bytes.
    public var memoryBytes: Int64 = 0
    /// How many of the tasks on the node reserve CPU or memory.
    public var reservingTasks = 0
    /// Active tasks on the node (all services).
    public var tasks = 0
    /// Active tasks on the node by service ID.
    public var tasksByService: [String: Int] = [:]

    public init() {}

    /// Counts a task placed on the node with these requirements: its reservations, and the
    /// task itself among the node's active tasks when `active` (its desired state is not past `running`).
    public mutating func add(_ requirements: TaskRequirements, active: Bool = true) {
        nanoCPUs += requirements.nanoCPUs
        memoryBytes += requirements.memoryBytes
        if requirements.nanoCPUs > 0 || requirements.memoryBytes > 0 { reservingTasks += 1 }
        guard active else { return }
        tasks += 1
        tasksByService[requirements.serviceID, default: 0] += 1
    }

    /// The states, in swarmkit's order, in which a task on a node holds its reservations.
    static let holdingStates: Set<String> = ["pending", "assigned", "accepted", "preparing", "ready", "starting", "running"]
    /// The desired states in which a task counts as active on its node.
    static let activeDesiredStates: Set<String> = ["new", "pending", "assigned", "accepted", "preparing", "ready", "starting", "running"]

    /// Every node's load by node ID, from the snapshot's tasks (the services' specs for tasks listed without their own).
    public static func loads(_ snapshot: ClusterSnapshot) -> [String: NodeLoad] {
        var loads: [String: NodeLoad] = [:]
        for task in snapshot.tasks {
            guard let nodeID = task.nodeID, holdingStates.contains(task.state) else { continue }
            let requirements = TaskRequirements(task: task, service: snapshot.service(id: task.serviceID))
            loads[nodeID, default: NodeLoad()].add(requirements, active: activeDesiredStates.contains(task.desiredState ?? ""))
        }
        return loads
    }
}
