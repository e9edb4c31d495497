import SwarmState

/// The action keys: each checks what is selected, refuses with a status message when it
/// cannot apply, and otherwise opens a dialog that says exactly what will happen.
extension AppState {
    /// `+` / `-`: scale the selected replicated service by one, after confirmation.
    mutating func scale(by delta: Int) {
        guard let service = scalableSelectedService() else { return }
        let current = count(service)
        if delta < 0, current == 0 { return refuse("\(service.name) has no \(Self.unit(service)) to remove") }
        if delta > 0, current >= ReplicaInput.maximum { return refuse("\(service.name) is at the maximum of \(ReplicaInput.maximum) \(Self.unit(service))") }
        dialog = .confirm(Self.scaleConfirmation(service, from: current, to: delta < 0 ? current - 1 : current + 1))
    }

    /// `=`: ask for the selected replicated service's replica count.
    mutating func openReplicaInput() {
        guard let service = scalableSelectedService() else { return }
        dialog = .replicas(ReplicaInput(serviceID: service.id, serviceName: service.name, current: count(service)))
    }

    /// `u`: undo the last scale done in this session, after confirmation.
    mutating func undoLastScale() {
        guard let last = lastScale else { return refuse("nothing to undo: no scale yet in this session") }
        guard let service = snapshot?.service(id: last.serviceID) else { return refuse("\(last.serviceName) is gone: nothing to undo") }
        let current = count(service)
        guard current != last.from else { return refuse("\(service.name) already has \(last.from) \(Self.unit(service))") }
        var confirmation = Self.scaleConfirmation(service, from: current, to: last.from)
        confirmation.title = "Undo scale"
        confirmation.message[0] = "Undo the last scale: scale \(service.name) from \(current) back to \(last.from) \(Self.unit(service))?"
        if current != last.to {
            confirmation.message.insert("swarmtop scaled it from \(last.from) to \(last.to); it has \(current) now.", at: 1)
        }
        dialog = .confirm(confirmation)
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
                message.append("It runs a task of \(container.serviceName ?? "a swarm service"): "
                               + Self.afterStop(restartCondition: snapshot.restartCondition(serviceID: container.serviceID)))
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
                return refuse("swarmtop does not reach the engine of \(hostname): give it with --node-host or --node-host-template to stop containers there")
            }
            let containerName = engine.containers.first { $0.id == containerID }?.name ?? String(containerID.prefix(12))
            confirmStop(hostname: hostname, containerID: containerID, name: containerName, message: [
                "Stop container \(containerName) on \(hostname)?",
                "It runs task \(name): " + Self.afterStop(restartCondition: snapshot.restartCondition(serviceID: task.serviceID)),
            ])
        default:
            return
        }
    }

    /// `R`: restart the selected container, as `docker restart`. A swarm task's container is
    /// refused: swarm would count the restart as the task failing, start a replacement, and
    /// leave the restarted container running outside the service.
    mutating func restartSelectedContainer() {
        guard let snapshot, case .container(let hostname, let id)? = selection.id,
              let container = snapshot.engines.first(where: { $0.hostname == hostname })?.containers.first(where: { $0.id == id })
        else { return }
        if container.taskID != nil {
            return refuse("\(container.name) runs a swarm task: restarting it would leave a container outside the service; x stops it (swarm replaces it), F redeploys the service")
        }
        dialog = .confirm(Confirmation(
            title: "Restart container",
            message: ["Restart container \(container.name) on \(hostname)?",
                      "As docker restart: it is stopped (SIGTERM, SIGKILL after 10 s) and started again, the same container."],
            effect: .restartContainer(hostname: hostname, containerID: id, name: container.name),
            progress: "restarting \(container.name) on \(hostname)…"))
    }

    /// Yes in a dialog: a confirmation closes and returns its effect; the replica input moves
    /// on to its confirmation when the number is acceptable.
    mutating func confirmDialog() -> [Effect] {
        if let dialog, !DialogView.fitsWhole(dialog, opening: opening, width: width, height: height) {
            refuse("the terminal is too small to show this dialog whole: enlarge it to answer, or Esc")
            return []
        }
        if let refusal = dialog?.refusal {
            refuse("not confirmed: \(refusal)")
            return []
        }
        switch dialog {
        case .confirm(let confirmation)?:
            dialog = nil
            status = StatusMessage(confirmation.progress, isPending: true)
            if case .scale(let id, let name, let from, let to) = confirmation.effect {
                pendingScales[id] = ScaleRecord(serviceID: id, serviceName: name, from: from, to: to)
            }
            return [confirmation.effect]
        case .typeName(var typed)?:
            guard typed.isTyped else {
                typed.error = "type \(typed.name) exactly, or Esc to cancel"
                dialog = .typeName(typed)
                return []
            }
            dialog = nil
            status = StatusMessage(typed.confirmation.progress, isPending: true)
            return [typed.confirmation.effect]
        case .replicas(var input)?:
            switch UInt64(input.text) {
            case nil: input.error = "type a number of replicas"
            case let n? where n > ReplicaInput.maximum: input.error = "at most \(ReplicaInput.maximum) replicas"
            case let n? where n == input.current: input.error = "\(input.serviceName) already has \(n) replicas"
            case let n?:
                guard let service = snapshot?.service(id: input.serviceID) else {
                    dialog = nil
                    refuse("\(input.serviceName) is gone")
                    return []
                }
                dialog = .confirm(Self.scaleConfirmation(service, from: input.current, to: n))
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

    /// Why a service has no count to set, nil for a replicated service or a replicated job.
    static func scaleRefusal(_ service: Service) -> String? {
        let mode = service.spec.mode
        if mode?.global != nil { return "\(service.name) is a global service: one task per node, no replica count to scale" }
        if mode?.globalJob != nil { return "\(service.name) is a global job: one task per node runs to completion, no replica count to scale" }
        if !service.isReplicated && mode?.replicatedJob == nil { return "\(service.name) has no replica count to scale" }
        return nil
    }

    /// The count a scale starts from: the one asked for by a scale still on its way, else the snapshot's.
    func count(_ service: Service) -> UInt64 {
        pendingScales[service.id]?.to ?? Self.replicaCount(service)
    }

    /// The count `docker service scale` sets: replicas, or a replicated job's completions
    /// (the engine's defaults when absent: 1 completion, `MaxConcurrent` of them).
    static func replicaCount(_ service: Service) -> UInt64 {
        if let job = service.spec.mode?.replicatedJob { return job.totalCompletions ?? job.maxConcurrent ?? 1 }
        return service.spec.mode?.replicated?.replicas ?? 0
    }

    /// `replicas`, or `completions` for a replicated job.
    static func unit(_ service: Service) -> String {
        service.spec.mode?.replicatedJob != nil ? "completions" : "replicas"
    }

    static func scaleConfirmation(_ service: Service, from current: UInt64, to target: UInt64) -> Confirmation {
        let name = service.name
        var message: [String]
        if service.spec.mode?.replicatedJob != nil {
            message = ["Scale replicated job \(name) from \(current) to \(target) completions?",
                       "As docker service scale: the job runs again until \(target) tasks have completed."]
        } else {
            message = ["Scale service \(name) from \(current) to \(target) replicas?"]
            if target == 0 { message.append("All of its tasks will be shut down.") }
        }
        return Confirmation(title: "Scale service", message: message,
                            effect: .scale(serviceID: service.id, serviceName: name, from: current, replicas: target),
                            progress: "scaling \(name) to \(target)…")
    }

    private mutating func confirmStop(hostname: String, containerID: String, name: String, message: [String]) {
        dialog = .confirm(Confirmation(title: "Stop container", message: message,
                                       effect: .stopContainer(hostname: hostname, containerID: containerID, name: name),
                                       progress: "stopping \(name) on \(hostname)…"))
    }

    /// What swarm does once a task's container is stopped, by the service's restart condition
    /// (`docker stop` sends SIGTERM: many processes then exit with status 0).
    static func afterStop(restartCondition: String?) -> String {
        switch restartCondition {
        case "none": "its restart policy is none, so swarm will not replace it."
        case "on-failure": "its restart policy is on-failure, so swarm replaces it only if it exits with an error; a clean exit leaves the service a task short."
        default: "swarm will start a new task to replace it."
        }
    }

    mutating func refuse(_ reason: String) {
        status = StatusMessage(reason, isError: true)
    }
}
