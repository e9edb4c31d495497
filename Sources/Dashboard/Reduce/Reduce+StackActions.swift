import SwarmState

/// The stack keys: remove (`D`, confirmed by typing the name) and stop / start (`X`).
extension AppState {
    /// `D`: remove the selected stack, or the stack of the selected service, once its name is typed.
    /// - Returns: the read of the stack's secrets, configs and networks the dialog waits for.
    mutating func removeSelectedStack() -> [Effect] {
        guard let stack = selectedStack() else { return [] }
        return confirmRemoval(of: stack)
    }

    /// Asks for `stack`'s name to be typed before removing it (`D`, `:stack rm`). The dialog lists
    /// the stack's services from the snapshot and waits for its secrets, configs and networks
    /// (`Effect.listStack`, answered by `stackListed`); the removal acts on exactly what it lists.
    /// - Returns: the read the dialog waits for.
    mutating func confirmRemoval(of stack: Stack) -> [Effect] {
        let contents = StackContents(stack: stack.name, objects: [.services: Self.listed(stack.services)])
        var confirmation = Confirmation(title: "Remove stack", message: Self.removalMessage(contents),
                                        effect: .removeStack(contents), progress: "removing stack \(stack.name)…")
        confirmation.waiting = "reading its secrets, configs and networks…"
        dialog = .typeName(NameConfirmation(confirmation: confirmation, name: stack.name))
        return [.listStack(name: stack.name)]
    }

    /// Fills the open remove dialog of `contents.stack` with the secrets, configs and networks
    /// just listed; an answer for another dialog (or none) is dropped.
    mutating func receiveStackList(_ listed: StackContents) {
        guard case .typeName(var typed)? = dialog, case .removeStack(var contents) = typed.confirmation.effect,
              contents.stack == listed.stack, typed.confirmation.waiting != nil else { return }
        for kind in [StackObjectKind.secrets, .configs, .networks] { contents.objects[kind] = listed[kind] }
        typed.confirmation.effect = .removeStack(contents)
        typed.confirmation.message = Self.removalMessage(contents)
        typed.confirmation.waiting = nil
        dialog = .typeName(typed)
    }

    /// The read for the remove dialog failed: it says so and stays unconfirmable.
    mutating func stackListFailed(_ name: String, message: String) {
        guard case .typeName(var typed)? = dialog, case .removeStack(let contents) = typed.confirmation.effect,
              contents.stack == name, typed.confirmation.waiting != nil else { return }
        typed.confirmation.waiting = "\(message): Esc, then D to try again"
        dialog = .typeName(typed)
    }

    /// The remove dialog's paragraphs: every object it removes, by kind (secrets, configs and
    /// networks once listed).
    private static func removalMessage(_ contents: StackContents) -> [String] {
        let name = contents.stack
        let services = contents[.services].map(\.name)
        var message = [
            "Remove stack \(name)?",
            services.count == 1 ? "Its service is removed: \(services[0])."
                : "Its \(services.count) services are removed: \(services.joined(separator: ", ")).",
        ]
        if contents.objects[.networks] == nil {
            message.append("So are its secrets, configs and networks (labelled com.docker.stack.namespace=\(name)), as docker stack rm does. Volumes are kept.")
        } else {
            let others = [StackObjectKind.secrets, .configs, .networks].compactMap { kind -> String? in
                let names = contents[kind].map(\.name).sorted()
                return names.isEmpty ? nil : "\(names.count == 1 ? kind.singular : kind.rawValue) \(names.joined(separator: ", "))"
            }
            message.append((others.isEmpty ? "It has no secrets, configs or networks." : "So are its " + others.joined(separator: "; ") + ".")
                           + " Volumes are kept.")
        }
        message.append("Type \(name) and press Enter to remove it." + NameConfirmation.typingHint(name))
        return message
    }

    /// The stack's services as the objects a stack action acts on (ID, name, labels).
    static func listed(_ services: [Service]) -> [StackObject] {
        services.map { StackObject(id: $0.id, name: $0.name, labels: $0.spec.labels ?? [:]) }
    }

    /// `X`: stop the selected stack (its replicated services scaled to 0, counts kept in the
    /// label `swarmtop.replicas`), or start it again when any of its services carries the label.
    mutating func stopOrStartSelectedStack() {
        guard let stack = selectedStack() else { return }
        guard let confirmation = Self.stopOrStartConfirmation(stack) else {
            return refuse("stack \(stack.name) has no replicated service to stop")
        }
        dialog = .confirm(confirmation)
    }

    /// The dialog `X` opens for `stack`: start it when any of its services carries the label
    /// `swarmtop.replicas`, else stop it; nil when it has nothing to stop. What it lists (the
    /// service IDs and counts) is what the action acts on, nothing looked up again.
    static func stopOrStartConfirmation(_ stack: Stack) -> Confirmation? {
        let listed = StackContents(stack: stack.name, objects: [.services: Self.listed(stack.services)])
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
            return Confirmation(title: "Start stack", message: message, effect: .startStack(listed),
                                progress: "starting stack \(stack.name)…")
        }
        let replicated = stack.services.filter(\.isReplicated)
        let others = stack.services.filter { !$0.isReplicated }
        guard !replicated.isEmpty else { return nil }
        var message = [
            "Stop stack \(stack.name)?",
            "Its replicated services are scaled to 0: "
                + replicated.map { "\($0.name) (\(Self.replicaCount($0)))" }.joined(separator: ", ") + ".",
            "Each count is kept in the service label \(label): X starts the stack again, from any swarmtop.",
        ]
        if !others.isEmpty {
            message.append("Not stoppable, left running: " + others.map { "\($0.name) (\($0.modeName))" }.joined(separator: ", ") + ".")
        }
        return Confirmation(title: "Stop stack", message: message, effect: .stopStack(listed),
                            progress: "stopping stack \(stack.name)…")
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
