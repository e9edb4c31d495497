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
        DisplayText.useUTF8Locale()
        // A snapshot only reads: its clients refuse any write.
        let connections = try engines.readOnlyConnections(environment: env)
        let snapshot = await SnapshotRead.fetch(connections)
        await connections.shutdown()
        let report = SnapshotReport(snapshot, at: Date())
        print(format == .json ? try report.json() : report.table())
        if snapshot.error != nil { throw ExitCode.failure }
    }
}
