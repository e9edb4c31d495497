import ArgumentParser
import Dashboard
import Foundation
import SwarmState
import TerminalUI

/// `swarmtop`: opens the live dashboard on a swarm manager's engine.
@main
struct Swarmtop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swarmtop",
        abstract: "A live terminal dashboard for Docker Swarm: nodes, services, tasks, containers and their writable layers.",
        discussion: """
        The manager endpoint comes from --host, else DOCKER_HOST (with DOCKER_TLS_VERIFY and
        DOCKER_CERT_PATH), else unix:///var/run/docker.sock. Containers and their writable layers
        exist only on each node's own engine: give each with --node-host HOSTNAME=URL (or
        SWARMTOP_NODE_HOSTS=host1=url1,host2=url2). Without any, the manager's engine is asked.
        Press ? in the dashboard for the keys.
        """,
        version: "0.1.0")

    @Option(name: [.customShort("H"), .long], help: ArgumentHelp("Manager engine endpoint: unix:///path, tcp://host:port, https://host:port.", valueName: "url"))
    var host: String?

    @Option(name: .customLong("node-host"), help: ArgumentHelp("A node's engine, for its containers and sizes (repeatable).", valueName: "hostname=url"))
    var nodeHosts: [String] = []

    @Option(help: ArgumentHelp("Seconds between polls of the manager and the container lists.", valueName: "seconds"))
    var interval: Double = 2

    @Option(name: .customLong("size-interval"), help: ArgumentHelp("Seconds between writable-layer size queries (size=1) on each engine.", valueName: "seconds"))
    var sizeInterval: Double = 15

    @Option(help: ArgumentHelp("Seconds before a request to an engine counts as failed.", valueName: "seconds"))
    var timeout: Double = 5

    @Flag(name: .customLong("read-only"), help: "Disable every action (scale, stop, remove).")
    var readOnly = false

    func validate() throws {
        guard interval >= 0.2, sizeInterval >= 1, timeout > 0 else {
            throw ValidationError("--interval must be at least 0.2, --size-interval at least 1, --timeout above 0")
        }
    }

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let connections: Connections
        do {
            let manager = try host.map { try DockerEndpoint(parsing: $0, tls: DockerEndpoint.tlsFromEnvironment(env)) }
                ?? DockerEndpoint.fromEnvironment(env)
            let nodes = try NodeHostOption.parse(nodeHosts.isEmpty ? NodeHostOption.fromEnvironment(env) : nodeHosts,
                                                 tls: DockerEndpoint.tlsFromEnvironment(env))
            connections = try Connections(manager: manager, nodeHosts: nodes, timeout: timeout)
        } catch let error as DockerError {
            throw ValidationError(error.description)
        }
        let engine = RefreshEngine(connections: connections, intervals: .init(poll: interval, sizes: sizeInterval))
        let runner = EffectRunner(connections: connections, engine: engine)
        let box = UIBox()
        let ui = UILoop(state: AppState(endpoint: connections.manager.endpoint.description, readOnly: readOnly),
                        theme: .default) { effect in
            Task { box.loop?.post(await runner.run(effect)) }
        }
        box.loop = ui
        let refresh = Task { await engine.run { ui.post(.snapshot($0)) } }
        let exit = await withCheckedContinuation { (done: CheckedContinuation<UILoop.Exit, Never>) in
            let thread = Thread { done.resume(returning: ui.run()) }
            thread.name = "swarmtop-ui"
            thread.start()
        }
        refresh.cancel()
        await connections.shutdown()
        if case .signal(let number) = exit { throw ExitCode(128 + number) }
    }
}

/// Lets the effect closure reach the loop it belongs to (set once before the loop starts).
private final class UIBox: @unchecked Sendable {
    var loop: UILoop?
}
