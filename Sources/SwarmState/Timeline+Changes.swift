import Foundation

/// The timeline's entries from the difference between two snapshots: what no event tells
/// (tasks have no events; engines that stop answering) and what an event stream that was down
/// missed (replicas, node state and availability, update state, services and stacks removed).
extension Timeline {
    /// Adds the entries of the change from `before` to `after`. Collections that did not
    /// change (the same array) cost nothing; new objects count only once `before` had a
    /// complete answer (`refreshedAt`), so the first snapshot adds no history.
    /// - Parameter at: when the change was seen (a task's own status timestamp wins).
    mutating func noteChanges(from before: ClusterSnapshot, to after: ClusterSnapshot, at: Date) {
        let known = before.refreshedAt != nil
        if before.tasks != after.tasks { noteTasks(from: before, to: after, known: known, at: at) }
        if before.nodes != after.nodes { noteNodes(from: before, to: after, at: at) }
        if before.services != after.services { noteServices(from: before, to: after, known: known, at: at) }
        if before.engines != after.engines || before.error != after.error { noteEngines(from: before, to: after, at: at) }
    }

    /// Tasks whose current state became `failed` or `rejected`, with their error.
    private mutating func noteTasks(from before: ClusterSnapshot, to after: ClusterSnapshot, known: Bool, at: Date) {
        var previous: [String: String] = [:]
        previous.reserveCapacity(before.tasks.count)
        for task in before.tasks { previous[task.id] = task.state }
        for task in after.tasks where task.state == "failed" || task.state == "rejected" {
            guard let was = previous[task.id] ?? (known ? "" : nil), was != task.state else { continue }
            let err = task.status?.err ?? ""
            add(TimelineEntry(time: task.status?.timestamp ?? at, kind: task.state == "failed" ? .taskFailed : .taskRejected,
                              object: .init(type: "task", id: task.id, name: after.taskName(task)),
                              node: after.node(id: task.nodeID)?.hostname,
                              message: err.isEmpty ? task.state : "\(task.state): \(err)"))
        }
    }

    /// Nodes whose status (`ready`, `down`) or availability (`active`, `pause`, `drain`) changed.
    private mutating func noteNodes(from before: ClusterSnapshot, to after: ClusterSnapshot, at time: Date) {
        for node in after.nodes {
            guard let old = before.node(id: node.id) else { continue }
            let object = TimelineEntry.Object(type: "node", id: node.id, name: node.hostname)
            if let was = old.status?.state, let now = node.status?.state, was != now {
                add(Self.stateEntry(old: was, new: now, object: object, at: time), fact: "state \(node.id)", value: now)
            }
            if let was = old.spec?.availability, let now = node.spec?.availability, was != now {
                add(TimelineEntry(time: time, kind: .availability, object: object, node: node.hostname,
                                  message: "availability \(was) -> \(now)"),
                    fact: "availability \(node.id)", value: now)
            }
        }
    }

    /// Services created, removed, scaled, or whose update state changed; stacks whose every
    /// service is gone.
    private mutating func noteServices(from before: ClusterSnapshot, to after: ClusterSnapshot, known: Bool, at time: Date) {
        for service in after.services {
            let object = TimelineEntry.Object(type: "service", id: service.id, name: service.name)
            guard let old = before.service(id: service.id) else {
                if known {
                    add(TimelineEntry(time: time, kind: .serviceCreated, object: object, message: "created"),
                        fact: "service \(service.id)", value: "created")
                }
                continue
            }
            if let was = old.spec.mode?.replicated?.replicas, let now = service.spec.mode?.replicated?.replicas, was != now {
                add(TimelineEntry(time: time, kind: .scaled, object: object, message: "scaled \(was) -> \(now)"),
                    fact: "replicas \(service.id)", value: String(now))
            }
            if let now = service.updateStatus?.state, now != old.updateStatus?.state {
                add(Self.updateEntry(now, message: service.updateStatus?.message, object: object, at: time),
                    fact: "updatestate \(service.id)", value: now)
            }
        }
        for service in before.services where after.service(id: service.id) == nil {
            created(service.id, at: nil)
            add(TimelineEntry(time: time, kind: .serviceRemoved, object: .init(type: "service", id: service.id, name: service.name),
                              message: "removed"),
                fact: "service \(service.id)", value: "removed")
        }
        let stacksAfter = Set(after.services.compactMap(\.stack))
        for stack in stacksAfter { remember("stack \(stack)", "deployed") }
        // Its services may go over several polls: the stack is removed when the last one is.
        for stack in Set(before.services.compactMap(\.stack)).subtracting(stacksAfter).sorted() {
            add(TimelineEntry(time: time, kind: .stackRemoved, object: .init(type: "stack", id: stack, name: stack), message: "removed"),
                fact: "stack \(stack)", value: "removed")
        }
    }

    /// Engines (the manager, each node's) that stopped answering, or answer again after that
    /// was reported.
    private mutating func noteEngines(from before: ClusterSnapshot, to after: ClusterSnapshot, at time: Date) {
        var engines = [("manager", before.error, after.error, EngineObservation.Engine.manager.hostname(in: after))]
        for engine in after.engines {
            let old = before.engines.first { $0.hostname == engine.hostname }
            guard let old else { continue }
            // The manager's own engine fails with the manager: said once, as the manager.
            guard engine.error == nil || engine.error != after.error else { continue }
            engines.append((engine.hostname, old.error, engine.error, engine.hostname))
        }
        for (name, was, now, host) in engines where (was == nil) != (now == nil) {
            let object = TimelineEntry.Object(type: "engine", id: name, name: name)
            if let now {
                add(TimelineEntry(time: time, kind: .engineUnreachable, object: object, node: host, message: "unreachable: \(now)"),
                    fact: "engine \(name)", value: "unreachable")
            } else if reported("engine \(name)") == "unreachable" {
                add(TimelineEntry(time: time, kind: .engineBack, object: object, node: host, message: "answering again"),
                    fact: "engine \(name)", value: "answering")
            }
        }
    }
}
