import SwarmState

/// The action keys: each checks what is selected, refuses with a status message when it
/// cannot apply, and otherwise opens a dialog that says exactly what will happen.
extension AppState {
    /// `+` / `-`: scale the selected replicated service by one, after confirmation.
    mutating func scale(by delta: Int) {
        guard let service = scalableSelectedService() else { return }
        let current = service.spec.mode?.replicated?.replicas ?? 0
        if delta < 0, current == 0 { return refuse("\(service.name) has no replicas to remove") }
        if delta > 0, current >= ReplicaInput.maximum { return refuse("\(service.name) is at the maximum of \(ReplicaInput.maximum) replicas") }
        dialog = .confirm(Self.scaleConfirmation(service.id, service.name, from: current, to: delta < 0 ? current - 1 : current + 1))
    }

    /// `=`: ask for the selected replicated service's replica count.
    mutating func openReplicaInput() {
        guard let service = scalableSelectedService() else { return }
        dialog = .replicas(ReplicaInput(serviceID: service.id, serviceName: service.name,
                                        current: service.spec.mode?.replicated?.replicas ?? 0))
    }

    /// `x`: stop the selected container, or the container of the selected task.
    mutating func stopSelectedContainer() {
        guard let snapshot else { return }
        switch selection.id {
        case .container(let hostname, let id)?:
            guard let container = snapshot.engines.first(where: { $0.hostname == hostname })?
                .containers.first(where: { $0.id == id }) else { return }
            let state = container.state ?? ""
            guard ["running", "paused", "restarting"].contains(state) else {
                return refuse("\(container.name) is not running (\(state))")
            }
            var message = ["Stop container \(container.name) on \(hostname)?"]
            if container.taskID != nil {
                message.append("It runs a task of \(container.serviceName ?? "a swarm service"): swarm will start a new task to replace it.")
            }
            confirmStop(hostname: hostname, containerID: id, name: container.name, message: message)
        case .task(let id)?:
            guard let task = snapshot.tasks.first(where: { $0.id == id }) else { return }
            let name = snapshot.taskName(task)
            guard task.state == "running", let containerID = task.status?.containerStatus?.containerID, !containerID.isEmpty else {
                return refuse("\(name) has no running container (\(task.state.isEmpty ? "unknown" : task.state))")
            }
            let hostname = snapshot.node(id: task.nodeID)?.hostname ?? task.nodeID ?? "?"
            guard let engine = snapshot.engines.first(where: { $0.hostname == hostname }) else {
                return refuse("swarmtop does not reach the engine of \(hostname): give it with --node-host to stop containers there")
            }
            let containerName = engine.containers.first { $0.id == containerID }?.name ?? String(containerID.prefix(12))
            confirmStop(hostname: hostname, containerID: containerID, name: containerName, message: [
                "Stop container \(containerName) on \(hostname)?",
                "It runs task \(name): swarm will start a new task to replace it.",
            ])
        default:
            return
        }
    }

    /// `D`: remove the selected stack, or the stack of the selected service.
    mutating func removeSelectedStack() {
        guard let snapshot else { return }
        let stack: String
        switch selection.id {
        case .stack(let name)?:
            stack = name
        case .service(let id)?:
            guard let service = snapshot.service(id: id) else { return }
            guard let name = service.stack else { return refuse("\(service.name) belongs to no stack") }
            stack = name
        default:
            return
        }
        let services = snapshot.stacks.first { $0.name == stack }?.services.map(\.name) ?? []
        dialog = .confirm(Confirmation(
            title: "Remove stack",
            message: [
                "Remove stack \(stack)?",
                services.count == 1 ? "Its service is removed: \(services[0])."
                    : "Its \(services.count) services are removed: \(services.joined(separator: ", ")).",
                "So are its secrets, configs and networks (labelled com.docker.stack.namespace=\(stack)). Volumes are kept.",
            ],
            effect: .removeStack(name: stack), progress: "removing stack \(stack)…"))
    }

    /// Yes in a dialog: a confirmation closes and returns its effect; the replica input moves
    /// on to its confirmation when the number is acceptable.
    mutating func confirmDialog() -> [Effect] {
        switch dialog {
        case .confirm(let confirmation)?:
            dialog = nil
            status = StatusMessage(confirmation.progress, isPending: true)
            return [confirmation.effect]
        case .replicas(var input)?:
            switch UInt64(input.text) {
            case nil: input.error = "type a number of replicas"
            case let n? where n > ReplicaInput.maximum: input.error = "at most \(ReplicaInput.maximum) replicas"
            case let n? where n == input.current: input.error = "\(input.serviceName) already has \(n) replicas"
            case let n?:
                dialog = .confirm(Self.scaleConfirmation(input.serviceID, input.serviceName, from: input.current, to: n))
                return []
            }
            dialog = .replicas(input)
            return []
        case nil:
            return []
        }
    }

    /// The selected service if it can be scaled; otherwise nil, with a status message saying
    /// why (nothing at all when nothing is selected).
    private mutating func scalableSelectedService() -> Service? {
        guard let id = selection.id else { return nil }
        guard case .service(let serviceID) = id, let service = snapshot?.service(id: serviceID) else {
            refuse("select a service to scale")
            return nil
        }
        if let reason = Self.scaleRefusal(service) {
            refuse(reason)
            return nil
        }
        return service
    }

    /// Why a service has no replica count to set, nil for a replicated service.
    static func scaleRefusal(_ service: Service) -> String? {
        let mode = service.spec.mode
        if mode?.global != nil { return "\(service.name) is a global service: one task per node, no replica count to scale" }
        if mode?.replicatedJob != nil { return "\(service.name) is a replicated job: it runs to completion, no replica count to scale" }
        if mode?.globalJob != nil { return "\(service.name) is a global job: one task per node runs to completion, no replica count to scale" }
        if !service.isReplicated { return "\(service.name) has no replica count to scale" }
        return nil
    }

    private static func scaleConfirmation(_ id: String, _ name: String, from current: UInt64, to target: UInt64) -> Confirmation {
        var message = ["Scale service \(name) from \(current) to \(target) replicas?"]
        if target == 0 { message.append("All of its tasks will be shut down.") }
        return Confirmation(title: "Scale service", message: message,
                            effect: .scale(serviceID: id, serviceName: name, replicas: target),
                            progress: "scaling \(name) to \(target)…")
    }

    private mutating func confirmStop(hostname: String, containerID: String, name: String, message: [String]) {
        dialog = .confirm(Confirmation(title: "Stop container", message: message,
                                       effect: .stopContainer(hostname: hostname, containerID: containerID, name: name),
                                       progress: "stopping \(name) on \(hostname)…"))
    }

    private mutating func refuse(_ reason: String) {
        status = StatusMessage(reason, isError: true)
    }
}
