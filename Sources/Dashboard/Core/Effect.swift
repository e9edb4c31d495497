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
    /// Remove the objects of a stack the dialog listed, by ID, as `docker stack rm` does:
    /// services, then secrets, configs, networks; each is left alone (and named) when it no longer
    /// carries the stack's label at the time of the request.
    case removeStack(StackContents)
    /// Scale the stack's listed replicated services to 0, keeping their counts in the label `swarmtop.replicas`.
    case stopStack(StackContents)
    /// Scale the stack's listed stopped services back to the counts in their `swarmtop.replicas` label.
    case startStack(StackContents)
    /// List a stack's secrets, configs and networks for the remove dialog (a read,
    /// `GET /secrets|configs|networks` filtered on its label); the answer comes back as `Action.stackListed`.
    case listStack(name: String)
    /// Set a node's availability, as `docker node update --availability`, while it is still `from`
    /// (the `Spec.Availability` the dialog showed).
    case setAvailability(nodeID: String, hostname: String, from: String, NodeAvailability)
    /// Roll a service back to its previous spec, as `docker service rollback`.
    case rollback(serviceID: String, serviceName: String)
    /// Replace every task of a service, as `docker service update --force`.
    case forceUpdate(serviceID: String, serviceName: String)
    /// Run a command in a container through its node's engine in the full terminal, as
    /// `docker exec -it` (the dashboard is suspended meanwhile); logged in the action log.
    case exec(ExecRequest)
    /// Measure one container's writable layer now (`GET /containers/{id}/json?size=1` on its node's engine).
    case refreshSize(hostname: String, containerID: String, name: String)
    /// Read the theme called `name` (`:theme NAME`); it comes back as `Action.themeLoaded`.
    case loadTheme(name: String)
    /// Follow a log (`GET /services|tasks|containers/{id}/logs?follow=1`) until `stopLogs` or the
    /// engine ends it, posting its lines as `Action.logLines(stream:)`; it finishes when the stream does.
    case followLogs(LogTarget, stream: Int)
    /// Stop following log stream `stream` (and every older one): cancel its request.
    case stopLogs(stream: Int)
    /// Read what a container changed against its image, with the sizes of its largest files, through
    /// its node's engine (`GET /containers/{id}/changes`, `HEAD /containers/{id}/archive`); the
    /// answer is `Action.changesRead`.
    case readChanges(hostname: String, containerID: String, name: String)
    /// Ask the sizes of more of a container's changed files, on demand in the changes view
    /// (`HEAD /containers/{id}/archive?path=P` each); the answer is `Action.pathStatsRead`.
    case statPaths(hostname: String, containerID: String, name: String, paths: [String])
    /// Read the layers of a container's image through its node's engine (`GET /images/{id}/history`,
    /// `/system/df`, and the container's `LogPath`) for the image layers view numbered `view`;
    /// the answer comes back as `Action.imageLayersRead`.
    case readImageLayers(ImageLayersRequest, view: Int)
    /// Read a node, service or task from the manager, or a container from its node's engine, for
    /// the inspect view numbered `view` (`InspectTarget` names the requests); the answer comes
    /// back as `Action.inspected`.
    case inspect(InspectTarget, view: Int)
    /// Watch the swarm of the docker context `name` instead (`:context NAME`): the engines of
    /// the current one are closed and the new ones opened; the answer is `Action.contextSwitched`.
    case switchContext(name: String)
    /// Pause, step, seek or change the speed of the replay (`swarmtop replay FILE`); the answer
    /// is `Action.replayStatus`.
    case replay(ReplayControl)

    /// True for effects that change the swarm (logged in the action log); false for reads.
    public var changesSwarm: Bool {
        switch self {
        case .refreshSize, .loadTheme, .followLogs, .stopLogs, .listStack, .switchContext, .readChanges, .statPaths, .replay, .readImageLayers, .inspect: false
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
        case .listStack: "stack ls"
        case .setAvailability(_, _, _, let availability): "node update --availability \(availability.rawValue)"
        case .rollback: "service rollback"
        case .forceUpdate: "service update --force"
        case .exec: "exec"
        case .refreshSize: "measure"
        case .loadTheme: "theme"
        case .followLogs: "logs"
        case .stopLogs: "stop logs"
        case .switchContext: "context use"
        case .replay: "replay"
        case .readChanges: "diff"
        case .statPaths: "measure"
        case .readImageLayers: "history"
        case .inspect: "inspect"
        }
    }

    /// What it acts on, as named on screen: `lab_web`, `lab_web.1.abc… on node2`, `lab`, `node2`.
    public var target: String {
        switch self {
        case .scale(_, let name, _, _), .rollback(_, let name), .forceUpdate(_, let name): name
        case .stopContainer(let hostname, _, let name), .restartContainer(let hostname, _, let name),
             .refreshSize(let hostname, _, let name), .readChanges(let hostname, _, let name),
             .statPaths(let hostname, _, let name, _): "\(name) on \(hostname)"
        case .removeStack(let contents), .stopStack(let contents), .startStack(let contents): contents.stack
        case .listStack(let name), .loadTheme(let name), .switchContext(let name): name
        case .setAvailability(_, let hostname, _, _): hostname
        case .exec(let request): "\(request.name) on \(request.hostname)"
        case .followLogs(let target, _): target.label
        case .stopLogs(let stream): "log stream \(stream)"
        case .replay: "the recording"
        case .readImageLayers(let request, _): request.label
        case .inspect(let target, _): target.label
        }
    }
}
