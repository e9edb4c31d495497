import ArgumentParser
import Dashboard
import Foundation
import Session
import Settings
import SwarmState

/// `swarmtop diff CONTAINER`: what a container changed against its image, like `docker diff`,
/// with sizes and what each change means on its storage driver.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print what a container changed against its image (docker diff), with sizes and their meaning.",
        discussion: """
        The container is found by name or ID prefix on every node engine swarmtop knows (as for \
        the dashboard: --node-host, --node-host-template, contexts) and the manager's. Each line is \
        `C|A|D PATH   SIZE   MEANING`; sizes are asked for at most \(ContainerChanges.statLimit) files \
        (HEAD /containers/{id}/archive each), the others show `-`. --format json prints one object \
        with the keys container_id, name, node, driver, summary and changes.
        """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var engines: EngineOptions

    @Option(help: "text (docker diff's lines plus sizes and meanings) or json.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("The container: a name or an ID prefix.", valueName: "container"))
    var container: String

    func run() async throws {
        try await usage { try await diff() }
    }

    private func diff() async throws {
        let env = ProcessInfo.processInfo.environment
        DisplayText.useUTF8Locale()
        // diff only reads: its clients refuse any write.
        let connections = try engines.readOnlyConnections(environment: env)
        let found: (hostname: String, changes: ContainerChanges)
        do {
            found = try await ContainerChangesRead.find(container, in: connections)
        } catch {
            await connections.shutdown()
            throw error
        }
        await connections.shutdown()
        let report = ChangesReport(found.changes, node: found.hostname)
        print(format == .json ? try report.json() : report.text())
    }
}
