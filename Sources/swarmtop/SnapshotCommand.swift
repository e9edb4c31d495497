import ArgumentParser
import Dashboard
import Foundation
import Session
import Settings
import SwarmState

/// `swarmtop snapshot`: reads the swarm once and prints it, for scripts.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print the nodes, services, tasks and containers once and exit.",
        discussion: """
        --format json prints one object with the keys endpoint, api_version, taken_at, nodes,
        services, tasks, containers and errors (see the README). The exit status is 1 when the
        manager's engine did not answer, 0 otherwise (a node engine's error is in "errors").
        """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var engines: EngineOptions

    @Option(help: "table (the docker CLI's style) or json.")
    var format: Format = .table

    func run() async throws {
        try await usage { try await snapshot() }
    }

    private func snapshot() async throws {
        let env = ProcessInfo.processInfo.environment
        let config = try EffectiveSettings.resolve(
            flags: ConfigLayer(host: engines.host, context: engines.context, nodeHosts: engines.nodeHosts.isEmpty ? nil : engines.nodeHosts,
                               timeout: engines.timeout, nodeHostTemplate: engines.nodeHostTemplate),
            environment: env)
        try EffectiveSettings.validate(config)
        DisplayText.useUTF8Locale()
        let endpoints = try EffectiveSettings.endpoints(config, environment: env)
        // A snapshot only reads: its clients refuse any write.
        let connections = try EffectiveSettings.connections(endpoints, timeout: config.timeout.value, readOnly: true)
        let snapshot = await SnapshotRead.fetch(connections)
        await connections.shutdown()
        let report = SnapshotReport(snapshot, at: Date())
        print(format == .json ? try report.json() : report.table())
        if snapshot.error != nil { throw ExitCode.failure }
    }
}
