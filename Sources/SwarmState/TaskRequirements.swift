/// What a task asks of the node it runs on, as swarmkit's scheduler reads it from the task's
/// own spec (`Task.Spec`, a copy of the service's task template when the task was made).
public struct TaskRequirements: Sendable, Hashable {
    /// The service the task belongs to (max replicas per node counts its tasks).
    public var serviceID: String
    /// The placement constraints as written, e.g. `node.labels.gpu == true`.
    public var constraints: [String]
    /// CPU to keep free for it, in nano-CPUs (1e9 = one CPU); 0 when none.
    public var nanoCPUs: Int64
    /// Memory to keep free for it, in bytes; 0 when none.
    public var memoryBytes: Int64
    /// At most this many tasks of the service on one node; 0 is no limit.
    public var maxReplicas: UInt64
    /// The attributes the tasks are spread over, e.g. `node.labels.zone` (order only, never a refusal).
    public var spreads: [String]

    /// The requirements of `task`: its own spec's placement and reservations, or the service's
    /// task template's where the task's spec has none (a task listed without its spec).
    public init(task: SwarmTask, service: Service?) {
        let template = service?.spec.taskTemplate
        self.init(serviceID: task.serviceID, placement: task.spec?.placement ?? template?.placement,
                  resources: task.spec?.resources ?? template?.resources)
    }

    private init(serviceID: String, placement: Service.Placement?, resources: Service.ResourceRequirements?) {
        self.serviceID = serviceID
        constraints = placement?.constraints ?? []
        nanoCPUs = max(0, resources?.reservations?.nanoCPUs ?? 0)
        memoryBytes = max(0, resources?.reservations?.memoryBytes ?? 0)
        maxReplicas = placement?.maxReplicas ?? 0
        spreads = (placement?.preferences ?? []).compactMap { $0.spread?.spreadDescriptor }
    }

    /// The constraints swarmkit applies: those that parse (it refuses a service with another,
    /// so one that does not parse is ignored, as its scheduler does).
    public var parsedConstraints: [PlacementConstraint] { constraints.compactMap(PlacementConstraint.init) }
}
