/// Work that touches the swarm, returned by `reduce` and run outside it (bubbletea's Cmd rule:
/// no I/O inside reduce). Its outcome comes back as `Action.effectFinished`.
public enum Effect: Sendable, Hashable {
    /// Set a replicated service's `Mode.Replicated.Replicas` (`POST /services/{id}/update`).
    case scale(serviceID: String, serviceName: String, replicas: UInt64)
    /// Stop a container through the engine of the node it runs on (`POST /containers/{id}/stop`).
    case stopContainer(hostname: String, containerID: String, name: String)
    /// Remove a stack as `docker stack rm` does: services, then secrets, configs, networks.
    case removeStack(name: String)
}
