import Actions
import Dashboard
import DockerAPI
import Foundation
import Session
import Settings
import SwarmState
import XCTest

/// Inspect of lab_web through the real effect runner on the lab, compared field by field with
/// what the docker CLI says of it: `docker service inspect --pretty lab_web` for the mode,
/// limits, networks, endpoint mode, ports, secrets, configs and update config, and
/// `--format '{{json .Spec.TaskTemplate.RestartPolicy}}'` for the restart policy (which
/// `--pretty` does not print).
final class InspectIntegrationTests: XCTestCase {
    override func setUp() { DisplayText.useUTF8Locale() }

    func testInspectOfLabWebSaysWhatDockerServiceInspectPrettySays() async throws {
        let connections = try Connections(manager: DockerEndpoint(parsing: Lab.managerURL()),
                                          nodeHosts: try Lab.nodeURLs().map { ($0.0, try DockerEndpoint(parsing: $0.1)) }, timeout: 10, readOnly: true)
        let engine = RefreshEngine(connections: connections, intervals: .init(poll: 2, sizes: 60))
        let source = SwarmSource(feed: engine, connections: connections,
                                 recorder: ActionRecorder(readOnly: true, log: nil, endpoint: connections.manager.endpoint.description))
        let published = Latest()
        let session = SwarmSession(source, open: nil) { published.set($0) }
        addTeardownBlock { await session.shutdown() }
        let runner = EffectRunner(session: session, themes: ThemeCatalog(directories: []), logStreams: LogStreams { _ in })

        var snapshot: ClusterSnapshot?
        for _ in 0..<100 where snapshot == nil {
            snapshot = published.get().flatMap { $0.services.contains { $0.name == "lab_web" } ? $0 : nil }
            if snapshot == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let web = try XCTUnwrap(snapshot?.services.first { $0.name == "lab_web" }, "no snapshot with lab_web")
        var state = AppState(endpoint: "lab", readOnly: true, width: 120, height: 40)
        _ = reduce(&state, .snapshot(try XCTUnwrap(snapshot)))
        for c in ":inspect lab_web" { _ = reduce(&state, .key(.char(c))) }
        let effects = reduce(&state, .key(.enter))
        XCTAssertEqual(effects, [.inspect(.service(id: web.id, name: "lab_web"), view: 1)])
        for effect in effects { _ = reduce(&state, await runner.run(effect)) }
        let view = try XCTUnwrap(state.inspect)
        XCTAssertNil(view.failure)
        let ours = Self.fields(try XCTUnwrap(view.sections))

        let cli = Self.fields(pretty: try Lab.docker(["service", "inspect", "--pretty", "lab_web"]))
        for (cliKey, ourKey) in [("Service Mode", "Service.Service Mode"), ("Service Mode.Replicas", "Service.Service Mode.Replicas"),
                                 ("Resources.Limits.CPU", "Resources.Limits.CPU"), ("Resources.Limits.Memory", "Resources.Limits.Memory"),
                                 ("Endpoint Mode", "Endpoint.Endpoint Mode"),
                                 ("Secrets.Target", "Secrets.Target"), ("Secrets.Target.Source", "Secrets.Target.Source"),
                                 ("Configs.Target", "Configs.Target"), ("Configs.Target.Source", "Configs.Target.Source"),
                                 ("UpdateConfig.Parallelism", "UpdateConfig.Parallelism"), ("UpdateConfig.On failure", "UpdateConfig.On failure"),
                                 ("UpdateConfig.Monitoring Period", "UpdateConfig.Monitoring Period"),
                                 ("UpdateConfig.Update order", "UpdateConfig.Update order"),
                                 ("RollbackConfig.Rollback order", "RollbackConfig.Rollback order")] {
            XCTAssertNotNil(cli[cliKey], "the CLI prints \(cliKey)")
            XCTAssertEqual(ours[ourKey], cli[cliKey], "\(cliKey): ours \(ourKey)")
        }
        // `Networks: lab_webnet ` (names only); ours add the aliases.
        let cliNetworks = try XCTUnwrap(cli["Networks"]?.first).split(separator: " ").map(String.init)
        XCTAssertEqual(ours["Networks"]?.map { String($0.split(separator: " ")[0]) }, cliNetworks)
        // Each port as four lines `PublishedPort = 8080`, `Protocol = tcp`…; ours on one line.
        let cliPorts = zip(zip(cli["Ports.PublishedPort"] ?? [], cli["Ports.PublishedPort.Protocol"] ?? []),
                           zip(cli["Ports.PublishedPort.TargetPort"] ?? [], cli["Ports.PublishedPort.PublishMode"] ?? [])).map {
            "PublishedPort = \($0.0)  Protocol = \($0.1)  TargetPort = \($1.0)  PublishMode = \($1.1)"
        }
        XCTAssertFalse(cliPorts.isEmpty)
        XCTAssertEqual(ours["Endpoint.Ports"], cliPorts)

        let policy = try JSONSerialization.jsonObject(with: Data(try Lab.docker(
            ["service", "inspect", "--format", "{{json .Spec.TaskTemplate.RestartPolicy}}", "lab_web"]).utf8)) as? [String: Any]
        XCTAssertEqual(ours["Restart policy.Condition"], [try XCTUnwrap(policy?["Condition"] as? String)])
        XCTAssertEqual(ours["Restart policy.Delay"], ["\(try XCTUnwrap(policy?["Delay"] as? Int) / 1_000_000_000)s"])
        XCTAssertEqual(ours["Restart policy.Max attempts"], ["\(try XCTUnwrap(policy?["MaxAttempts"] as? Int)) (unlimited)"])
        XCTAssertEqual(ours["Resources.Limits.CPU"], ["0.1"])
        XCTAssertEqual(ours["Resources.Limits.Memory"], ["50MiB"])
    }

    /// A service that is gone, a container on a node swarmtop has no engine for, and a worker's
    /// engine taken for the manager: each read ends in an error naming what was inspected, with
    /// the engine's own words (the view shows it: `InspectViewTests`).
    func testFailuresAreSaidInTheView() async throws {
        let node2 = try XCTUnwrap(try Lab.nodeURLs().first { $0.0 == "node2" }?.1)
        for (manager, target, words) in [
            (try Lab.managerURL(), InspectTarget.service(id: "hinspectgone", name: "hinspectgone"), "service hinspectgone not found"),
            (try Lab.managerURL(), InspectTarget.container(hostname: "node9", id: "abc", name: "x"), "node9"),
            (node2, InspectTarget.node(id: "node1", hostname: "node1"), "This node is not a swarm manager"),
        ] {
            let connections = try Connections(manager: DockerEndpoint(parsing: manager), nodeHosts: [], timeout: 10, readOnly: true)
            let source = SwarmSource(feed: RefreshEngine(connections: connections, intervals: .init(poll: 60, sizes: 600)),
                                     connections: connections, recorder: ActionRecorder(readOnly: true, log: nil, endpoint: manager))
            let session = SwarmSession(source, open: nil) { _ in }
            let runner = EffectRunner(session: session, themes: ThemeCatalog(directories: []), logStreams: LogStreams { _ in })
            let answer = await runner.run(.inspect(target, view: 1))
            await session.shutdown()
            guard case .effectFinished(_, let message, let isError) = answer else { return XCTFail("\(target): \(answer)") }
            XCTAssertTrue(isError)
            XCTAssertTrue(message.hasPrefix("could not inspect \(target.label): "), message)
            XCTAssertTrue(message.contains(words), message)
        }
    }

    /// `docker service inspect --pretty`'s lines by their path of labels (`Resources.Limits.CPU`:
    /// a line's label under the labels of the lines less indented above it), `Label: value` and
    /// `Label = value` alike; a label's values in order.
    static func fields(pretty: String) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        var stack: [(indent: Int, label: String)] = []
        for line in pretty.split(separator: "\n") {
            let indent = line.prefix { $0 == " " }.count
            let text = line.dropFirst(indent)
            let separator = text.range(of: " = ") ?? text.range(of: ":")
            guard let separator else { continue }
            let label = String(text[..<separator.lowerBound])
            let value = text[separator.upperBound...].trimmingCharacters(in: .whitespaces)
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            let path = (stack.map(\.label) + [label]).joined(separator: ".")
            stack.append((indent, label))
            if !value.isEmpty { fields[path, default: []].append(value) }
        }
        return fields
    }

    /// Inspect's lines by their path of labels: the section's title, then the labels of the
    /// lines less indented above (`Resources.Limits.CPU`); a value-only line under its title.
    static func fields(_ sections: [InspectSection]) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for section in sections {
            var stack: [(indent: Int, label: String)] = []
            for line in section.lines {
                while let last = stack.last, last.indent >= line.indent { stack.removeLast() }
                let path = ([section.title] + stack.map(\.label) + (line.label.isEmpty ? [] : [line.label])).joined(separator: ".")
                if !line.label.isEmpty { stack.append((line.indent, line.label)) }
                if !line.value.isEmpty { fields[path, default: []].append(line.value) }
            }
        }
        return fields
    }
}

/// The latest snapshot published, read from the test.
private final class Latest: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: ClusterSnapshot?
    func set(_ new: ClusterSnapshot) { lock.withLock { snapshot = new } }
    func get() -> ClusterSnapshot? { lock.withLock { snapshot } }
}
