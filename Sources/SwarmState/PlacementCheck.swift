/// Whether a node can take a task now: swarmkit's scheduler pipeline (`manager/scheduler`)
/// for the filters swarmtop can follow from a snapshot (ready, resources, constraints, max
/// replicas per node), in its order. Not followed: volume and network plugins, the image's
/// platforms and host-mode ports already in use.
public enum PlacementCheck {
    /// The first filter that refuses the task on the node, nil when the node can take it.
    /// - Parameters:
    ///   - requirements: what the task asks (`TaskRequirements`).
    ///   - node: the node, as the manager lists it.
    ///   - load: what the tasks already on the node hold of it (`NodeLoad.loads`).
    public static func failure(_ requirements: TaskRequirements, on node: Node, load: NodeLoad) -> PlacementFailure? {
        let state = node.status?.state ?? ""
        if state != "ready" { return .down(state: state) }
        let availability = node.spec?.availability ?? ""
        if availability != "active" { return .unavailable(availability: availability) }
        if requirements.nanoCPUs > 0 || requirements.memoryBytes > 0 {
            let total = node.description?.resources
            let free = PlacementFailure.Need(nanoCPUs: (total?.nanoCPUs ?? 0) - load.nanoCPUs,
                                             memoryBytes: (total?.memoryBytes ?? 0) - load.memoryBytes)
            if requirements.nanoCPUs > free.nanoCPUs || requirements.memoryBytes > free.memoryBytes {
                return .resources(need: .init(nanoCPUs: requirements.nanoCPUs, memoryBytes: requirements.memoryBytes),
                                  free: free, reservedBy: load.reservingTasks)
            }
        }
        if let unmet = requirements.parsedConstraints.first(where: { !$0.isMet(by: node) }) {
            return .constraint(unmet)
        }
        let running = load.tasksByService[requirements.serviceID] ?? 0
        if requirements.maxReplicas > 0, running >= requirements.maxReplicas {
            return .maxReplicas(limit: requirements.maxReplicas, running: running)
        }
        return nil
    }
}
