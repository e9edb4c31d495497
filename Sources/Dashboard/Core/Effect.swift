import SwarmState

/// Work that touches the swarm, returned by `reduce` and run outside it (bubbletea's Cmd rule:
/// no I/O inside reduce). Its outcome comes back as `Action.effectFinished`.
public enum Effect: Sendable, Hashable {
    /// Set a service's replica count (a replicated job's completions), as `docker service scale`
    /// does (`POST /services/{id}/update`); `from` is the count it replaces, for undo.
    case scale(serviceID: String, serviceName: String, from: UInt64, replicas: UInt64)
    /// Stop a container through the engine of the node it runs on (`POST /containers/{id}/stop`).
    case stopContainer(hostname: String, containerID: String, name: String)
    /// Restart a container through its node's engine, as `docker restart` (`POST /containers/{id}/restart`).
    case restartContainer(hostname: String, containerID: String, name: String)
    /// Remove a stack as `docker stack rm` does: services, then secrets, configs, networks.
    case removeStack(name: String)
    /// Scale a stack's replicated services to 0, keeping their counts in the label `swarmtop.replicas`.
    case stopStack(name: String)
    /// Scale a stack's stopped services back to the counts in their `swarmtop.replicas` label.
    case startStack(name: String)
    /// Set a node's availability, as `docker node update --availability`.
    case setAvailability(nodeID: String, hostname: String, NodeAvailability)
    /// Roll a service back to its previous spec, as `docker service rollback`.
    case rollback(serviceID: String, serviceName: String)
    /// Replace every task of a service, as `docker service update --force`.
    case forceUpdate(serviceID: String, serviceName: String)
    /// Measure one container's writable layer now (`GET /containers/{id}/json?size=1` on its node's engine).
    case refreshSize(hostname: String, containerID: String, name: String)
    /// Read the theme called `name` (`:theme NAME`); it comes back as `Action.themeLoaded`.
    case loadTheme(name: String)
    /// Follow a log (`GET /services|tasks|containers/{id}/logs?follow=1`) until `stopLogs` or the
    /// engine ends it, posting its lines as `Action.logLines(stream:)`; it finishes when the stream does.
    case followLogs(LogTarget, stream: Int)
    /// Stop following log stream `stream` (and every older one): cancel its request.
    case stopLogs(stream: Int)

    /// True for effects that change the swarm (logged in the action log); false for reads.
    public var changesSwarm: Bool {
        switch self {
        case .refreshSize, .loadTheme, .followLogs, .stopLogs: false
        default: true
        }
    }

    /// The log stream the effect starts or stops, nil for the others.
    public var logStream: Int? {
        switch self {
        case .followLogs(_, let stream), .stopLogs(let stream): stream
        default: nil
        }
    }

    /// The action's name in the action log and in messages: `scale`, `stop`, `node update`, …
    public var action: String {
        switch self {
        case .scale: "scale"
        case .stopContainer: "stop"
        case .restartContainer: "restart"
        case .removeStack: "stack rm"
        case .stopStack: "stack stop"
        case .startStack: "stack start"
        case .setAvailability(_, _, let availability): "node update --availability \(availability.rawValue)"
        case .rollback: "service rollback"
        case .forceUpdate: "service update --force"
        case .refreshSize: "measure"
        case .loadTheme: "theme"
        case .followLogs: "logs"
        case .stopLogs: "stop logs"
        }
    }

    /// What it acts on, as named on screen: `lab_web`, `lab_web.1.abc… on node2`, `lab`, `node2`.
    public var target: String {
        switch self {
        case .scale(_, let name, _, _), .rollback(_, let name), .forceUpdate(_, let name): name
        case .stopContainer(let hostname, _, let name), .restartContainer(let hostname, _, let name),
             .refreshSize(let hostname, _, let name): "\(name) on \(hostname)"
        case .removeStack(let name), .stopStack(let name), .startStack(let name), .loadTheme(let name): name
        case .setAvailability(_, let hostname, _): hostname
        case .followLogs(let target, _): target.label
        case .stopLogs(let stream): "log stream \(stream)"
        }
    }
}
