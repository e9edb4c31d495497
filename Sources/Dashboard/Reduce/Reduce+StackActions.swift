import SwarmState

/// The stack keys: remove (`D`, confirmed by typing the name) and stop / start (`X`).
extension AppState {
    /// `D`: remove the selected stack, or the stack of the selected service, once its name is typed.
    mutating func removeSelectedStack() {
        guard let stack = selectedStack() else { return }
        confirmRemoval(of: stack)
    }

    /// Asks for `stack`'s name to be typed before removing it (`D`, `:stack rm`).
    mutating func confirmRemoval(of stack: Stack) {
        let services = stack.services.map(\.name)
        let confirmation = Confirmation(
            title: "Remove stack",
            message: [
                "Remove stack \(stack.name)?",
                services.count == 1 ? "Its service is removed: \(services[0])."
                    : "Its \(services.count) services are removed: \(services.joined(separator: ", ")).",
                "So are its secrets, configs and networks (labelled com.docker.stack.namespace=\(stack.name)), as docker stack rm does. Volumes are kept.",
                "Type \(stack.name) and press Enter to remove it." + NameConfirmation.typingHint(stack.name),
            ],
            effect: .removeStack(name: stack.name), progress: "removing stack \(stack.name)…")
        dialog = .typeName(NameConfirmation(confirmation: confirmation, name: stack.name))
    }

    /// `X`: stop the selected stack (its replicated services scaled to 0, counts kept in the
    /// label `swarmtop.replicas`), or start it again when any of its services carries the label.
    mutating func stopOrStartSelectedStack() {
        guard let stack = selectedStack() else { return }
        let label = ServiceSpecEditor.stoppedReplicasLabel
        let stopped = stack.services.filter { $0.spec.labels?[label] != nil }
        if !stopped.isEmpty {
            let others = stack.services.filter { $0.spec.labels?[label] == nil }.map(\.name)
            var message = [
                "Start stack \(stack.name)?",
                "Its stopped services are scaled back to the counts kept in their label \(label), which is then removed: "
                    + stopped.map { "\($0.name) \(Self.replicaCount($0)) → \($0.spec.labels?[label] ?? "?")" }.joined(separator: ", ") + ".",
            ]
            if !others.isEmpty { message.append("Left as they are: \(others.joined(separator: ", ")).") }
            dialog = .confirm(Confirmation(title: "Start stack", message: message, effect: .startStack(name: stack.name),
                                           progress: "starting stack \(stack.name)…"))
            return
        }
        let replicated = stack.services.filter(\.isReplicated)
        let others = stack.services.filter { !$0.isReplicated }
        guard !replicated.isEmpty else { return refuse("stack \(stack.name) has no replicated service to stop") }
        var message = [
            "Stop stack \(stack.name)?",
            "Its replicated services are scaled to 0: "
                + replicated.map { "\($0.name) (\(Self.replicaCount($0)))" }.joined(separator: ", ") + ".",
            "Each count is kept in the service label \(label): X starts the stack again, from any swarmtop.",
        ]
        if !others.isEmpty {
            message.append("Not stoppable, left running: " + others.map { "\($0.name) (\($0.modeName))" }.joined(separator: ", ") + ".")
        }
        dialog = .confirm(Confirmation(title: "Stop stack", message: message, effect: .stopStack(name: stack.name),
                                       progress: "stopping stack \(stack.name)…"))
    }

    /// The selected stack, or the stack of the selected service; nil (with a message when a
    /// service of no stack is selected) otherwise.
    private mutating func selectedStack() -> Stack? {
        guard let snapshot else { return nil }
        let name: String
        switch selection.id {
        case .stack(let stack)?:
            name = stack
        case .service(let id)?:
            guard let service = snapshot.service(id: id) else { return nil }
            guard let stack = service.stack else {
                refuse("\(service.name) belongs to no stack")
                return nil
            }
            name = stack
        default:
            return nil
        }
        return snapshot.stacks.first { $0.name == name }
    }
}
