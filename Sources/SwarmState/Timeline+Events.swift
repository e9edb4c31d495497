import Foundation

/// The timeline's entries from the engines' events (`GET /events`): services created, updated,
/// scaled, rolled back and removed, nodes down, ready and drained (managers), containers that
/// died (every node's own engine). Other events (networks, container starts…) add nothing.
extension Timeline {
    /// Adds the entries of one event, unless the engine already sent it (a reopened stream).
    /// - Parameters:
    ///   - event: the decoded event.
    ///   - engine: the engine that sent it (a container event's node, when its attributes do not say).
    ///   - at: when it was observed (used when the event has no time).
    ///   - snapshot: the snapshot after it, for node hostnames.
    mutating func note(_ event: DockerEvent, from engine: EngineObservation.Engine, at: Date, in snapshot: ClusterSnapshot) {
        guard !isReplay(event, from: engine) else { return }
        let time = event.timeNano.map { Date(timeIntervalSince1970: Double($0) / 1e9) }
            ?? event.time.map { Date(timeIntervalSince1970: Double($0)) } ?? at
        let id = event.actor?.id ?? ""
        let attributes = event.actor?.attributes ?? [:]
        let name = attributes["name"] ?? String(id.prefix(12))
        switch (event.type, event.baseAction) {
        case ("service", let action):
            noteService(action, id: id, name: name, attributes: attributes, at: time, in: snapshot)
        case ("node", "update"):
            noteNode(id: id, name: name, attributes: attributes, at: time)
        case ("container", "die"), ("container", "oom"):
            let host = snapshot.node(id: attributes["com.docker.swarm.node.id"])?.hostname ?? engine.hostname(in: snapshot)
            let object = TimelineEntry.Object(type: "container", id: id, name: name)
            if event.baseAction == "oom" {
                add(TimelineEntry(time: time, kind: .containerOOM, object: object, node: host, message: "out of memory"))
            } else {
                let code = attributes["exitCode"].map { " (exit code \($0))" } ?? ""
                add(TimelineEntry(time: time, kind: .containerDied, object: object, node: host, message: "died" + code))
            }
        default:
            break
        }
    }

    /// `service create`, `remove`, and `update` with what changed (`replicas.old`/`.new`,
    /// `updatestate.new`, `image.old`/`.new`), as the engine's attributes say; a paused update
    /// says why when `snapshot` already has the manager's message.
    private mutating func noteService(_ action: String, id: String, name: String, attributes: [String: String], at time: Date,
                                      in snapshot: ClusterSnapshot) {
        let object = TimelineEntry.Object(type: "service", id: id, name: name)
        switch action {
        case "create":
            created(id, at: time)
            add(TimelineEntry(time: time, kind: .serviceCreated, object: object, message: "created"), fact: "service \(id)", value: "created")
        case "remove":
            created(id, at: nil)
            add(TimelineEntry(time: time, kind: .serviceRemoved, object: object, message: "removed"), fact: "service \(id)", value: "removed")
        case "update":
            var said = false
            if let old = attributes["replicas.old"], let new = attributes["replicas.new"] {
                add(TimelineEntry(time: time, kind: .scaled, object: object, message: "scaled \(old) -> \(new)"), fact: "replicas \(id)", value: new)
                said = true
            }
            if let state = attributes["updatestate.new"] {
                let status = snapshot.service(id: id)?.updateStatus
                let message = status?.state == state ? status?.message : nil
                add(Self.updateEntry(state, message: message, object: object, at: time), fact: "updatestate \(id)", value: state)
                said = true
            }
            if let old = attributes["image.old"], let new = attributes["image.new"] {
                add(TimelineEntry(time: time, kind: .serviceUpdated, object: object, message: "updated: image \(old) -> \(new)"))
                said = true
            }
            if !said && !isFresh(id, at: time) {
                add(TimelineEntry(time: time, kind: .serviceUpdated, object: object, message: "updated"))
            }
        default:
            break
        }
    }

    /// `node update` with `state.old`/`.new` or `availability.old`/`.new`; other node updates
    /// (heartbeats, the leader's bookkeeping) add nothing.
    private mutating func noteNode(id: String, name: String, attributes: [String: String], at time: Date) {
        let object = TimelineEntry.Object(type: "node", id: id, name: name)
        if let old = attributes["state.old"], let new = attributes["state.new"] {
            add(Self.stateEntry(old: old, new: new, object: object, at: time), fact: "state \(id)", value: new)
        }
        if let old = attributes["availability.old"], let new = attributes["availability.new"] {
            add(TimelineEntry(time: time, kind: .availability, object: object, node: name, message: "availability \(old) -> \(new)"),
                fact: "availability \(id)", value: new)
        }
    }

    /// A node's status change: `down` (from `ready`) or `ready` again (from `down`).
    static func stateEntry(old: String, new: String, object: TimelineEntry.Object, at time: Date) -> TimelineEntry {
        TimelineEntry(time: time, kind: new == "down" ? .nodeDown : .nodeReady, object: object, node: object.name,
                      message: "state \(old) -> \(new)")
    }

    /// A service's `UpdateStatus.State` in words: `update started`, `update completed`,
    /// `update paused`, `rollback started`, `rolled back`, `rollback paused`; a pause with the
    /// manager's message when known (why it paused, e.g. `update paused due to failure…`).
    static func updateEntry(_ state: String, message: String?, object: TimelineEntry.Object, at time: Date) -> TimelineEntry {
        let words = switch state {
        case "updating": "update started"
        case "completed": "update completed"
        case "paused": "update paused"
        case "rollback_started": "rollback started"
        case "rollback_completed": "rolled back"
        case "rollback_paused": "rollback paused"
        default: "update \(state)"
        }
        let detail = state.hasSuffix("paused") ? message.flatMap { $0.isEmpty ? nil : ": " + $0 } ?? "" : ""
        return TimelineEntry(time: time, kind: state.hasPrefix("rollback") ? .rollback : .update, object: object, message: words + detail)
    }
}

extension EngineObservation.Engine {
    /// The hostname of the node this engine is: a node engine's own; the manager's, as the
    /// swarm lists the node of `/info`'s `Swarm.NodeID`.
    func hostname(in snapshot: ClusterSnapshot) -> String? {
        switch self {
        case .node(let hostname): hostname
        case .manager: snapshot.node(id: snapshot.info?.swarm?.nodeID)?.hostname
        }
    }
}
