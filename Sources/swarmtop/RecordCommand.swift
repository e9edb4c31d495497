import Actions
import ArgumentParser
import Foundation
import Recording
import Session
import Settings

/// `swarmtop record FILE`: records the swarm's engines without the dashboard, until Ctrl-C
/// (or SIGTERM) or `--duration`.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record what the swarm's engines answer to FILE, without the dashboard, until Ctrl-C or --duration.",
        discussion: """
        The engines are asked as the dashboard asks them (read-only). `swarmtop replay FILE` shows the \
        recording in the dashboard; `swarmtop --record FILE` records while the dashboard runs. The \
        format (gzip JSON lines of deltas) is in docs/RECORDING.md.
        """)

    @OptionGroup var engines: EngineOptions

    @Argument(help: ArgumentHelp("The recording to write (e.g. lab.swarmrec.gz); an existing file is replaced.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Stop after this many seconds.", valueName: "seconds"))
    var duration: Double?

    func validate() throws {
        if let duration, !(duration > 0) { throw ValidationError("--duration must be more than 0 seconds") }
    }

    func run() async throws {
        try await usage { try await record() }
    }

    private func record() async throws {
        let env = ProcessInfo.processInfo.environment
        let flags = ConfigLayer(readOnly: true, host: engines.host.first, context: engines.context,
                                nodeHosts: engines.nodeHosts.isEmpty ? nil : engines.nodeHosts,
                                timeout: engines.timeout, nodeHostTemplate: engines.nodeHostTemplate,
                                managerHosts: Array(engines.host.dropFirst()))
        let config = try EffectiveSettings.resolve(flags: flags, environment: env)
        try EffectiveSettings.validate(config)
        let endpoints = try EffectiveSettings.endpoints(config, environment: env)
        let recorder = try Recorder(path: file, endpoint: endpoints.manager.description, swarmtop: SwarmtopCommand.configuration.version)
        let live = SwarmSource.Live(flags: flags, environment: env, log: ActionLog(path: ActionLog.defaultPath(env)),
                                    observer: recorder.observe)
        let session = SwarmSession(try live.open(endpoints, config: config), open: nil) { _ in }
        let ticker = recorder.tickEverySecond()
        let signal = await SignalWait.first(of: [SIGINT, SIGTERM], orAfter: duration)
        ticker.cancel()
        await session.shutdown()
        try recorder.finish()
        FileHandle.standardError.write(Data("swarmtop: recorded \(recorder.fileBytes) bytes to \(file)\n".utf8))
        if let signal, signal != SIGINT { throw ExitCode(128 + signal) }
    }
}
