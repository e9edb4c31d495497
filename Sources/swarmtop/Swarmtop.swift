import Actions
import ArgumentParser
import Dashboard
import Foundation
import Recording
import Session
import Settings
import SwarmState
import TerminalUI

/// `swarmtop [dashboard]`: opens the live dashboard on a swarm manager's engine.
struct Swarmtop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The live dashboard (the default command).",
        discussion: """
        The manager endpoint is chosen as the docker CLI chooses it: --context, else --host, else \
        DOCKER_HOST (with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH), else DOCKER_CONTEXT, else the \
        config file's context or host, else the current context (docker context use), else \
        unix:///var/run/docker.sock. \
        Containers and their writable layers exist only on each node's own engine: give them all \
        with --node-host-template (e.g. ssh://ops@{hostname}, tcp://{addr}:2376), or each with \
        --node-host HOSTNAME=URL (or SWARMTOP_NODE_HOSTS=host1=url1,host2=url2, or [node_hosts] in \
        the config file). Without any, the manager's engine is asked. Every option can be set in \
        the config file; --print-config shows what is in force. Press ? in the dashboard for the keys.
        """)

    @OptionGroup var engines: EngineOptions

    @Option(help: ArgumentHelp("Colour theme: a name from the themes folders (default, dark, light, solarized-dark, high-contrast, mono) or a theme file's path.", valueName: "name"))
    var theme: String?

    @Option(help: ArgumentHelp("The pane shown at start.", valueName: "pane"))
    var pane: PaneArgument?

    @Flag(name: .customLong("print-config"), help: "Print the effective settings and where each came from, then exit.")
    var printConfig = false

    @Option(help: ArgumentHelp("Seconds between polls of the services' task counts while the swarm is steady (everything else follows events) \(Configuration.helpDefault(\.interval)).", valueName: "seconds"))
    var interval: Double?

    @Option(name: .customLong("fast-interval"), help: ArgumentHelp("Seconds between polls of a changing service's tasks, right after a change and while they are starting or stopping \(Configuration.helpDefault(\.fastInterval)).", valueName: "seconds"))
    var fastInterval: Double?

    @Option(name: .customLong("size-interval"), help: ArgumentHelp("Least seconds between writable-layer size queries (size=1) on each engine; longer when a query takes more than 5% of the time \(Configuration.helpDefault(\.sizeInterval)).", valueName: "seconds"))
    var sizeInterval: Double?

    @Option(name: .customLong("resync-interval"), help: ArgumentHelp("Seconds between full re-lists of nodes and services, in case an event was lost \(Configuration.helpDefault(\.resyncInterval)).", valueName: "seconds"))
    var resyncInterval: Double?

    @Option(help: ArgumentHelp("Record what the engines answer to this file while the dashboard runs (swarmtop replay FILE shows it again).", valueName: "file"))
    var record: String?

    @Flag(name: .customLong("read-only"), inversion: .prefixedNo, help: "Disable every action (scale, stop, remove).")
    var readOnly: Bool?

    /// What the command line sets, for `EffectiveSettings`.
    private var flags: ConfigLayer {
        ConfigLayer(theme: theme, pane: pane?.pane, readOnly: readOnly, host: engines.host.first, context: engines.context,
                    nodeHosts: engines.nodeHosts.isEmpty ? nil : engines.nodeHosts, interval: interval,
                    fastInterval: fastInterval, sizeInterval: sizeInterval, resyncInterval: resyncInterval,
                    timeout: engines.timeout, nodeHostTemplate: engines.nodeHostTemplate, managerHosts: Array(engines.host.dropFirst()))
    }

    func run() async throws {
        try await usage { try await dashboard() }
    }

    private func dashboard() async throws {
        let env = ProcessInfo.processInfo.environment
        let config = try EffectiveSettings.resolve(flags: flags, environment: env)
        // --print-config shows the settings, then checks them as the dashboard would.
        if printConfig { print(EffectiveSettings.report(config, environment: env)) }
        try EffectiveSettings.validate(config)
        let themes = EffectiveSettings.themes(environment: env)
        let theme = try EffectiveSettings.theme(config, from: themes)
        let endpoints = try EffectiveSettings.endpoints(config, environment: env)
        let keymap = try EffectiveSettings.keymap(config)
        if printConfig { return print(endpoints.resolved.printed) }
        let log = ActionLog(path: ActionLog.defaultPath(env))
        let ui = DashboardUI()
        let recorder = try record.map { try Recorder(path: $0, endpoint: endpoints.manager.description, swarmtop: SwarmtopCommand.configuration.version) }
        let ticker = recorder?.tickEverySecond()
        let live = SwarmSource.Live(flags: flags, environment: env, log: log, observer: recorder.map { $0.observe })
        // A recording holds one swarm: no :context while recording.
        let open: SwarmSession.Opener? = recorder == nil ? { @Sendable in try live.open(context: $0) } : nil
        let session = SwarmSession(try live.open(endpoints, config: config), open: open) { ui.post(.snapshot($0)) }
        let state = AppState.starting(config, keymap: keymap, manager: endpoints.resolved, actionLog: log.path,
                                      themeNames: themes.names(), contextNames: EffectiveSettings.contextNames(environment: env))
        let trim = Allocator.trimEvery(Allocator.trimInterval)
        let stats = env["SWARMTOP_STATS_FILE"].map { path in Task { await RequestStatsFile.write(session, to: path) } }
        let (exit, unfinished) = await ui.run(state, theme: theme, themes: themes, session: session)
        // The terminal is restored: say what did not finish, before the clients' shutdown cuts it off.
        for line in session.current.source.recorder.interrupt(unfinished, at: Date()) {
            FileHandle.standardError.write(Data("swarmtop: \(line)\n".utf8))
        }
        stats?.cancel()
        trim.cancel()
        if let path = env["SWARMTOP_STATS_FILE"], let connections = session.current.source.connections {
            RequestStatsFile.save(connections, to: path)
        }
        await session.shutdown()
        ticker?.cancel()
        try recorder?.finish()
        try exit.end()
    }
}
