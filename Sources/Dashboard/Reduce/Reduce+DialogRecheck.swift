import SwarmState

/// An open dialog against each new snapshot: when what it acts on vanished or changed since it
/// opened, it says so and can no longer be confirmed (Esc closes it; opened again, it shows what
/// is there now). Once changed, it stays so, even if the swarm changes back.
extension AppState {
    /// Marks the open dialog changed when the snapshot no longer shows what it was built from.
    mutating func recheckDialog() {
        guard let snapshot else { return }
        switch dialog {
        case .confirm(var confirmation)? where confirmation.changed == nil:
            confirmation.changed = change(since: confirmation.effect, in: snapshot) ?? Self.countsChange(confirmation, in: snapshot)
            dialog = .confirm(confirmation)
        case .typeName(var typed)? where typed.confirmation.changed == nil:
            typed.confirmation.changed = change(since: typed.confirmation.effect, in: snapshot)
            dialog = .typeName(typed)
        case .replicas(var input)? where input.changed == nil:
            input.changed = scaleChange(serviceID: input.serviceID, name: input.serviceName, from: input.current, in: snapshot)
            dialog = .replicas(input)
        default:
            return
        }
    }

    /// What changed of what `effect` acts on, e.g. `lab_web has 3 replicas now, not 5`; nil
    /// when `snapshot` still shows it as the dialog did (or the effect has nothing to compare).
    func change(since effect: Effect, in snapshot: ClusterSnapshot) -> String? {
        switch effect {
        case .scale(let id, let name, let from, _):
            return scaleChange(serviceID: id, name: name, from: from, in: snapshot)
        case .setAvailability(let id, let hostname, let from, _):
            guard let node = snapshot.node(id: id) else { return "\(hostname) is gone" }
            let now = node.spec?.availability ?? ""
            return now == from ? nil : "\(hostname) is \(now) now, not \(from)"
        case .removeStack(let contents), .stopStack(let contents), .startStack(let contents):
            return stackChange(contents, in: snapshot)
        case .rollback(let id, let name), .forceUpdate(let id, let name):
            return snapshot.service(id: id) == nil ? "\(name) is gone" : nil
        case .stopContainer(let hostname, let id, let name), .restartContainer(let hostname, let id, let name):
            // Only an engine that answered its last list can say a container is gone.
            guard let engine = snapshot.engines.first(where: { $0.hostname == hostname }), engine.error == nil,
                  !engine.containers.contains(where: { $0.id == id }) else { return nil }
            return "\(name) on \(hostname) is gone"
        case .refreshSize, .loadTheme, .followLogs, .stopLogs, .listStack, .switchContext, .readChanges, .statPaths, .replay, .readImageLayers,
             .inspect, .exec:
            return nil
        }
    }

    /// The service's count against the one the dialog showed.
    private func scaleChange(serviceID: String, name: String, from: UInt64, in snapshot: ClusterSnapshot) -> String? {
        guard let service = snapshot.service(id: serviceID) else { return "\(name) is gone" }
        let now = count(service)
        return now == from ? nil : "\(name) has \(now) \(Self.unit(service)) now, not \(from)"
    }

    /// A stop or start dialog against the one the stack would open now: the counts it shows
    /// (and what it would do) must be the same.
    private static func countsChange(_ shown: Confirmation, in snapshot: ClusterSnapshot) -> String? {
        switch shown.effect {
        case .stopStack(let contents), .startStack(let contents):
            let now = snapshot.stacks.first { $0.name == contents.stack }.flatMap(stopOrStartConfirmation)
            return now?.message == shown.message ? nil : "the counts of stack \(contents.stack) changed"
        default:
            return nil
        }
    }

    /// The stack's services (IDs and labels) against the ones the dialog listed.
    private func stackChange(_ contents: StackContents, in snapshot: ClusterSnapshot) -> String? {
        let listed = contents[.services]
        let now = Self.listed(snapshot.services.filter { $0.stack == contents.stack })
        let listedIDs = Set(listed.map(\.id)), nowIDs = Set(now.map(\.id))
        var parts: [String] = []
        let added = now.filter { !listedIDs.contains($0.id) }.map(\.name).sorted()
        if !added.isEmpty { parts.append("now also holds " + added.joined(separator: ", ")) }
        let gone = listed.filter { !nowIDs.contains($0.id) }.map(\.name).sorted()
        if !gone.isEmpty { parts.append("no longer holds " + gone.joined(separator: ", ")) }
        let relabelled = now.filter { service in listed.contains { $0.id == service.id && $0.labels != service.labels } }.map(\.name).sorted()
        if !relabelled.isEmpty { parts.append("has new labels on " + relabelled.joined(separator: ", ")) }
        return parts.isEmpty ? nil : "stack \(contents.stack) " + parts.joined(separator: " and ")
    }
}
