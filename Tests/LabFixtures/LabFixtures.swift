import Foundation
import SwarmState

/// Engine API responses captured from the lab by `scripts/capture-fixtures` (Engine 20.10,
/// API 1.41): the real bytes the unit tests decode and render.
public enum LabFixtures {
    /// The folder of the captured engine's API version.
    public static let apiVersion = "v1.41"

    /// The raw bytes of a captured file, e.g. `nodes.json`.
    public static func data(_ name: String, version: String = apiVersion) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/\(version)") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(version)/\(name)"])
        }
        return try Data(contentsOf: url)
    }

    /// Decodes a captured file as the client would (`DockerJSON`).
    public static func decode<T: Decodable>(_ type: T.Type, _ name: String, version: String = apiVersion) throws -> T {
        try DockerJSON.decode(type, from: data(name, version: version), path: name)
    }

    /// A snapshot of the lab as the refresh engine builds it from the captured answers
    /// (`observations()` through `SnapshotAssembler`).
    public static func snapshot() throws -> ClusterSnapshot {
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        for observation in try observations() { assembler.apply(observation) }
        return assembler.snapshot
    }

    /// The captured answers as the refresh engine observes them, all at `capturedAt`: node1's
    /// and node2's engines planned, the manager's `/info`, `/nodes`, `/services?status=true`,
    /// `/tasks` (a round), API version 1.41, and each node's `/containers/json?all=1&size=1`.
    public static func observations() throws -> [EngineObservation] {
        let at = try capturedAt()
        let hosts = ["node1", "node2"]
        let engines = hosts.map {
            EngineObservation.PlannedEngine(hostname: $0, endpoint: "unix:///run/swarmtop-lab/\($0).sock", origin: nil, problem: nil)
        }
        var contents: [(EngineObservation.Engine, EngineObservation.Content)] = [(.manager, .engines(engines))]
        for (path, file) in [(EnginePath.info, "info-manager.json"), (EnginePath.nodes, "nodes.json"),
                             (EnginePath.services, "services.json"), (EnginePath.tasks, "tasks.json")] {
            contents.append((.manager, .answer(path: path, body: try data(file), took: nil)))
        }
        contents += [(.manager, .roundEnd), (.manager, .apiVersion("1.41"))]
        for host in hosts {
            contents.append((.node(hostname: host), .answer(path: EnginePath.containers(size: true),
                                                            body: try data("containers-\(host).json"), took: nil)))
        }
        return contents.map { EngineObservation($0.0, $0.1, at: at) }
    }

    /// The manager's nodes, services and scribbler tasks captured with the log fixtures
    /// (`scripts/capture-log-fixtures`): the names a service log's line prefixes need. Built
    /// with the assembler from those answers alone (no round ended: never refreshed).
    public static func logsSnapshot() throws -> ClusterSnapshot {
        var assembler = SnapshotAssembler(endpoint: "unix:///run/swarmtop-lab/node1.sock")
        let at = Date(timeIntervalSince1970: 0)
        assembler.apply(EngineObservation(.manager, .apiVersion("1.41"), at: at))
        for (path, file) in [(EnginePath.nodes, "logs-context-nodes.json"), (EnginePath.services, "logs-context-services.json"),
                             (EnginePath.tasks, "logs-context-tasks.json")] {
            assembler.apply(EngineObservation(.manager, .answer(path: path, body: try data(file), took: nil), at: at))
        }
        return assembler.snapshot
    }

    /// A captured log stream decoded as the client does (`logs-*.bin`).
    public static func logLines(_ name: String) throws -> [LogLine] {
        var decoder = LogStreamDecoder()
        var assembler = LogLineAssembler(details: name.contains("service"))
        let frames = decoder.feed(try data(name)) + decoder.finish()
        return frames.compactMap { assembler.add($0) } + assembler.finish()
    }

    /// The capture's moment: the newest `UpdatedAt` among the captured tasks (a time in the
    /// data, so that ages such as "Running 3 minutes ago" are the same on every run).
    public static func capturedAt() throws -> Date {
        let tasks = try decode([SwarmTask].self, "tasks.json")
        return tasks.compactMap(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)
    }
}
